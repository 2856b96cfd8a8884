package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast {@link TokenPooling#pool} against the straightforward computation it replaced: every
 * weight scattered into its new column, row by row, with sums and divisions in doubles. Means (word
 * level, token windows) must be the same floats, bit for bit, except in the rows of words of two
 * query pieces, which {@link MeanPooling} sums in floats: those, and re-normalized rows (hiding
 * special tokens, multiplied by a float reciprocal), must lie within {@link
 * #RENORMALIZED_TOLERANCE} (relative, plus the least subnormal float) of the reference.
 */
class TokenPoolingTest {

  /**
   * Two roundings to float (the reciprocal and the product; for a word of two query pieces, the sum
   * of the two rows and the sum of a key's two pieces) against one: at most 2^-23 + 2^-24 of the
   * exact value apart, about 1.8e-7; 3e-7 leaves room for the reference's own rounding.
   */
  private static final double RENORMALIZED_TOLERANCE = 3e-7;

  @Test
  void poolsAsTheStraightforwardComputationOnRandomData() {
    Random random = new Random(18);
    for (int trial = 0; trial < 40; trial++) {
      int tokens = 1 + random.nextInt(trial < 20 ? 12 : 70);
      Tokens original = randomTokens(random, tokens);
      Tensor4D weights = randomWeights(random, 2, 3, tokens);
      List<TokenMapping> mappings = new ArrayList<>();
      mappings.add(TokenMapping.byWord(original));
      TokenMapping kept = TokenMapping.withoutSpecial(original);
      if (kept.size() > 0) {
        mappings.add(kept);
      }
      for (TokenMapping queries : mappings) {
        for (TokenMapping keys : mappings) {
          for (boolean renormalize : new boolean[] {false, true}) {
            Tensor4D expected = reference(weights, queries, keys, renormalize);
            TokenPooling.Pooled pooled = TokenPooling.pool(weights, queries, keys, renormalize);
            if (renormalize) {
              assertWithinRounding(expected, pooled.weights(), "trial " + trial);
            } else {
              assertMeans(expected, pooled.weights(), queries, "trial " + trial);
            }
            assertEquals(allValid(pooled.weights()), pooled.valid(), "trial " + trial);
          }
        }
      }
    }
  }

  @Test
  void wordsOfOneAndTwoPiecesAsInWordPieceTextAreWithinRoundingOfSumsInDoubles() {
    // Every third token continues the word before it, as in the bench: words of one and two
    // pieces alternate along both axes, and a word of three pieces at the end.
    Random random = new Random(6);
    int count = 61;
    int[] wordOf = new int[count];
    for (int i = 1; i < count; i++) {
      wordOf[i] = wordOf[i - 1] + (i % 3 == 2 || i >= count - 2 ? 0 : 1);
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      strings.add("t" + i);
    }
    Tokens tokens = Tokens.of(strings, new BitSet(), wordOf);
    Tensor4D weights = randomWeights(random, 2, 2, count);
    TokenMapping words = TokenMapping.byWord(tokens);
    assertEquals(3, words.originalEnd(words.size() - 1) - words.originalStart(words.size() - 1));
    TokenPooling.Pooled pooled = TokenPooling.pool(weights, words, words, false);
    assertMeans(reference(weights, words, words, false), pooled.weights(), words, "pieces");
    assertTrue(pooled.valid());
    // Two pieces that are both -0 make 0, not -0, as a sum from 0 does.
    Tensor4D zeros = Tensor4D.copyOf(new float[] {-0f, -0f, -0f, -0f}, 1, 1, 2, 2);
    TokenMapping word =
        TokenMapping.byWord(Tokens.of(List.of("a", "##b"), new BitSet(), new int[2]));
    float pooledZero = TokenPooling.pool(zeros, word, word, false).weights().get(0, 0, 0, 0);
    assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(pooledZero));
  }

  @Test
  void hidingSpecialTokensKeepsRowsOfTinyWeightsAndZeros() {
    // Row 0: kept weights whose sum (4 × 1.4e-45) has no float reciprocal; row 1: only -0 kept;
    // row 2: a plain row.
    float tiny = Float.MIN_VALUE;
    Tokens tokens =
        Tokens.of(
            List.of("[CLS]", "a", "b", "c"),
            BitSet.valueOf(new long[] {1}),
            new int[] {0, 1, 2, 3});
    Tensor4D weights =
        Tensor4D.copyOf(
            new float[] {
              1,
              0,
              0,
              0, //
              1 - 4 * tiny,
              3 * tiny,
              tiny,
              0, //
              1,
              -0f,
              -0f,
              -0f, //
              0.5f,
              0.25f,
              0.125f,
              0.125f
            },
            1,
            1,
            4,
            4);
    TokenMapping kept = TokenMapping.withoutSpecial(tokens);
    TokenPooling.Pooled pooled = TokenPooling.pool(weights, kept, kept, true);
    float[] expected = {0.75f, 0.25f, 0, 0, 0, 0, 0.5f, 0.25f, 0.25f};
    // Bit for bit: these are exact, and no -0 is left.
    assertEquals(Tensor4D.copyOf(expected, 1, 1, 3, 3), pooled.weights());
    assertTrue(pooled.valid());
  }

  @Test
  void rowsSummingAboveOneAreCheckedWeightByWeight() {
    // Valid weights whose rows sum to up to 1.6: a word's mean may or may not exceed 1, which the
    // cheap per-row check must leave to the per-weight one.
    Random random = new Random(1818);
    int invalid = 0;
    for (int trial = 0; trial < 60; trial++) {
      int tokens = 2 + random.nextInt(20);
      Tokens original = randomTokens(random, tokens);
      float[] values = new float[tokens * tokens];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextInt(4) == 0 ? 0f : (float) (1.6 * random.nextDouble() / tokens * 2);
        values[i] = Math.min(values[i], 1f);
      }
      Tensor4D weights = Tensor4D.copyOf(values, 1, 1, tokens, tokens);
      TokenMapping words = TokenMapping.byWord(original);
      TokenPooling.Pooled pooled = TokenPooling.pool(weights, words, words, false);
      Tensor4D expected = reference(weights, words, words, false);
      assertMeans(expected, pooled.weights(), words, "trial " + trial);
      assertEquals(allValid(pooled.weights()), pooled.valid(), "trial " + trial);
      invalid += allValid(expected) ? 0 : 1;
    }
    assertTrue(invalid > 0 && invalid < 60, invalid + " of 60 trials with invalid results");
  }

  @Test
  void anUnchangedMappingKeepsTheWeightsButNegativeZeros() {
    Tokens tokens = Tokens.of(List.of("a", "b", "c"));
    TokenMapping same = TokenMapping.byWord(tokens);
    Tensor4D weights =
        Tensor4D.copyOf(
            new float[] {1, 0, 0, 0.5f, 0.5f, 0, 0.2f, 0.3f, 0.5f, 1, -0f, 0, 1, 0, 0, 1, 0, 0},
            1,
            2,
            3,
            3);
    TokenPooling.Pooled pooled = TokenPooling.pool(weights, same, same, false);
    // Head 1 loses its -0, which the sums turn into 0; all else is as it was.
    assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(pooled.weights().get(0, 1, 0, 1)));
    assertEquals(
        Tensor4D.copyOf(
            new float[] {1, 0, 0, 0.5f, 0.5f, 0, 0.2f, 0.3f, 0.5f, 1, 0, 0, 1, 0, 0, 1, 0, 0},
            1,
            2,
            3,
            3),
        pooled.weights());
    assertTrue(pooled.valid());
  }

  @Test
  void aRowSumThatIsNoNumberGoesThroughTheCheckedComputation() {
    Tokens tokens =
        Tokens.of(List.of("[CLS]", "a", "b"), BitSet.valueOf(new long[] {1}), new int[] {0, 1, 2});
    Tensor4D weights =
        Tensor4D.copyOf(new float[] {1, 0, 0, 0, Float.NaN, 1, 0, 0.5f, 0.5f}, 1, 1, 3, 3);
    TokenMapping kept = TokenMapping.withoutSpecial(tokens);
    TokenPooling.Pooled pooled = TokenPooling.pool(weights, kept, kept, true);
    assertFalse(pooled.valid());
    assertTrue(Float.isNaN(pooled.weights().get(0, 0, 0, 0)));
    assertEquals(0.5f, pooled.weights().get(0, 0, 1, 1));
  }

  @Test
  void resultsWithInvalidWeightsFailTheChecksOfTheirHead() {
    // Each weight is valid, but the two pieces of the word sum to 2 in head 0; head 1 is fine.
    Tokens tokens = Tokens.of(List.of("play", "##ing"), new BitSet(), new int[] {0, 0});
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(tokens)
            .setWeights(
                Tensor4D.copyOf(new float[] {1, 1, 1, 1, 0.5f, 0.5f, 0.5f, 0.5f}, 1, 2, 2, 2))
            .build();
    Attention words = WordAggregation.aggregate(attention);
    // The heads are pooled when looked at, so each says what is wrong with it then.
    assertTrue(words.checksDeferred());
    assertTrue(words.problem(0, 0).orElseThrow().contains("cannot exceed 1"));
    assertTrue(words.problem(0, 1).isEmpty());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, words::requireValidValues);
    assertTrue(e.getMessage().contains("cannot exceed 1"), e.getMessage());
  }

  @Test
  void hidingComputesOnlyTheMatricesThatAreRead() {
    Random random = new Random(7);
    Tokens tokens =
        Tokens.of(
            List.of("[CLS]", "a", "b", "c", "[SEP]"),
            BitSet.valueOf(new long[] {0b10001}),
            new int[] {0, 1, 2, 3, 4});
    Tensor4D weights = randomWeights(random, 3, 4, 5);
    Attention attention =
        Attention.builder(AttentionKind.SELF).setTokens(tokens).setWeights(weights).build();
    Attention hidden = SpecialTokens.hide(attention);
    long matrixBytes = 3 * 3 * Float.BYTES;
    assertEquals(0, hidden.weights().heapByteSize());
    // A layer at a time: its four heads.
    assertTrue(hidden.problem(2, 1).isEmpty());
    hidden.weight(2, 3, 1, 2);
    assertEquals(4 * matrixBytes, hidden.weights().heapByteSize());
    hidden.weight(0, 3, 1, 2);
    assertEquals(8 * matrixBytes, hidden.weights().heapByteSize());
    // Checking every head computes the rest: the numbers of the straightforward computation.
    assertTrue(hidden.firstProblem().isEmpty());
    assertEquals(12 * matrixBytes, hidden.weights().heapByteSize());
    TokenMapping kept = TokenMapping.withoutSpecial(tokens);
    assertWithinRounding(reference(weights, kept, kept, true), hidden.weights(), "hidden");
  }

  @Test
  void trustedResultsAnswerNoProblem() {
    Random random = new Random(3);
    Tokens tokens = randomTokens(random, 30);
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(tokens)
            .setWeights(randomWeights(random, 2, 2, 30))
            .build();
    Attention words = WordAggregation.aggregate(attention);
    assertTrue(words.firstProblem().isEmpty());
    assertTrue(words.problem(1, 1).isEmpty());
  }

  private static Tokens randomTokens(Random random, int count) {
    List<String> strings = new ArrayList<>();
    BitSet special = new BitSet();
    int[] wordOf = new int[count];
    for (int i = 0; i < count; i++) {
      boolean isSpecial = random.nextInt(6) == 0;
      special.set(i, isSpecial);
      strings.add(isSpecial ? "[SEP]" : "t" + i);
      boolean continues = i > 0 && !isSpecial && !special.get(i - 1) && random.nextInt(3) == 0;
      wordOf[i] = i == 0 ? 0 : wordOf[i - 1] + (continues ? 0 : 1);
    }
    return Tokens.of(strings, special, wordOf);
  }

  /** Softmax-like rows, with zeros, negative zeros, tiny weights and some rows not summing to 1. */
  private static Tensor4D randomWeights(Random random, int layers, int heads, int tokens) {
    float[] values = new float[layers * heads * tokens * tokens];
    for (int row = 0; row < layers * heads * tokens; row++) {
      double[] raw = new double[tokens];
      double total = 0;
      for (int j = 0; j < tokens; j++) {
        int kind = random.nextInt(10);
        raw[j] = kind == 0 ? 0 : kind == 1 ? 1e-30 * random.nextDouble() : random.nextDouble();
        total += raw[j];
      }
      double scale = random.nextInt(8) == 0 ? 0.9 : 1;
      for (int j = 0; j < tokens; j++) {
        float w = total > 0 ? (float) (raw[j] / total * scale) : 0f;
        values[row * tokens + j] = w == 0 && random.nextBoolean() ? -0f : w;
      }
    }
    return Tensor4D.copyOf(values, layers, heads, tokens, tokens);
  }

  /** The computation before issue 18's speed-up, one weight at a time. */
  private static Tensor4D reference(
      Tensor4D weights, TokenMapping queries, TokenMapping keys, boolean renormalize) {
    Tensor4D.Builder result =
        Tensor4D.builder(weights.dim0(), weights.dim1(), queries.size(), keys.size());
    for (int l = 0; l < weights.dim0(); l++) {
      for (int h = 0; h < weights.dim1(); h++) {
        for (int u = 0; u < queries.size(); u++) {
          double[] sum = new double[keys.size()];
          int first = queries.originalStart(u);
          int last = queries.originalEnd(u);
          for (int i = first; i < last; i++) {
            for (int j = 0; j < weights.dim3(); j++) {
              int v = keys.indexOf(j);
              if (v >= 0) {
                sum[v] += weights.get(l, h, i, j);
              }
            }
          }
          double divisor = last - first;
          if (renormalize) {
            double rowSum = 0;
            for (double s : sum) {
              rowSum += s;
            }
            divisor = rowSum > 0 ? rowSum : 1;
          }
          for (int v = 0; v < sum.length; v++) {
            result.set(l, h, u, v, (float) (sum[v] / divisor));
          }
        }
      }
    }
    return result.build();
  }

  private static void assertWithinRounding(Tensor4D expected, Tensor4D actual, String what) {
    assertEquals(expected.shape(), actual.shape(), what);
    float[] e = expected.toArray();
    float[] a = actual.toArray();
    for (int i = 0; i < e.length; i++) {
      double allowed = RENORMALIZED_TOLERANCE * Math.abs(e[i]) + Float.MIN_VALUE;
      assertEquals(e[i], a[i], allowed, what + ", element " + i);
      // -0 never appears where the reference has 0.
      assertEquals(
          Float.floatToIntBits(e[i]) == Float.floatToIntBits(-0f), a[i] == 0 && 1 / a[i] < 0);
    }
  }

  /**
   * Means: bit for bit as {@code expected}, except rows of words of two query pieces, which must be
   * within rounding of it.
   */
  private static void assertMeans(
      Tensor4D expected, Tensor4D actual, TokenMapping queries, String what) {
    assertEquals(expected.shape(), actual.shape(), what);
    for (int l = 0; l < expected.dim0(); l++) {
      for (int h = 0; h < expected.dim1(); h++) {
        for (int u = 0; u < expected.dim2(); u++) {
          Tensor4D e = rowOf(expected, l, h, u);
          Tensor4D a = rowOf(actual, l, h, u);
          if (queries.originalEnd(u) - queries.originalStart(u) == 2) {
            assertWithinRounding(e, a, what + ", row " + u);
          } else {
            assertEquals(e, a, what + ", row " + u);
          }
        }
      }
    }
  }

  private static Tensor4D rowOf(Tensor4D weights, int l, int h, int u) {
    float[] row = new float[weights.dim3()];
    for (int v = 0; v < row.length; v++) {
      row[v] = weights.get(l, h, u, v);
    }
    return Tensor4D.copyOf(row, 1, 1, 1, row.length);
  }

  private static boolean allValid(Tensor4D weights) {
    for (float w : weights.toArray()) {
      if (!Attention.isValidWeight(w)) {
        return false;
      }
    }
    return true;
  }
}
