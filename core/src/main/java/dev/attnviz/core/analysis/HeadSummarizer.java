package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.Tokens;

/**
 * Computes the {@link HeadSummary} of the heads of one attention, row by row in double precision.
 * Holds a row buffer, so one instance serves one thread.
 */
final class HeadSummarizer {

  private final Attention attention;
  private final boolean sameSequence;
  private final boolean[] specialKey;
  private final float[] row;

  HeadSummarizer(Attention attention) {
    this.attention = attention;
    this.sameSequence = attention.kind().isSelfAttention();
    Tokens keys = attention.keyTokens();
    this.specialKey = new boolean[keys.size()];
    for (int j = 0; j < specialKey.length; j++) {
      specialKey[j] = keys.isSpecial(j);
    }
    this.row = new float[keys.size()];
  }

  HeadSummary summarize(int layer, int head) {
    int n = attention.queryTokens().size();
    int m = specialKey.length;
    double entropy = 0;
    double first = 0;
    double special = 0;
    double self = 0;
    double prev = 0;
    double next = 0;
    double distance = 0;
    double confidence = 0;
    for (int i = 0; i < n; i++) {
      attention.weights().copyRow(layer, head, i, row, 0);
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double a = row[j];
        if (a > 0) {
          // 0 ln 0 is taken as its limit, 0.
          entropy -= a * Math.log(a);
        }
        if (specialKey[j]) {
          special += a;
        }
        distance += a * Math.abs(i - j);
        max = Math.max(max, a);
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
