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
    return attention.weights().readMatrix(layer, head, matrix -> summarize(matrix, layer, head));
  }

  private HeadSummary summarize(FloatBuffer matrix, int layer, int head) {
    int n = attention.queryTokens().size();
    int m = attention.keyTokens().size();
    float[] row = new float[m];
    double entropy = 0;
    double first = 0;
    double special = 0;
    double self = 0;
    double prev = 0;
    double next = 0;
    double distance = 0;
    double confidence = 0;
    RowScan scan = new RowScan();
    for (int i = 0; i < n; i++) {
      matrix.get(i * m, row);
      if (!scan.scan(row, i)) {
        // The weights are checked on the way (one pass over a mapped dump, not two); the caller
        // asks the attention which one is bad.
        return null;
      }
      entropy -= scan.xLnX;
      distance += scan.distance;
      for (int j : specialKeys) {
        special += row[j];
      }
      confidence += scan.max;
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

  /**
   * One pass over a row: its weights checked, {@code Σ a ln a}, {@code Σ a |i − j|} and the largest
   * weight. The per-weight work of {@code stats} (400 million weights for a GPT-2-medium dump), so
   * written for the CPU: four independent sums instead of one (a loop-carried double add waits for
   * the previous one), no branch per weight (zeros need none, see {@link FastLog#xLnX}), and the
   * check and the maximum as integer max / min of the weights' bits (for non-negative floats the
   * bits order as the values do).
   */
  private static final class RowScan {

    /** The bits of the largest valid weight, found once from the rule itself. */
    private static final int LIMIT_BITS = largestValidBits();

    double xLnX;
    double distance;
    float max;

    /** Scans {@code row} (the weights of query {@code i}); false if one of them is invalid. */
    boolean scan(float[] row, int i) {
      int m = row.length;
      int maxBits = Integer.MIN_VALUE;
      int minBits = Integer.MAX_VALUE;
      double e0 = 0;
      double e1 = 0;
      double e2 = 0;
      double e3 = 0;
      double d0 = 0;
      double d1 = 0;
      double d2 = 0;
      double d3 = 0;
      // |i − j| of the first lane, counted down exactly in double (no int-to-double per weight).
      double offset = i;
      int j = 0;
      for (; j + 3 < m; j += 4) {
        float a0 = row[j];
        float a1 = row[j + 1];
        float a2 = row[j + 2];
        float a3 = row[j + 3];
        int b0 = Float.floatToRawIntBits(a0);
        int b1 = Float.floatToRawIntBits(a1);
        int b2 = Float.floatToRawIntBits(a2);
        int b3 = Float.floatToRawIntBits(a3);
        maxBits = Math.max(Math.max(maxBits, b0), Math.max(b1, Math.max(b2, b3)));
        minBits = Math.min(Math.min(minBits, b0), Math.min(b1, Math.min(b2, b3)));
        e0 += FastLog.xLnX(a0);
        e1 += FastLog.xLnX(a1);
        e2 += FastLog.xLnX(a2);
        e3 += FastLog.xLnX(a3);
        d0 += a0 * Math.abs(offset);
        d1 += a1 * Math.abs(offset - 1);
        d2 += a2 * Math.abs(offset - 2);
        d3 += a3 * Math.abs(offset - 3);
        offset -= 4;
      }
      for (; j < m; j++) {
        float a = row[j];
        int b = Float.floatToRawIntBits(a);
        maxBits = Math.max(maxBits, b);
        minBits = Math.min(minBits, b);
        e0 += FastLog.xLnX(a);
        d0 += a * Math.abs(offset);
        offset -= 1;
      }
      // Negative bits: a negative weight, a negative NaN, or -0 (valid): rare, so checked again.
      // Bits above the limit: too large, infinite or NaN.
      if (maxBits > LIMIT_BITS || minBits < 0 && !allValid(row)) {
        return false;
      }
      xLnX = (e0 + e1) + (e2 + e3);
      distance = (d0 + d1) + (d2 + d3);
      // All weights are ≥ -0 here, so the largest bits are the largest weight (-0 if all are -0).
      max = m > 0 ? Float.intBitsToFloat(maxBits) : Float.NEGATIVE_INFINITY;
      return true;
    }

    private static int largestValidBits() {
      int bits = Float.floatToRawIntBits(1f);
      while (Attention.isValidWeight(Float.intBitsToFloat(bits + 1))) {
        bits++;
      }
      return bits;
    }

    private static boolean allValid(float[] row) {
      for (float a : row) {
        if (!Attention.isValidWeight(a)) {
          return false;
        }
      }
      return true;
    }
  }

  /** The mean of {@code count} summed values, NaN when there were none. */
  private static double mean(double sum, int count) {
    return count > 0 ? sum / count : Double.NaN;
  }
}
