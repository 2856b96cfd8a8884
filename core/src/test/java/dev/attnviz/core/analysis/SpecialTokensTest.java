package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.AttentionScores;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.testing.AttentionAssertions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecialTokensTest {

  private static final double EPS = 1e-6;

  @Test
  void keepsNonSpecialTokensWithRowsRenormalized() {
    Attention attention = TestAttention.fourTokens(List.of("[CLS]", "un", "##like", "[SEP]"));

    Attention hidden = SpecialTokens.hide(attention);

    assertEquals(List.of("un", "##like"), hidden.queryTokens().strings());
    assertEquals(hidden.queryTokens(), hidden.keyTokens());
    assertFalse(hidden.queryTokens().hasSpecial());
    assertEquals(1, hidden.queryTokens().wordCount(), "un ##like stays one word");
    // Row "un": (0.3, 0.2) / 0.5; row "##like": (0.2, 0.2) / 0.4.
    assertArrayEquals(
        new float[] {0.6f, 0.4f, 0.5f, 0.5f}, hidden.weights().toArray(), (float) EPS);
  }

  @Test
  void aRowWithOnlySpecialWeightBecomesZeros() {
    Attention attention =
        TestAttention.selfOneHead(
            List.of("[CLS]", "a", "b", "[SEP]"),
            new double[][] {
              {0.5, 0.25, 0.25, 0}, {0.5, 0, 0, 0.5}, {0, 0.1, 0.3, 0.6}, {0, 0, 0, 1}
            });

    Attention hidden = SpecialTokens.hide(attention);

    assertArrayEquals(new float[] {0, 0, 0.25f, 0.75f}, hidden.weights().toArray(), (float) EPS);
  }

  @Test
  void keptVectorsStillReproduceTheWeights() {
    // Weights computed as softmax(q·k/sqrt(d)) from made-up vectors; hiding must keep that true.
    List<String> strings = List.of("[CLS]", "a", "b", "[SEP]");
    Tensor4D queries =
        Tensor4D.copyOf(new float[] {1, 0, 0.5f, -1, -0.3f, 2, 0.7f, 0.7f}, 1, 1, 4, 2);
    Tensor4D keys =
        Tensor4D.copyOf(new float[] {0.2f, 1, -1, 0.4f, 1.5f, 0.1f, 0, -0.8f}, 1, 1, 4, 2);
    Attention withVectors = withSoftmaxWeights(Tokens.of(strings), queries, keys);
    AttentionAssertions.assertVectorsReproduceWeights(TestAttention.data(withVectors), 1e-6);

    Attention hidden = SpecialTokens.hide(withVectors);

    assertTrue(hidden.hasVectors());
    assertEquals(2, hidden.queries().orElseThrow().dim2());
    assertEquals(queries.get(0, 0, 1, 0), hidden.queries().orElseThrow().get(0, 0, 0, 0));
    assertEquals(keys.get(0, 0, 2, 1), hidden.keys().orElseThrow().get(0, 0, 1, 1));
    AttentionAssertions.assertVectorsReproduceWeights(TestAttention.data(hidden), 1e-6);
  }

  private static Attention withSoftmaxWeights(Tokens tokens, Tensor4D queries, Tensor4D keys) {
    int n = tokens.size();
    Attention uniform =
        Attention.builder(AttentionKind.SELF)
            .setTokens(tokens)
            .setWeights(Tensor4D.builder(1, 1, n, n).build())
            .optVectors(queries, keys)
            .build();
    Tensor4D.Builder weights = Tensor4D.builder(1, 1, n, n);
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    for (int i = 0; i < n; i++) {
      double[] row = AttentionScores.softmax(AttentionScores.scaledScores(uniform, 0, 0, i), all);
      for (int j = 0; j < n; j++) {
        weights.set(0, 0, i, j, (float) row[j]);
      }
    }
    return Attention.builder(AttentionKind.SELF)
        .setTokens(tokens)
        .setWeights(weights.build())
        .optVectors(queries, keys)
        .build();
  }

  @Test
  void dataKeepsModelAndTruncationAndMovesSentenceB() {
    AttentionData data =
        TestAttention.data(
                TestAttention.selfOneHead(
                    List.of("[CLS]", "a", "[SEP]", "b", "[SEP]"), TestAttention.uniform(5)))
            .toBuilder()
            .optSentenceBStart(3)
            .optTruncation(new Truncation(9, 5))
            .build();

    AttentionData hidden = SpecialTokens.hide(data);

    assertEquals(List.of("a", "b"), hidden.pairTokens().strings());
    assertEquals(1, hidden.sentenceBStart().orElseThrow());
    assertEquals(data.model(), hidden.model());
    assertEquals(data.truncation(), hidden.truncation());
    assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, hidden.primary().weights().toArray());
  }

  @Test
  void dropsThePairWhenSentenceBHasOnlySpecialTokens() {
    double[][] uniform = {
      {0.25, 0.25, 0.25, 0.25},
      {0.25, 0.25, 0.25, 0.25},
      {0.25, 0.25, 0.25, 0.25},
      {0.25, 0.25, 0.25, 0.25}
    };
    AttentionData data =
        TestAttention.data(
                TestAttention.selfOneHead(
                    List.of("[CLS]", "a", "[SEP]", "[SEP]"), TestAttention.uniform(4)))
            .toBuilder()
            .optSentenceBStart(3)
            .build();

    assertFalse(SpecialTokens.hide(data).isPair());
  }

  @Test
  void hidesEachKindOfEncoderDecoderDataWithItsOwnTokens() {
    List<String> encoder = List.of("a", "b", "</s>");
    List<String> decoder = List.of("<pad>", "x", "y");
    double[][] third = {{0.5, 0.25, 0.25}, {0.5, 0.25, 0.25}, {0.2, 0.2, 0.6}};
    AttentionData data =
        TestAttention.data(
            TestAttention.oneHead(AttentionKind.ENCODER, encoder, encoder, third),
            TestAttention.oneHead(AttentionKind.DECODER, decoder, decoder, third),
            TestAttention.oneHead(AttentionKind.CROSS, decoder, encoder, third));

    AttentionData hidden = SpecialTokens.hide(data);

    Attention cross = hidden.attention(AttentionKind.CROSS);
    assertEquals(List.of("x", "y"), cross.queryTokens().strings());
    assertEquals(List.of("a", "b"), cross.keyTokens().strings());
    // Cross keeps queries 1, 2 and keys 0, 1: rows (0.5, 0.25) / 0.75 and (0.2, 0.2) / 0.4.
    assertArrayEquals(
        new float[] {2f / 3, 1f / 3, 0.5f, 0.5f}, cross.weights().toArray(), (float) EPS);
    // Decoder keeps tokens 1, 2: rows (0.25, 0.25) / 0.5 and (0.2, 0.6) / 0.8.
    assertArrayEquals(
        new float[] {0.5f, 0.5f, 0.25f, 0.75f},
        hidden.attention(AttentionKind.DECODER).weights().toArray(),
        (float) EPS);
  }

  @Test
  void rejectsAttentionWithOnlySpecialTokens() {
    Attention attention =
        TestAttention.selfOneHead(List.of("[CLS]", "[SEP]"), new double[][] {{1, 0}, {0, 1}});

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> SpecialTokens.hide(attention));
    assertTrue(error.getMessage().contains("special"), error.getMessage());
  }

  @Test
  void bertBaseRowsSumToOneAfterHiding() {
    AttentionData data = TestAttention.bertPair();
    Attention original = data.primary();

    AttentionData hidden = SpecialTokens.hide(data);

    assertEquals(
        List.of("the", "rabbit", "quickly", "hopped", "the", "turtle", "slowly", "crawled"),
        hidden.pairTokens().strings());
    assertEquals(4, hidden.sentenceBStart().orElseThrow());
    AttentionAssertions.assertRowsSumToOne(hidden, 1e-5);
    // "turtle" (original 7, new 5) to "rabbit" (original 2, new 1) in layer 5, head 3.
    int[] kept = {1, 2, 3, 4, 6, 7, 8, 9};
    double rest = 0;
    for (int k : kept) {
      rest += original.weight(5, 3, 7, k);
    }
    assertEquals(original.weight(5, 3, 7, 2) / rest, hidden.primary().weight(5, 3, 5, 1), 1e-6);
  }
}
