package dev.attnviz.djl;

import java.util.ArrayList;
import java.util.List;

/**
 * The graph tensors that carry attention, one per layer in layer order.
 *
 * @param family the family whose patterns matched, e.g. "BERT"
 * @param causal whether the model is decoder-only
 * @param attention attention probability tensor of each layer
 * @param queries query projection of each layer; empty if the model's are unknown
 * @param keys key projection of each layer; empty exactly when {@code queries} is
 */
record AttentionTensors(
    String family,
    boolean causal,
    List<String> attention,
    List<String> queries,
    List<String> keys) {

  /**
   * Copies the lists and checks that they fit together.
   *
   * @throws IllegalArgumentException if there is no layer or the vector lists do not match it
   */
  AttentionTensors {
    attention = List.copyOf(attention);
    queries = List.copyOf(queries);
    keys = List.copyOf(keys);
    if (attention.isEmpty()) {
      throw new IllegalArgumentException("no attention tensors");
    }
    if (queries.size() != keys.size()
        || (!queries.isEmpty() && queries.size() != attention.size())) {
      throw new IllegalArgumentException(
          attention.size()
              + " attention tensors but "
              + queries.size()
              + " query and "
              + keys.size()
              + " key tensors");
    }
  }

  /** Number of layers. */
  int layers() {
    return attention.size();
  }

  /** Whether query and key projections are known. */
  boolean hasVectors() {
    return !queries.isEmpty();
  }

  /** Every tensor name: attention, then queries, then keys. */
  List<String> all() {
    List<String> names = new ArrayList<>(attention);
    names.addAll(queries);
    names.addAll(keys);
    return names;
  }
}
