package dev.attnviz.core;

import java.util.Objects;

/**
 * How a head turns query and key vectors into attention: scaled dot products and their softmax.
 * Used by the neuron view to show the computation and by tests to prove that the vectors a backend
 * returns are the ones that produced its weights.
 */
public final class AttentionScores {

  private AttentionScores() {}

  /**
   * Returns {@code (q_i · k_j) / sqrt(d)} for every key {@code j} of one query row.
   *
   * @param layer the layer, from 0
   * @param head the head, from 0
   * @param query the query token, from 0
   * @return a new array of one score per key token, unbounded real numbers
   * @param attention attention with vectors
   * @throws IllegalArgumentException if the attention has no vectors
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public static double[] scaledScores(Attention attention, int layer, int head, int query) {
    Objects.requireNonNull(attention, "attention");
    if (!attention.hasVectors()) {
      throw new IllegalArgumentException(attention + " has no query and key vectors");
    }
    Tensor4D queries = attention.queries().orElseThrow();
    Tensor4D keys = attention.keys().orElseThrow();
    int dim = queries.dim3();
    float[] q = new float[dim];
    float[] k = new float[dim];
    queries.copyRow(layer, head, query, q, 0);
    double scale = 1.0 / Math.sqrt(dim);
    double[] scores = new double[keys.dim2()];
    for (int j = 0; j < scores.length; j++) {
      keys.copyRow(layer, head, j, k, 0);
      double dot = 0;
      for (int d = 0; d < dim; d++) {
        dot += (double) q[d] * k[d];
      }
      scores[j] = dot * scale;
    }
    return scores;
  }

  /**
   * Returns the softmax of {@code scores} over the keys {@code j} for which {@code visible[j]} is
   * true; hidden keys get 0. Numerically stable (subtracts the maximum).
   *
   * @param scores one score per key
   * @param visible for each key, whether the query may see it
   * @return a new array of weights, each from 0 to 1, summing to 1 over the visible keys
   * @throws IllegalArgumentException if the lengths differ or no key is visible
   */
  public static double[] softmax(double[] scores, boolean[] visible) {
    if (scores.length != visible.length) {
      throw new IllegalArgumentException(
          scores.length + " scores but " + visible.length + " visibility flags");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < scores.length; j++) {
      if (visible[j]) {
        max = Math.max(max, scores[j]);
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("softmax needs at least one visible key");
    }
    double[] result = new double[scores.length];
    double sum = 0;
    for (int j = 0; j < scores.length; j++) {
      if (visible[j]) {
        result[j] = Math.exp(scores[j] - max);
        sum += result[j];
      }
    }
    for (int j = 0; j < scores.length; j++) {
      result[j] /= sum;
    }
    return result;
  }

  /**
   * Which keys query {@code query} may see: all of them, or for causal models those at or before
   * the query.
   *
   * @param keyCount the number of key tokens, at least 0
   * @param query the query token's index
   * @param causal whether the model may only look back (a decoder)
   * @return a new array of {@code keyCount} flags, true for a visible key
   */
  public static boolean[] visibleKeys(int keyCount, int query, boolean causal) {
    boolean[] visible = new boolean[keyCount];
    for (int j = 0; j < keyCount; j++) {
      visible[j] = !causal || j <= query;
    }
    return visible;
  }

  /**
   * Recomputes the attention row of one query from its vectors: softmax of the scaled scores over
   * the visible keys.
   *
   * @param attention attention with vectors
   * @param layer the layer, from 0
   * @param head the head, from 0
   * @param query the query token, from 0
   * @param causal whether the model may only look back (a decoder)
   * @return a new array of one weight per key token, each from 0 to 1, summing to 1
   * @throws IllegalArgumentException if the attention has no vectors
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public static double[] recomputeRow(
      Attention attention, int layer, int head, int query, boolean causal) {
    double[] scores = scaledScores(attention, layer, head, query);
    return softmax(scores, visibleKeys(scores.length, query, causal));
  }
}
