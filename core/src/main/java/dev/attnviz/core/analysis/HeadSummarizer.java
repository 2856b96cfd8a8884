package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.Tokens;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Computes the {@link HeadSummary} of the heads of one attention, row by row in double precision.
 * Immutable, so one instance serves every thread: each call reads its head's matrix row by row into
 * its own buffer (one bulk copy per row, sequential in the mapped file) and allocates nothing per
 * weight.
 */
final class HeadSummarizer {

  private final Attention attention;
  private final boolean sameSequence;
  private final int[] specialKeys;

  HeadSummarizer(Attention attention) {
    this.attention = attention;
    this.sameSequence = attention.kind().isSelfAttention();
    Tokens keys = attention.keyTokens();
    this.specialKeys = IntStream.range(0, keys.size()).filter(keys::isSpecial).toArray();
  }

  /**
   * The summary of one head, or null if one of its weights is invalid ({@link Attention#problem}
   * says which): thrown from a parallel stream, the message would be wrapped.
   */
  HeadSummary summarize(int layer, int head) {
    int n = attention.queryTokens().size();
    int m = attention.keyTokens().size();
    FloatBuffer matrix = attention.weights().matrix(layer, head);
    float[] row = new float[m];
    double entropy = 0;
    double first = 0;
    double special = 0;
    double self = 0;
    double prev = 0;
    double next = 0;
    double distance = 0;
    double confidence = 0;
    for (int i = 0; i < n; i++) {
      matrix.get(i * m, row);
      float max = Float.NEGATIVE_INFINITY;
      boolean valid = true;
      double rowEntropy = 0;
      double rowDistance = 0;
      for (int j = 0; j < m; j++) {
        float a = row[j];
        valid &= Attention.isValidWeight(a);
        // 0 ln 0 is taken as its limit, 0; subnormal weights are rare enough for Math.log.
        if (a >= Float.MIN_NORMAL) {
          rowEntropy += a * FastLog.lnNormal(a);
        } else if (a > 0) {
          rowEntropy += a * Math.log(a);
        }
        rowDistance += a * (double) Math.abs(i - j);
        if (a > max) {
          max = a;
        }
      }
      if (!valid) {
        // The weights are checked on the way (one pass over a mapped dump, not two); the caller
        // asks the attention which one is bad.
        return null;
      }
      entropy -= rowEntropy;
      distance += rowDistance;
      for (int j : specialKeys) {
        special += row[j];
      }
      confidence += max;
      if (m > 0) {
        first += row[0];
      }
      if (sameSequence) {
        self += row[i];
        if (i >= 1) {
          prev += row[i - 1];
        }
        if (i <= n - 2) {
          next += row[i + 1];
        }
      }
    }
    boolean hasKeys = m > 0;
    return new HeadSummary(
        attention.kind(),
        layer,
        head,
        entropy / n,
        hasKeys ? first / n : Double.NaN,
        special / n,
        sameSequence ? self / n : Double.NaN,
        sameSequence ? mean(prev, n - 1) : Double.NaN,
        sameSequence ? mean(next, n - 1) : Double.NaN,
        sameSequence ? distance / n : Double.NaN,
        hasKeys ? confidence / n : Double.NaN);
  }

  /** The mean of {@code count} summed values, NaN when there were none. */
  private static double mean(double sum, int count) {
    return count > 0 ? sum / count : Double.NaN;
  }
}
