package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadStatisticsTest {

  private static final double EPS = 1e-6;
  private static final double LN2 = Math.log(2);

  /**
   * Tokens [CLS] hi [SEP]; head 0 rows (0.5, 0.25, 0.25), (0.2, 0.3, 0.5), (0, 0, 1); head 1 is the
   * identity.
   */
  private static Attention threeTokens() {
    return TestAttention.self(
        List.of("[CLS]", "hi", "[SEP]"),
        new double[][][][] {
          {
            {{0.5, 0.25, 0.25}, {0.2, 0.3, 0.5}, {0, 0, 1}},
            {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}
          }
        });
  }

  @Test
  void everyStatisticMatchesHandComputation() {
    HeadSummary head = HeadStatistics.of(threeTokens()).get(AttentionKind.SELF, 0, 0);

    // Row entropies: 0.5 ln 2 + 2 · 0.25 ln 4 = 1.5 ln 2; −(0.2 ln 0.2 + 0.3 ln 0.3 + 0.5 ln 0.5);
    // 1 ln 1 = 0 (the zeros contribute 0 ln 0 = 0).
    double row1 = -(0.2 * Math.log(0.2) + 0.3 * Math.log(0.3) + 0.5 * Math.log(0.5));
    assertEquals((1.5 * LN2 + row1 + 0) / 3, head.entropy(), EPS, "entropy");
    assertEquals((0.5 + 0.2 + 0) / 3, head.first(), EPS, "first");
    // Keys 0 and 2 are special: 0.75, 0.7, 1.
    assertEquals((0.75 + 0.7 + 1) / 3, head.special(), EPS, "special");
    assertEquals((0.5 + 0.3 + 1) / 3, head.self(), EPS, "self");
    // a_10 = 0.2, a_21 = 0 over the two rows that have a previous token.
    assertEquals((0.2 + 0) / 2, head.prev(), EPS, "prev");
    // a_01 = 0.25, a_12 = 0.5 over the two rows that have a next token.
    assertEquals((0.25 + 0.5) / 2, head.next(), EPS, "next");
    // Row 0: 0.25·1 + 0.25·2; row 1: 0.2·1 + 0.5·1; row 2: 1·0.
    assertEquals((0.75 + 0.7 + 0) / 3, head.distance(), EPS, "distance");
    assertEquals((0.5 + 0.5 + 1) / 3, head.confidence(), EPS, "confidence");
  }

  @Test
  void identityHeadAttendsOnlyToItself() {
    HeadSummary head = HeadStatistics.of(threeTokens()).get(AttentionKind.SELF, 0, 1);

    assertEquals(0, head.entropy(), EPS);
    assertEquals(1.0 / 3, head.first(), EPS);
    assertEquals(2.0 / 3, head.special(), EPS);
    assertEquals(1, head.self(), EPS);
    assertEquals(0, head.prev(), EPS);
    assertEquals(0, head.next(), EPS);
    assertEquals(0, head.distance(), EPS);
    assertEquals(1, head.confidence(), EPS);
  }

  @Test
  void valueReturnsTheFieldOfEachStatistic() {
    HeadSummary head = HeadStatistics.of(threeTokens()).get(AttentionKind.SELF, 0, 0);

    assertEquals(head.entropy(), head.value(Statistic.ENTROPY));
    assertEquals(head.first(), head.value(Statistic.FIRST));
    assertEquals(head.special(), head.value(Statistic.SPECIAL));
    assertEquals(head.self(), head.value(Statistic.SELF));
    assertEquals(head.prev(), head.value(Statistic.PREV));
    assertEquals(head.next(), head.value(Statistic.NEXT));
    assertEquals(head.distance(), head.value(Statistic.DISTANCE));
    assertEquals(head.confidence(), head.value(Statistic.CONFIDENCE));
  }

  @Test
  void twoTokensHaveOneRowForPrevAndOneForNext() {
    Attention attention =
        TestAttention.selfOneHead(List.of("a", "b"), new double[][] {{0.75, 0.25}, {0.4, 0.6}});

    HeadSummary head = HeadStatistics.of(attention).get(AttentionKind.SELF, 0, 0);

    assertEquals(0.4, head.prev(), EPS);
    assertEquals(0.25, head.next(), EPS);
    assertEquals((0.25 + 0.4) / 2, head.distance(), EPS);
  }

  @Test
  void oneTokenHasNoPreviousOrNextToken() {
    Attention attention = TestAttention.selfOneHead(List.of("[CLS]"), new double[][] {{1}});

    HeadSummary head = HeadStatistics.of(attention).get(AttentionKind.SELF, 0, 0);

    assertEquals(0, head.entropy(), EPS);
    assertEquals(1, head.first(), EPS);
    assertEquals(1, head.special(), EPS);
    assertEquals(1, head.self(), EPS);
    assertTrue(Double.isNaN(head.prev()), "prev of one token is NaN");
    assertTrue(Double.isNaN(head.next()), "next of one token is NaN");
    assertEquals(0, head.distance(), EPS);
    assertEquals(1, head.confidence(), EPS);
  }

  @Test
  void crossAttentionHasNoPositionalStatistics() {
    Attention cross =
        TestAttention.oneHead(
            AttentionKind.CROSS,
            List.of("x", "y"),
            List.of("a", "b", "[SEP]"),
            new double[][] {{0.5, 0.5, 0}, {0.25, 0.25, 0.5}});

    HeadSummary head = HeadStatistics.of(cross).get(AttentionKind.CROSS, 0, 0);

    // Row entropies ln 2 and 1.5 ln 2.
    assertEquals(1.25 * LN2, head.entropy(), EPS);
    assertEquals((0.5 + 0.25) / 2, head.first(), EPS);
    assertEquals((0 + 0.5) / 2, head.special(), EPS);
    assertEquals((0.5 + 0.5) / 2, head.confidence(), EPS);
    for (Statistic statistic : Statistic.values()) {
      assertEquals(
          statistic.needsSameSequence(),
          Double.isNaN(head.value(statistic)),
          statistic.id() + " is NaN exactly when it needs one sequence");
    }
  }

  @Test
  void crossAttentionWithoutKeysHasNoFirstOrConfidence() {
    Attention cross =
        TestAttention.oneHead(AttentionKind.CROSS, List.of("x"), List.of(), new double[][] {{}});

    HeadSummary head = HeadStatistics.of(cross).get(AttentionKind.CROSS, 0, 0);

    assertEquals(0, head.entropy());
    assertEquals(0, head.special());
    assertTrue(Double.isNaN(head.first()));
    assertTrue(Double.isNaN(head.confidence()));
  }

  @Test
  void sortsByAnyStatisticWithNanLast() {
    HeadStatistics statistics = HeadStatistics.of(threeTokens());

    List<HeadSummary> byEntropyDown = statistics.sortedBy(Statistic.ENTROPY, true);
    List<HeadSummary> byEntropyUp = statistics.sortedBy(Statistic.ENTROPY, false);

    assertEquals(List.of(0, 1), byEntropyDown.stream().map(HeadSummary::head).toList());
    assertEquals(List.of(1, 0), byEntropyUp.stream().map(HeadSummary::head).toList());

    HeadSummary nan = new HeadSummary(AttentionKind.SELF, 0, 5, 0, 0, 0, 0, Double.NaN, 0, 0, 0);
    HeadSummary low = new HeadSummary(AttentionKind.SELF, 0, 6, 0, 0, 0, 0, 0.1, 0, 0, 0);
    HeadSummary high = new HeadSummary(AttentionKind.SELF, 0, 7, 0, 0, 0, 0, 0.9, 0, 0, 0);
    List<HeadSummary> heads = new ArrayList<>(List.of(nan, low, high));
    heads.sort(HeadSummary.comparing(Statistic.PREV, true));
    assertEquals(List.of(high, low, nan), heads);
    heads.sort(HeadSummary.comparing(Statistic.PREV, false));
    assertEquals(List.of(low, high, nan), heads);
  }

  @Test
  void gridHoldsOneStatisticPerLayerAndHead() {
    double[][] uniform = {{0.5, 0.5}, {0.5, 0.5}};
    double[][] diagonal = {{1, 0}, {0, 1}};
    double[][] swap = {{0, 1}, {1, 0}};
    double[][] first = {{1, 0}, {1, 0}};
    Attention attention =
        TestAttention.self(
            List.of("a", "b"), new double[][][][] {{uniform, diagonal}, {swap, first}});

    Matrix self = HeadStatistics.of(attention).grid(AttentionKind.SELF, Statistic.SELF);

    assertEquals(2, self.rows(), "layers");
    assertEquals(2, self.cols(), "heads");
    assertEquals(0.5, self.get(0, 0), EPS);
    assertEquals(1, self.get(0, 1), EPS);
    assertEquals(0, self.get(1, 0), EPS);
    assertEquals(0.5, self.get(1, 1), EPS);
  }

  @Test
  void coversEveryKindOfEncoderDecoderData() {
    double[][] two = {{0.5, 0.5}, {0.5, 0.5}};
    AttentionData data =
        TestAttention.data(
            TestAttention.oneHead(AttentionKind.ENCODER, List.of("a", "b"), List.of("a", "b"), two),
            TestAttention.oneHead(AttentionKind.DECODER, List.of("x", "y"), List.of("x", "y"), two),
            TestAttention.oneHead(AttentionKind.CROSS, List.of("x", "y"), List.of("a", "b"), two));

    HeadStatistics statistics = HeadStatistics.of(data);

    assertEquals(
        List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
        statistics.heads().stream().map(HeadSummary::kind).toList());
    assertEquals(0.5, statistics.get(AttentionKind.DECODER, 0, 0).self(), EPS);
    assertTrue(Double.isNaN(statistics.get(AttentionKind.CROSS, 0, 0).self()));
  }

  @Test
  void rejectsUnknownKindsAndIndexes() {
    HeadStatistics statistics = HeadStatistics.of(threeTokens());

    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> statistics.get(AttentionKind.CROSS, 0, 0));
    assertTrue(missing.getMessage().contains("cross"), missing.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> statistics.get(AttentionKind.SELF, 1, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> statistics.get(AttentionKind.SELF, 0, 2));
  }

  @Test
  void matchesNumpyOnBertBase() {
    // Layer 2, head 9 of the rabbit/turtle fixture, computed independently with numpy from the
    // fixture's JSON: a = A[2, 9]; entropy = -(a * log a).sum(-1).mean(), etc.
    HeadSummary head = HeadStatistics.of(TestAttention.bertPair()).get(AttentionKind.SELF, 2, 9);

    assertEquals(0.1239531128, head.entropy(), 1e-6);
    assertEquals(0.2350246364, head.first(), 1e-6);
    assertEquals(0.4427767273, head.special(), 1e-6);
    assertEquals(0.0539024545, head.self(), 1e-6);
    assertEquals(0.0000371000, head.prev(), 1e-6);
    assertEquals(0.8027732000, head.next(), 1e-6);
    assertEquals(2.2738345455, head.distance(), 1e-6);
    assertEquals(0.9612267273, head.confidence(), 1e-6);
  }

  @Test
  void bertBaseStatisticsStayInTheirRanges() {
    AttentionData data = TestAttention.bertPair();
    int n = data.pairTokens().size();

    for (HeadSummary head : HeadStatistics.of(data).heads()) {
      String where = "layer " + head.layer() + " head " + head.head();
      assertTrue(head.entropy() >= 0 && head.entropy() <= Math.log(n) + EPS, where);
      assertTrue(head.confidence() >= 1.0 / n - EPS && head.confidence() <= 1 + EPS, where);
      assertTrue(head.distance() >= 0 && head.distance() <= n - 1, where);
      for (Statistic share : List.of(Statistic.FIRST, Statistic.SPECIAL, Statistic.SELF)) {
        double value = head.value(share);
        assertTrue(value >= 0 && value <= 1 + EPS, where + " " + share.id() + " = " + value);
      }
    }
  }

  @Test
  void bertBaseMiddleLayersAttendMostlyToSpecialTokens() {
    // Clark et al. 2019 ("What Does BERT Look At?"): in BERT-base's middle layers most attention
    // goes to [SEP] and [CLS]; the first layer attends more broadly.
    HeadStatistics statistics = HeadStatistics.of(TestAttention.bertPair());
    Matrix special = statistics.grid(AttentionKind.SELF, Statistic.SPECIAL);
    double firstLayer = meanOfRow(special, 0);

    for (int layer = 4; layer <= 9; layer++) {
      double middle = meanOfRow(special, layer);
      assertTrue(middle > 0.5, "layer " + layer + " special mass " + middle);
      assertTrue(middle > firstLayer, "layer " + layer + " vs layer 0: " + firstLayer);
    }
  }

  @Test
  void bertBaseHasANextTokenHeadInAnEarlyLayer() {
    // Clark et al. 2019 found early-layer heads that put most of their weight on the next token.
    HeadStatistics statistics = HeadStatistics.of(TestAttention.bertPair());

    HeadSummary best = statistics.sortedBy(Statistic.NEXT, true).get(0);

    assertTrue(best.next() > 0.5, "strongest next-token head " + best);
    assertTrue(best.layer() <= 3, "strongest next-token head " + best);
  }

  private static double meanOfRow(Matrix matrix, int row) {
    return matrix.rowSum(row) / matrix.cols();
  }
}
