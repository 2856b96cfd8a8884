package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.OracleFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionDifferenceTest {

  private static final double EPS = 1e-6;

  private static Attention she() {
    return TestAttention.self(
        List.of("she", "asked"),
        new double[][][][] {{{{0.5, 0.5}, {0.25, 0.75}}, {{1, 0}, {0, 1}}}});
  }

  private static Attention he() {
    return TestAttention.self(
        List.of("he", "asked"),
        new double[][][][] {{{{0.9, 0.1}, {0.75, 0.25}}, {{1, 0}, {0.2, 0.8}}}});
  }

  @Test
  void subtractsEveryHeadOfBFromA() {
    AttentionDifference difference = AttentionDifference.of(she(), he());

    // Head 0: (0.5 − 0.9, 0.5 − 0.1 / 0.25 − 0.75, 0.75 − 0.25)
    assertArrayEquals(new double[] {-0.4, 0.4, -0.5, 0.5}, difference.matrix(0, 0).toArray(), EPS);
    // Head 1: (0, 0 / −0.2, 0.2)
    assertArrayEquals(new double[] {0, 0, -0.2, 0.2}, difference.matrix(0, 1).toArray(), EPS);
    assertEquals(-0.2, difference.get(0, 1, 1, 0), EPS);
    assertEquals(1, difference.layerCount());
    assertEquals(2, difference.headCount());
    assertEquals(AttentionKind.SELF, difference.kind());
  }

  @Test
  void keepsTheTokensOfBothSides() {
    AttentionDifference difference = AttentionDifference.of(she(), he());

    assertEquals(List.of("she", "asked"), difference.queryTokensA().strings());
    assertEquals(List.of("he", "asked"), difference.keyTokensB().strings());
  }

  @Test
  void rangesBoundADivergingScale() {
    AttentionDifference difference = AttentionDifference.of(she(), he());

    assertEquals(-0.5, difference.range().min(), EPS);
    assertEquals(0.5, difference.range().max(), EPS);
    assertEquals(0.5, difference.range().maxAbs(), EPS);
    assertEquals(-0.2, difference.range(0, 1).min(), EPS);
    assertEquals(0.2, difference.range(0, 1).maxAbs(), EPS);
  }

  @Test
  void rejectsDifferentTokenCounts() {
    Attention three =
        TestAttention.selfOneHead(
            List.of("a", "b", "c"), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    Attention two = TestAttention.selfOneHead(List.of("a", "b"), new double[][] {{1, 0}, {0, 1}});

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> AttentionDifference.of(three, two));
    assertTrue(error.getMessage().contains("3 query"), error.getMessage());
    assertTrue(error.getMessage().contains("2 query"), error.getMessage());
  }

  @Test
  void rejectsDifferentHeadCounts() {
    Attention oneHead =
        TestAttention.selfOneHead(List.of("she", "asked"), new double[][] {{1, 0}, {0, 1}});

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> AttentionDifference.of(she(), oneHead));
    assertTrue(error.getMessage().contains("2 heads"), error.getMessage());
  }

  @Test
  void rejectsDifferentKinds() {
    Attention encoder =
        TestAttention.oneHead(
            AttentionKind.ENCODER, List.of("a"), List.of("a"), new double[][] {{1}});
    Attention self = TestAttention.selfOneHead(List.of("a"), new double[][] {{1}});

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> AttentionDifference.of(self, encoder));
    assertTrue(error.getMessage().contains("encoder"), error.getMessage());
  }

  @Test
  void comparesEveryKindOfTwoResults() {
    Map<AttentionKind, AttentionDifference> differences =
        AttentionDifference.ofEveryKind(TestAttention.data(she()), TestAttention.data(he()));

    assertEquals(List.of(AttentionKind.SELF), List.copyOf(differences.keySet()));
    assertEquals(-0.4, differences.get(AttentionKind.SELF).get(0, 0, 0, 0), EPS);

    AttentionData encoder =
        TestAttention.data(
            TestAttention.oneHead(
                AttentionKind.ENCODER, List.of("a"), List.of("a"), new double[][] {{1}}));
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> AttentionDifference.ofEveryKind(TestAttention.data(she()), encoder));
    assertTrue(error.getMessage().contains("different attention kinds"), error.getMessage());
  }

  @Test
  void bertBaseMinusItselfIsZero() {
    AttentionData data = TestAttention.bertPair();

    AttentionDifference difference = AttentionDifference.of(data, data, AttentionKind.SELF);

    assertEquals(0, difference.range().min());
    assertEquals(0, difference.range().max());
  }

  @Test
  void bertBaseInputsOfDifferentLengthsCannotBeSubtracted() {
    OracleFixture cat = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "cat-sat");
    AttentionData catData = TestAttention.fromFixture(cat, Tokens.of(cat.tokens()));
    AttentionData pair = TestAttention.bertPair();

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> AttentionDifference.of(pair, catData, AttentionKind.SELF));
    assertTrue(error.getMessage().contains("11 query"), error.getMessage());
    assertTrue(error.getMessage().contains("8 query"), error.getMessage());
  }
}
