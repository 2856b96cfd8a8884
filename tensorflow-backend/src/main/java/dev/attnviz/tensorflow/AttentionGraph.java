package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The tensors to fetch from a SavedModel: one attention tensor per layer, in layer order, and
 * optionally one query and one key projection per layer.
 *
 * <p>Found by inspecting the graph rather than from a fixed list. Only operations that the
 * signature's fed inputs actually drive count: exports such as TF Hub's BERT hold the encoder
 * several times (one copy per module signature), and fetching a copy fed by some other placeholder
 * would fail or return numbers for the wrong input.
 *
 * @param family the naming family that matched, e.g. "Google BERT"
 * @param attention tensor names of the attention probabilities, one per layer
 * @param queries tensor names of the query projections, one per layer, or empty
 * @param keys tensor names of the key projections, one per layer, or empty
 */
record AttentionGraph(
    String family, List<String> attention, List<String> queries, List<String> keys) {

  private static final int SAMPLE_SIZE = 12;

  /** Whether query and key vectors can be fetched. */
  boolean hasVectors() {
    return !queries.isEmpty();
  }

  /** Number of layers. */
  int layerCount() {
    return attention.size();
  }

  /**
   * Finds the tensors with the first pattern family that matches any operation driven by the
   * signature's inputs.
   *
   * @throws AttentionException with {@link Reason#NO_ATTENTION} listing the patterns tried and a
   *     sample of the operation names seen, or {@link Reason#MODEL_INVALID} if a layer matches
   *     twice
   */
  static AttentionGraph scan(
      Graph graph,
      MetaGraphDef metaGraph,
      ServingSignature signature,
      List<TensorPatterns> families,
      String model)
      throws AttentionException {
    List<GraphOperation> driven = drivenBy(graph, signature.fedInputs());
    for (TensorPatterns family : families) {
      SortedMap<Integer, String> attention =
          match(driven, family.attention(), family.softmaxOnly() ? "Softmax" : null, model);
      if (attention.isEmpty()) {
        continue;
      }
      SortedMap<Integer, String> queries =
          matchOptional(driven, family.query().orElse(null), model);
      SortedMap<Integer, String> keys = matchOptional(driven, family.key().orElse(null), model);
      boolean vectors =
          queries.keySet().equals(attention.keySet()) && keys.keySet().equals(attention.keySet());
      if (!vectors && family.userVectors()) {
        throw new AttentionException(
            Reason.NO_ATTENTION,
            "In "
                + model
                + " the attention pattern matches "
                + attention.size()
                + " layers but the query pattern matches "
                + queries.size()
                + " and the key pattern "
                + keys.size()
                + ". Adjust the patterns so that each matches one tensor per layer.");
      }
      return new AttentionGraph(
          family.family(),
          List.copyOf(attention.values()),
          vectors ? List.copyOf(queries.values()) : List.of(),
          vectors ? List.copyOf(keys.values()) : List.of());
    }
    throw new AttentionException(
        Reason.NO_ATTENTION, noAttentionMessage(graph, metaGraph, signature, families, model));
  }

  /** Every operation reachable from the fed inputs, in the order they were reached. */
  private static List<GraphOperation> drivenBy(Graph graph, List<String> inputs) {
    Set<GraphOperation> seen = new LinkedHashSet<>();
    Deque<GraphOperation> queue = new ArrayDeque<>();
    for (String input : inputs) {
      GraphOperation op = graph.operation(opName(input));
      if (op != null) {
        queue.add(op);
      }
    }
    while (!queue.isEmpty()) {
      GraphOperation op = queue.poll();
      if (seen.add(op)) {
        queue.addAll(op.consumers());
      }
    }
    return new ArrayList<>(seen);
  }

  private static SortedMap<Integer, String> matchOptional(
      List<GraphOperation> ops, Pattern pattern, String model) throws AttentionException {
    return pattern == null ? new TreeMap<>() : match(ops, pattern, null, model);
  }

  private static SortedMap<Integer, String> match(
      List<GraphOperation> ops, Pattern pattern, String type, String model)
      throws AttentionException {
    SortedMap<Integer, String> byLayer = new TreeMap<>();
    for (GraphOperation op : ops) {
      int layer = TensorPatterns.layerOf(pattern, op.name());
      if (layer < 0 || (type != null && !type.equals(op.type()))) {
        continue;
      }
      String previous = byLayer.put(layer, op.name() + ":0");
      if (previous != null) {
        throw new AttentionException(
            Reason.NO_ATTENTION,
            "In "
                + model
                + " the pattern "
                + pattern.pattern()
                + " matches two tensors of layer "
                + layer
                + " ("
                + previous
                + " and "
                + op.name()
                + ":0). Make the pattern match one tensor per layer.");
      }
    }
    return byLayer;
  }

  private static String opName(String tensorName) {
    int colon = tensorName.lastIndexOf(':');
    return colon < 0 ? tensorName : tensorName.substring(0, colon);
  }

  private static String noAttentionMessage(
      Graph graph,
      MetaGraphDef metaGraph,
      ServingSignature signature,
      List<TensorPatterns> families,
      String model) {
    List<String> all = new ArrayList<>();
    List<String> softmax = new ArrayList<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      all.add(op.name());
      if ("Softmax".equals(op.type())) {
        softmax.add(op.name());
      }
    }
    StringBuilder message =
        new StringBuilder("No attention tensors found in ")
            .append(model)
            .append(". Looked for operations driven by the inputs ")
            .append(signature.fedInputs())
            .append(" whose names match ")
            .append(
                families.stream().map(TensorPatterns::describe).collect(Collectors.joining("; ")))
            .append(". Operations seen: ")
            .append(all.size())
            .append(", e.g. ")
            .append(String.join(", ", sample(all)))
            .append(". Softmax operations: ")
            .append(softmax.isEmpty() ? "none" : String.join(", ", sample(softmax)))
            .append('.');
    long inFunctions = softmaxInFunctions(metaGraph);
    if (inFunctions > 0) {
      message
          .append(' ')
          .append(inFunctions)
          .append(
              " Softmax operations sit inside TF2 functions, which a session cannot fetch; export"
                  + " the model as a TF1-style graph.");
    }
    message
        .append(
            " If this model names its attention probabilities differently, pass the ModelSource")
        .append(" option '")
        .append(ModelSource.ATTENTION_PATTERN)
        .append("' with a regular expression that has a (?<layer>\\d+) group.");
    return message.toString();
  }

  /** Up to {@value #SAMPLE_SIZE} names spread evenly over the list. */
  static List<String> sample(List<String> names) {
    if (names.size() <= SAMPLE_SIZE) {
      return names;
    }
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < SAMPLE_SIZE; i++) {
      sample.add(names.get(i * names.size() / SAMPLE_SIZE));
    }
    sample.add("and " + (names.size() - SAMPLE_SIZE) + " more");
    return sample;
  }

  private static long softmaxInFunctions(MetaGraphDef metaGraph) {
    long count = 0;
    for (FunctionDef function : metaGraph.getGraphDef().getLibrary().getFunctionList()) {
      for (NodeDef node : function.getNodeDefList()) {
        if ("Softmax".equals(node.getOp())) {
          count++;
        }
      }
    }
    return count;
  }
}
