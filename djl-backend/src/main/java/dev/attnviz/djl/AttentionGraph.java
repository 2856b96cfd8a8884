package dev.attnviz.djl;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the provider needs to know about a rewritten graph to run it: the attention tensors it
 * exposes, the inputs to fill, the model's own outputs, and how many positions it has. Stored next
 * to the rewritten model in the cache, so that a cached start does not parse the graph again.
 *
 * @param tensors the attention, query and key tensors, now graph outputs
 * @param inputs the graph inputs, all of which the provider can fill
 * @param modelOutputs the outputs the graph had before the rewrite
 * @param positionLimit rows of the position embedding table, or 0 if the graph does not say
 */
record AttentionGraph(
    AttentionTensors tensors,
    List<ModelInput> inputs,
    List<String> modelOutputs,
    int positionLimit) {

  /** Copies the lists. */
  AttentionGraph {
    inputs = List.copyOf(inputs);
    modelOutputs = List.copyOf(modelOutputs);
  }

  /** Writes this description as properties. */
  Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("family", tensors.family());
    p.setProperty("causal", String.valueOf(tensors.causal()));
    putList(p, "attention", tensors.attention());
    putList(p, "query", tensors.queries());
    putList(p, "key", tensors.keys());
    putList(p, "input", inputs.stream().map(ModelInput::name).toList());
    putList(p, "inputRole", inputs.stream().map(i -> i.role().name()).toList());
    putList(p, "inputBits", inputs.stream().map(i -> String.valueOf(i.integerBits())).toList());
    putList(p, "output", modelOutputs);
    p.setProperty("positionLimit", String.valueOf(positionLimit));
    return p;
  }

  /**
   * Reads a description written by {@link #toProperties()}.
   *
   * @throws IllegalArgumentException if the properties are incomplete or malformed
   */
  static AttentionGraph fromProperties(Properties p) {
    List<String> names = getList(p, "input");
    List<String> roles = getList(p, "inputRole");
    List<String> bits = getList(p, "inputBits");
    if (roles.size() != names.size() || bits.size() != names.size()) {
      throw new IllegalArgumentException("input lists differ in length");
    }
    List<ModelInput> inputs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      inputs.add(
          new ModelInput(
              names.get(i), ModelInput.Role.valueOf(roles.get(i)), Integer.parseInt(bits.get(i))));
    }
    AttentionTensors tensors =
        new AttentionTensors(
            required(p, "family"),
            Boolean.parseBoolean(required(p, "causal")),
            getList(p, "attention"),
            getList(p, "query"),
            getList(p, "key"));
    return new AttentionGraph(
        tensors, inputs, getList(p, "output"), Integer.parseInt(required(p, "positionLimit")));
  }

  private static void putList(Properties p, String key, List<String> values) {
    p.setProperty(key + ".count", String.valueOf(values.size()));
    for (int i = 0; i < values.size(); i++) {
      p.setProperty(key + "." + i, values.get(i));
    }
  }

  private static List<String> getList(Properties p, String key) {
    int count = Integer.parseInt(required(p, key + ".count"));
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(required(p, key + "." + i));
    }
    return values;
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("missing property " + key);
    }
    return value;
  }
}
