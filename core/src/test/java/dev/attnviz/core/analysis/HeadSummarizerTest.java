package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast per-weight kernel of the statistics (table logarithm, four sums per row, checks on the
 * weights' bits) agrees with a straightforward double-precision computation with {@link Math#log}
 * on every kind of row a dump holds, and still rejects every invalid weight with the attention's
 * own message.
 */
class HeadSummarizerTest {

  /**
   * The CSV prints six decimals, so 10⁻⁶ would do; the kernel's error (a logarithm within 5 ×
   * 10⁻¹¹, sums in another order) is far below, and a tighter bound shows that margin.
   */
  private static final double TOLERANCE = 1e-9;

  private static final int HEADS = 8;

  @Test
  void selfAttentionMatchesTheDoubleReferenceOnEveryKindOfRow() {
    // Sizes around the kernel's four lanes (remainders 0-3), one token, and a long row.
    for (int n : new int[] {1, 2, 3, 4, 5, 7, 17, 64, 131, 1024}) {
      SplittableRandom random = new SplittableRandom(n);
      float[][][] heads = new float[HEADS][][];
      for (int h = 0; h < HEADS; h++) {
        heads[h] = matrix(n, n, h, random);
      }
      assertMatchesReference(attention(AttentionKind.SELF, n, n, heads, false), heads);
      assertMatchesReference(attention(AttentionKind.SELF, n, n, heads, true), heads);
    }
  }

  @Test
  void crossAttentionMatchesTheDoubleReference() {
    for (int[] shape : new int[][] {{1, 9}, {9, 1}, {6, 131}, {131, 6}, {33, 33}}) {
      SplittableRandom random = new SplittableRandom(shape[0] * 1000L + shape[1]);
      float[][][] heads = new float[HEADS][][];
      for (int h = 0; h < HEADS; h++) {
        heads[h] = matrix(shape[0], shape[1], h, random);
      }
      assertMatchesReference(
          attention(AttentionKind.CROSS, shape[0], shape[1], heads, false), heads);
    }
  }

  @Test
  void negativeZeroCountsAsZeroAndTheLargestValidWeightIsAccepted() {
    float largest = 1f + 1e-3f;
    assertTrue(Attention.isValidWeight(largest), "the tolerance's own bound is valid");
    float[][][] heads = {
      {{-0f, 0.5f, 0.5f, -0f, 0f}, {0f, 0f, largest, -0f, 0f}, {-0f, -0f, -0f, -0f, -0f}},
    };
    heads[0] = new float[][] {heads[0][0], heads[0][1], heads[0][2], heads[0][0], heads[0][1]};
    assertMatchesReference(attention(AttentionKind.SELF, 5, 5, heads, true), heads);
  }

  @Test
  void everyInvalidWeightIsRejectedWithTheAttentionsMessage() {
    float justAbove = Math.nextUp(1f + 1e-3f);
    float[] bad = {
      Float.NaN,
      Float.intBitsToFloat(0xffc00000), // a NaN with the sign bit set
      -1e-30f,
      -Float.MIN_VALUE,
      -1f,
      Float.NEGATIVE_INFINITY,
      Float.POSITIVE_INFINITY,
      2f,
      justAbove
    };
    int n = 11;
    for (float value : bad) {
      assertTrue(!Attention.isValidWeight(value), value + " is invalid");
      // In a four-lane block (0-7) and in the remainder (8-10), with and without a valid -0.
      for (int key : new int[] {0, 3, 6, 9, 10}) {
        float[][][] heads = {uniformMatrix(n), uniformMatrix(n)};
        heads[1][4][key] = value;
        heads[1][4][(key + 1) % n] = -0f;
        Attention attention = attention(AttentionKind.SELF, n, n, heads, true);
        String expected = attention.problem(0, 1).orElseThrow();
        IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> HeadStatistics.of(attention));
        assertEquals(expected, e.getMessage(), value + " at key " + key);
      }
    }
  }

  /** One head's weights: a different kind of row per head, rows normalised like a softmax. */
  private static float[][] matrix(int n, int m, int kind, SplittableRandom random) {
    float[][] rows = new float[n][m];
    for (int i = 0; i < n; i++) {
      double[] row = new double[m];
      for (int j = 0; j < m; j++) {
        double u = random.nextDouble();
        row[j] =
            switch (kind) {
              case 0 -> Math.pow(u, 4); // the benchmark dump's rows
              case 1 -> Math.exp(60 * u); // a sharp softmax: many tiny weights
              case 2 -> j <= i ? u : 0; // causal mask: zeros after the query
              case 3 -> j == (i + 1) % m ? 1 : 0; // one-hot
              case 4 -> 1; // uniform
              case 5 -> Math.exp(200 * u); // underflows to subnormals and zeros after division
              default -> u < 0.5 ? 0 : u; // half zeros at random
            };
      }
      double sum = Arrays.stream(row).sum();
      for (int j = 0; j < m; j++) {
        rows[i][j] = sum > 0 ? (float) (row[j] / sum) : 0f;
      }
    }
    if (kind == 5 && m > 3) {
      // Subnormal weights beside normal ones, whatever the division gave.
      rows[0][1] = Float.MIN_VALUE;
      rows[0][2] = 1e-40f;
      rows[0][3] = Float.MIN_NORMAL;
    }
    return rows;
  }

  private static float[][] uniformMatrix(int n) {
    float[][] rows = new float[n][n];
    for (float[] row : rows) {
      Arrays.fill(row, 1f / n);
    }
    return rows;
  }

  private static Attention attention(
      AttentionKind kind, int n, int m, float[][][] heads, boolean deferred) {
    Tensor4D.Builder weights = Tensor4D.builder(1, heads.length, n, m);
    for (int h = 0; h < heads.length; h++) {
      for (int i = 0; i < n; i++) {
        weights.setRow(0, h, i, heads[h][i], 0);
      }
    }
    Attention.Builder builder = Attention.builder(kind).setWeights(weights.build());
    if (kind.isSelfAttention()) {
      builder.setTokens(tokens(n, "t"));
    } else {
      builder.setQueryTokens(tokens(n, "q")).setKeyTokens(tokens(m, "k"));
    }
    return (deferred ? builder.deferValueChecks() : builder).build();
  }

  /** [CLS] first, [SEP] last (when there are two or more), words between. */
  private static Tokens tokens(int count, String word) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(i == 0 ? "[CLS]" : i == count - 1 ? "[SEP]" : word + i);
    }
    return Tokens.of(tokens);
  }

  private static void assertMatchesReference(Attention attention, float[][][] heads) {
    HeadStatistics statistics = HeadStatistics.of(attention);
    boolean self = attention.kind().isSelfAttention();
    Tokens keys = attention.keyTokens();
    for (int h = 0; h < heads.length; h++) {
      HeadSummary actual = statistics.get(attention.kind(), 0, h);
      double[] expected = reference(heads[h], keys, self);
      for (Statistic statistic : Statistic.values()) {
        double want = expected[statistic.ordinal()];
        double got = actual.value(statistic);
        String what = statistic.id() + " of head " + h + ", " + heads[h].length + " queries";
        if (Double.isNaN(want)) {
          assertTrue(Double.isNaN(got), what + " is NaN");
        } else {
          assertEquals(want, got, TOLERANCE, what);
        }
      }
    }
  }

  /**
   * Every statistic of one head computed the obvious way in double precision, indexed by {@link
   * Statistic#ordinal()}.
   */
  private static double[] reference(float[][] rows, Tokens keys, boolean self) {
    int n = rows.length;
    int m = keys.size();
    double entropy = 0;
    double first = 0;
    double special = 0;
    double itself = 0;
    double prev = 0;
    double next = 0;
    double distance = 0;
    double confidence = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        double a = rows[i][j];
        if (a > 0) {
          entropy -= a * Math.log(a);
        }
        distance += a * Math.abs(i - j);
        max = Math.max(max, a);
        special += keys.isSpecial(j) ? a : 0;
      }
      confidence += max;
      first += rows[i][0];
      itself += self ? rows[i][i] : 0;
      prev += self && i > 0 ? rows[i][i - 1] : 0;
      next += self && i < n - 1 ? rows[i][i + 1] : 0;
    }
    double[] values = new double[Statistic.values().length];
    values[Statistic.ENTROPY.ordinal()] = entropy / n;
    values[Statistic.FIRST.ordinal()] = first / n;
    values[Statistic.SPECIAL.ordinal()] = special / n;
    values[Statistic.SELF.ordinal()] = self ? itself / n : Double.NaN;
    values[Statistic.PREV.ordinal()] = self && n > 1 ? prev / (n - 1) : Double.NaN;
    values[Statistic.NEXT.ordinal()] = self && n > 1 ? next / (n - 1) : Double.NaN;
    values[Statistic.DISTANCE.ordinal()] = self ? distance / n : Double.NaN;
    values[Statistic.CONFIDENCE.ordinal()] = confidence / n;
    return values;
  }
}
