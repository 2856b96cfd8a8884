package dev.attnviz.djl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the query and key tensors a model really multiplies, by walking back from an attention
 * {@code Softmax} through the element-wise steps that scale and mask the scores ({@code Div},
 * {@code Add}, {@code Where}, ...) to the {@code MatMul} of Q·K^T. Its first input is the query
 * {@code [batch][heads][tokens][dim]}; its second is the transposed key, and the key is the input
 * of that {@code Transpose}.
 *
 * <p>This is how rotary-position models (Llama) are read: their projections are rotated after the
 * projection, inside graph nodes with generated names, so the tensors that matter have no stable
 * name, only a stable place. For grouped-query attention the key found this way comes after {@code
 * repeat_kv}, so it already has one head per query head, as the model uses it.
 */
final class ScoreInputs {

  /** Steps allowed between the scores' MatMul and the Softmax. */
  private static final Set<String> ELEMENTWISE =
      Set.of("Add", "Sub", "Mul", "Div", "Where", "Cast", "Max", "Min");

  /** How many nodes the walk may visit from one Softmax before giving up. */
  private static final int MAX_STEPS = 12;

  private final Map<String, AttentionTensorFinder.Node> producers;

  private ScoreInputs(Map<String, AttentionTensorFinder.Node> producers) {
    this.producers = producers;
  }

  /** Indexes {@code nodes} by the tensors they produce. */
  static ScoreInputs of(List<AttentionTensorFinder.Node> nodes) {
    Map<String, AttentionTensorFinder.Node> producers = new HashMap<>();
    for (AttentionTensorFinder.Node node : nodes) {
      node.outputs().forEach(output -> producers.put(output, node));
    }
    return new ScoreInputs(producers);
  }

  /** The query of each attention tensor, or empty if any one cannot be traced. */
  Optional<List<String>> queries(List<String> attention) {
    return each(attention, matMul -> Optional.of(matMul.inputs().get(0)));
  }

  /** The key (before its transposition) of each attention tensor, or empty if any one cannot. */
  Optional<List<String>> keys(List<String> attention) {
    return each(
        attention,
        matMul -> {
          AttentionTensorFinder.Node transpose = producers.get(matMul.inputs().get(1));
          return transpose != null && transpose.opType().equals("Transpose")
              ? Optional.of(transpose.inputs().get(0))
              : Optional.empty();
        });
  }

  private Optional<List<String>> each(
      List<String> attention, Function<AttentionTensorFinder.Node, Optional<String>> pick) {
    List<String> found = new ArrayList<>();
    for (String probabilities : attention) {
      Optional<String> tensor = scores(probabilities).flatMap(pick);
      if (tensor.isEmpty()) {
        return Optional.empty();
      }
      found.add(tensor.get());
    }
    return Optional.of(found);
  }

  /** The MatMul whose product the Softmax producing {@code probabilities} normalises. */
  Optional<AttentionTensorFinder.Node> scores(String probabilities) {
    AttentionTensorFinder.Node softmax = producers.get(probabilities);
    if (softmax == null || !softmax.opType().equals("Softmax")) {
      return Optional.empty();
    }
    String scope = softmax.name().substring(0, softmax.name().lastIndexOf('/') + 1);
    Deque<String> pending = new ArrayDeque<>(softmax.inputs());
    Set<String> seen = new HashSet<>();
    int steps = 0;
    while (!pending.isEmpty() && steps++ < MAX_STEPS) {
      AttentionTensorFinder.Node node = producers.get(pending.removeFirst());
      if (node == null || !node.name().startsWith(scope) || !seen.add(node.name())) {
        continue;
      }
      if (node.opType().equals("MatMul") && node.inputs().size() == 2) {
        return Optional.of(node);
      }
      if (ELEMENTWISE.contains(node.opType())) {
        pending.addAll(node.inputs());
      }
    }
    return Optional.empty();
  }
}
