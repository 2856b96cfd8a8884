package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.AttentionAssertions;
import dev.attnviz.core.testing.OracleFixture;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordAggregationTest {

  private static final double EPS = 1e-6;

  @Test
  void sumsToAWordAndAveragesFromAWord() {
    Attention attention = TestAttention.fourTokens(List.of("[CLS]", "un", "##like", "[SEP]"));

    Attention words = WordAggregation.aggregate(attention);

    assertEquals(List.of("[CLS]", "unlike", "[SEP]"), words.queryTokens().strings());
    assertEquals(words.queryTokens(), words.keyTokens());
    // [CLS]: (0.1, 0.2 + 0.3, 0.4)
    // unlike: mean of (0.4, 0.3 + 0.2, 0.1) and (0.2, 0.2 + 0.2, 0.4) = (0.3, 0.45, 0.25)
    // [SEP]: (0.25, 0.25 + 0.25, 0.25)
    assertArrayEquals(
        new float[] {0.1f, 0.5f, 0.4f, 0.3f, 0.45f, 0.25f, 0.25f, 0.5f, 0.25f},
        words.weights().toArray(),
        (float) EPS);
    AttentionAssertions.assertRowsSumToOne(TestAttention.data(words), 1e-6);
  }

  @Test
  void specialTokensStayWordsOfTheirOwn() {
    Attention attention = TestAttention.fourTokens(List.of("[CLS]", "un", "##like", "[SEP]"));

    Tokens words = WordAggregation.aggregate(attention).queryTokens();

    assertEquals(3, words.wordCount(), "every word is one token");
    assertTrue(words.isSpecial(0));
    assertFalse(words.isSpecial(1));
    assertTrue(words.isSpecial(2));
  }

  @Test
  void joinsPiecesOfEachTokenizerStyle() {
    assertEquals("playings", WordAggregation.join(List.of("play", "##ing", "##s")));
    assertEquals("Ġunlike", WordAggregation.join(List.of("Ġun", "like")));
    assertEquals("▁unlike", WordAggregation.join(List.of("▁un", "like")));
    assertEquals("word", WordAggregation.join(List.of("word")));
  }

  @Test
  void byteLevelBpeWordsKeepTheirSpaceMarker() {
    Attention attention = TestAttention.fourTokens(List.of("<s>", "Ġun", "like", "</s>"));

    Attention words = WordAggregation.aggregate(attention);

    assertEquals(List.of("<s>", "Ġunlike", "</s>"), words.queryTokens().strings());
    assertEquals(
        words.queryTokens(), Tokens.of(words.queryTokens().strings()), "re-inferable words");
  }

  @Test
  void dropsQueryAndKeyVectors() {
    Tensor4D vectors = Tensor4D.builder(1, 1, 4, 2).build();
    Attention pieces = TestAttention.fourTokens(List.of("[CLS]", "un", "##like", "[SEP]"));
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(pieces.queryTokens())
            .setWeights(pieces.weights())
            .optVectors(vectors, vectors)
            .build();

    assertFalse(WordAggregation.aggregate(attention).hasVectors());
  }

  @Test
  void sentenceBStartBecomesItsWordIndex() {
    AttentionData data =
        TestAttention.data(
                TestAttention.selfOneHead(
                    List.of("[CLS]", "a", "##x", "[SEP]", "b", "[SEP]"), TestAttention.uniform(6)))
            .toBuilder()
            .optSentenceBStart(4)
            .build();

    AttentionData words = WordAggregation.aggregate(data);

    assertEquals(List.of("[CLS]", "ax", "[SEP]", "b", "[SEP]"), words.pairTokens().strings());
    assertEquals(3, words.sentenceBStart().orElseThrow());
    // From "ax" (mean of two equal rows) to "ax" (two pieces): 2/6.
    assertEquals(2.0 / 6, words.primary().weight(0, 0, 1, 1), EPS);
  }

  @Test
  void aggregatesCrossAttentionAlongBothAxes() {
    List<String> decoder = List.of("x", "##y");
    List<String> encoder = List.of("a", "##b", "c");
    Attention cross =
        TestAttention.oneHead(
            AttentionKind.CROSS,
            decoder,
            encoder,
            new double[][] {{0.1, 0.2, 0.7}, {0.3, 0.3, 0.4}});

    Attention words = WordAggregation.aggregate(cross);

    assertEquals(List.of("xy"), words.queryTokens().strings());
    assertEquals(List.of("ab", "c"), words.keyTokens().strings());
    // mean of (0.3, 0.7) and (0.6, 0.4)
    assertArrayEquals(new float[] {0.45f, 0.55f}, words.weights().toArray(), (float) EPS);
  }

  @Test
  void oneTokenPerWordLeavesBertBaseUnchanged() {
    AttentionData data = TestAttention.bertPair();

    AttentionData words = WordAggregation.aggregate(data);

    assertEquals(data.primary().weights(), words.primary().weights());
    assertEquals(data.pairTokens().strings(), words.pairTokens().strings());
    assertEquals(data.sentenceBStart(), words.sentenceBStart());
  }

  @Test
  void bertBaseRowsStillSumToOneWithMultiTokenWords() {
    // The fixture has no sub-word pieces, so group tokens into words by hand: "quickly hopped" and
    // "the turtle slowly" each become one word.
    OracleFixture fixture =
        OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "rabbit-turtle-pair");
    BitSet special = new BitSet();
    special.set(0);
    special.set(5);
    special.set(10);
    int[] wordOf = {0, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7};
    AttentionData data =
        TestAttention.fromFixture(fixture, Tokens.of(fixture.tokens(), special, wordOf));

    AttentionData words = WordAggregation.aggregate(data);

    assertEquals(8, words.pairTokens().size());
    assertEquals("quicklyhopped", words.pairTokens().get(3));
    assertEquals(5, words.sentenceBStart().orElseThrow());
    AttentionAssertions.assertRowsSumToOne(words, 1e-5);
    // From "the turtle slowly" (tokens 6-8) to "quickly hopped" (tokens 3-4) in layer 7, head 1.
    double expected = 0;
    for (int i = 6; i <= 8; i++) {
      expected += fixture.attention()[7][1][i][3] + fixture.attention()[7][1][i][4];
    }
    assertEquals(expected / 3, words.primary().weight(7, 1, 5, 3), 1e-6);
  }
}
