package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The branch-free row checks of {@link HeadValueChecks} against the per-value definitions ({@link
 * Attention#isValidWeight}, {@link Float#isFinite}), and the parallel check of a large attention
 * naming the same first problem as the check in order.
 */
class HeadValueChecksTest {

  private static final float[] SPECIAL = {
    0f,
    -0f,
    Float.MIN_VALUE,
    -Float.MIN_VALUE,
    1f,
    1f + Attention.WEIGHT_TOLERANCE,
    Math.nextUp(1f + Attention.WEIGHT_TOLERANCE),
    -1e-30f,
    2f,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    Float.NaN,
    Float.intBitsToFloat(0x7fc00001),
    Float.intBitsToFloat(0xffc00000)
  };

  @Test
  void matrixChecksAgreeWithTheDefinitionsOneValueAtATime() {
    Random random = new Random(18);
    for (int trial = 0; trial < 2000; trial++) {
      int cols = random.nextInt(40);
      float[][] rows = new float[1 + random.nextInt(6)][cols];
      for (float[] row : rows) {
        for (int i = 0; i < cols; i++) {
          row[i] = random.nextFloat();
        }
      }
      // Most matrices hold one or two special values, at any place, also in the tail columns.
      int specials = random.nextInt(4) == 0 ? 2 : 1;
      for (int s = 0; s < specials && cols > 0; s++) {
        rows[random.nextInt(rows.length)][random.nextInt(cols)] =
            SPECIAL[random.nextInt(SPECIAL.length)];
      }
      boolean valid = true;
      boolean finite = true;
      float[] least = new float[cols];
      float[] greatest = new float[cols];
      float[] zeros = new float[cols];
      for (float[] row : rows) {
        for (float v : row) {
          valid &= Attention.isValidWeight(v);
          finite &= Float.isFinite(v);
        }
        HeadValueChecks.leastAndGreatest(row, least, greatest);
        HeadValueChecks.addTimesZero(row, zeros);
      }
      String what = java.util.Arrays.deepToString(rows);
      assertEquals(
          valid,
          HeadValueChecks.allValidWeights(least) && HeadValueChecks.allValidWeights(greatest),
          what);
      assertEquals(finite, HeadValueChecks.allZero(zeros), what);
    }
  }

  @Test
  void aLargeAttentionNamesItsFirstBadWeightInLayerThenHeadOrder() {
    int layers = 3;
    int heads = 4;
    int n = 80; // 3 × 4 × 80 × 80 = 76,800 weights: checked in parallel
    float[] values = new float[layers * heads * n * n];
    java.util.Arrays.fill(values, 1f / n);
    // Bad weights in [2][3], [1][2] and [1][1]: [1][1] comes first.
    values[(((2 * heads + 3) * n + 5) * n) + 7] = Float.NaN;
    values[(((1 * heads + 2) * n + 0) * n) + 0] = -1f;
    values[(((1 * heads + 1) * n + 79) * n) + 3] = 2f;
    List<String> strings = new ArrayList<>();
    IntStream.range(0, n).forEach(i -> strings.add("t" + i));
    Tokens tokens = Tokens.of(strings, new BitSet(), IntStream.range(0, n).toArray());
    Attention.Builder builder =
        Attention.builder(AttentionKind.SELF)
            .setTokens(tokens)
            .setWeights(Tensor4D.copyOf(values, layers, heads, n, n));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "self attention: weight at [layer 1][head 1][79][3] is 2.0; weights are softmax"
            + " probabilities and cannot exceed 1 (were scores saved before the softmax?)",
        e.getMessage());
  }

  @Test
  void aNonFiniteVectorValueIsNamed() {
    int n = 3;
    float[] weights = new float[n * n];
    java.util.Arrays.fill(weights, 1f / n);
    float[] queries = new float[n * 5];
    float[] keys = new float[n * 5];
    keys[2 * 5 + 4] = Float.NEGATIVE_INFINITY;
    Attention.Builder builder =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(List.of("a", "b", "c"), new BitSet(), new int[] {0, 1, 2}))
            .setWeights(Tensor4D.copyOf(weights, 1, 1, n, n))
            .optVectors(Tensor4D.copyOf(queries, 1, 1, n, 5), Tensor4D.copyOf(keys, 1, 1, n, 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "self attention: keys value at [layer 0][head 0][2][4] is -Infinity;"
            + " vectors must be finite numbers",
        e.getMessage());
  }
}
