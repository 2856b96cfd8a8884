package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the attention, query and key tensors of a graph by name, trying the candidate pattern
 * families in order. Knows nothing about ONNX files: it works on the graph's node list.
 */
final class AttentionTensorFinder {

  /**
   * One node of a graph, as far as finding tensors goes.
   *
   * @param name the node's name, e.g. {@code /encoder/layer.0/attention/self/Softmax}
   * @param opType the operator, e.g. {@code Softmax}
   * @param inputs the names of the tensors it reads, in order
   * @param outputs the names of the tensors it produces
   */
  record Node(String name, String opType, List<String> inputs, List<String> outputs) {}

  private static final int SAMPLE_SIZE = 8;

  private AttentionTensorFinder() {}

  /**
   * Returns the tensors of the first family whose attention pattern matches.
   *
   * @param nodes the graph's nodes
   * @param candidates families to try, in order
   * @param modelName the model file's name, for messages
   * @throws AttentionException with {@link Reason#NO_ATTENTION} if no family matches (the message
   *     lists the patterns tried and sample node names), or if the matches do not form layers 0 to
   *     L-1 exactly once each
   */
  static AttentionTensors find(List<Node> nodes, List<TensorPatterns> candidates, String modelName)
      throws AttentionException {
    List<String> tensors = nodes.stream().flatMap(n -> n.outputs().stream()).toList();
    for (TensorPatterns patterns : candidates) {
      List<String> attention = byLayer(tensors, patterns.attention(), "attention", modelName);
      if (attention.isEmpty()) {
        continue;
      }
      List<String> queries = List.of();
      List<String> keys = List.of();
      if (patterns.hasVectors()) {
        List<String> q = byLayer(tensors, patterns.query().orElseThrow(), "query", modelName);
        List<String> k = byLayer(tensors, patterns.key().orElseThrow(), "key", modelName);
        if (q.size() == attention.size() && k.size() == attention.size()) {
          queries = q;
          keys = k;
        } else if (patterns.isCustom()) {
          // A known family without matching vectors (an unusual variant) still has attention;
          // the user's own patterns that do not line up are a mistake worth reporting.
          throw new AttentionException(
              Reason.NO_ATTENTION,
              "In "
                  + modelName
                  + " the attention pattern matches "
                  + attention.size()
                  + " layers but the query pattern matches "
                  + q.size()
                  + " and the key pattern "
                  + k.size()
                  + ". Adjust the patterns so that each matches one tensor per layer.");
        }
      }
      if (patterns.tracedVectors()) {
        ScoreInputs traced = ScoreInputs.of(nodes);
        Optional<List<String>> q = traced.queries(attention);
        Optional<List<String>> k = traced.keys(attention);
        if (q.isPresent() && k.isPresent()) {
          queries = q.get();
          keys = k.get();
        }
      }
      return new AttentionTensors(patterns.family(), patterns.causal(), attention, queries, keys);
    }
    throw new AttentionException(
        Reason.NO_ATTENTION, notFoundMessage(nodes, candidates, modelName));
  }

  /** The tensors matching {@code pattern}, ordered by layer; empty if none match. */
  private static List<String> byLayer(
      List<String> tensors, Pattern pattern, String what, String modelName)
      throws AttentionException {
    Map<Integer, String> byLayer = new TreeMap<>();
    for (String tensor : tensors) {
      Matcher matcher = pattern.matcher(tensor);
      if (!matcher.matches()) {
        continue;
      }
      int layer = Integer.parseInt(matcher.group("layer"));
      String previous = byLayer.put(layer, tensor);
      if (previous != null && !previous.equals(tensor)) {
        throw patternProblem(
            modelName,
            what,
            pattern,
            "matches two tensors of layer "
                + layer
                + " ("
                + previous
                + " and "
                + tensor
                + "). Make the pattern match one tensor per layer.");
      }
    }
    int expected = 0;
    for (int layer : byLayer.keySet()) {
      if (layer != expected) {
        throw patternProblem(
            modelName,
            what,
            pattern,
            "matches layers "
                + byLayer.keySet()
                + " but layer "
                + expected
                + " is missing. Layers must be numbered from 0 without gaps.");
      }
      expected++;
    }
    return new ArrayList<>(byLayer.values());
  }

  private static AttentionException patternProblem(
      String modelName, String what, Pattern pattern, String problem) {
    return new AttentionException(
        Reason.NO_ATTENTION,
        "In " + modelName + " the " + what + " pattern " + pattern.pattern() + " " + problem);
  }

  private static String notFoundMessage(
      List<Node> nodes, List<TensorPatterns> candidates, String modelName) {
    List<Node> softmax = nodes.stream().filter(n -> n.opType().equals("Softmax")).toList();
    List<Node> sample = (softmax.isEmpty() ? nodes : softmax).stream().limit(SAMPLE_SIZE).toList();
    String sampleText =
        sample.isEmpty()
            ? "the graph has no nodes"
            : (softmax.isEmpty() ? "no Softmax node; first nodes: " : "Softmax nodes: ")
                + sample.stream()
                    .map(n -> n.name() + " -> " + String.join(", ", n.outputs()))
                    .collect(Collectors.joining("; "));
    return "No attention tensors found in "
        + modelName
        + ". Tried "
        + candidates.stream().map(TensorPatterns::describe).collect(Collectors.joining("; "))
        + ". Sample of the graph ("
        + sampleText
        + "). If the model names its attention differently, pass a regular expression for the"
        + " attention Softmax outputs with the option '"
        + ModelSource.ATTENTION_PATTERN
        + "' (with a (?<layer>\\d+) group); if it has no Softmax node, export it with eager"
        + " attention (attn_implementation=\"eager\").";
  }
}
