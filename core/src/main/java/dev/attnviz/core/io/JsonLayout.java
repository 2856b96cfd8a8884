package dev.attnviz.core.io;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import java.util.List;

/**
 * What the first pass over a JSON file learned: everything but the numbers, plus the shape of every
 * tensor, so that the second pass can allocate each tensor once and fill it in place.
 *
 * @param model the model
 * @param sentenceBStart where sentence B starts, or null
 * @param truncation the truncation, or null
 * @param kinds one entry per element of {@code "attention"}, in file order
 */
record JsonLayout(
    ModelInfo model, Integer sentenceBStart, Truncation truncation, List<Kind> kinds) {

  /**
   * One element of {@code "attention"}.
   *
   * @param kind the attention kind
   * @param queryTokens tokens of the query axis
   * @param keyTokens tokens of the key axis
   * @param weights shape of the weights
   * @param queries shape of the query vectors, or null if absent
   * @param keys shape of the key vectors, or null if absent
   */
  record Kind(
      AttentionKind kind,
      Tokens queryTokens,
      Tokens keyTokens,
      long[] weights,
      long[] queries,
      long[] keys) {

    /** Number of floats in this element's tensors. */
    long elements() {
      try {
        return Math.addExact(count(weights), Math.addExact(count(queries), count(keys)));
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }

    private static long count(long[] shape) {
      long count = 1;
      for (long dim : shape == null ? new long[] {0} : shape) {
        count = Math.multiplyExact(count, dim);
      }
      return count;
    }
  }
}
