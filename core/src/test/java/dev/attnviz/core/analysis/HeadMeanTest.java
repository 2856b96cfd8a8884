package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadMeanTest {

  private static final double EPS = 1e-6;

  /** Layer 0: three heads; layer 1: three other heads, so a wrong layer shows. */
  private static Attention threeHeads() {
    double[][] h0 = {{1, 0}, {0, 1}};
    double[][] h1 = {{0, 1}, {0.5, 0.5}};
    double[][] h2 = {{0.25, 0.75}, {1, 0}};
    double[][] other = {{0.5, 0.5}, {0.5, 0.5}};
    return TestAttention.self(
        List.of("a", "b"), new double[][][][] {{h0, h1, h2}, {other, other, other}});
  }

  @Test
  void meanOfChosenHeads() {
    Matrix mean = HeadMean.of(threeHeads(), 0, List.of(0, 2));

    // (h0 + h2) / 2 = ((1.25, 0.75) / 2, (1, 1) / 2)
    assertArrayEquals(new double[] {0.625, 0.375, 0.5, 0.5}, mean.toArray(), EPS);
  }

  @Test
  void meanOfAllHeads() {
    Matrix mean = HeadMean.ofAllHeads(threeHeads(), 0);

    // (h0 + h1 + h2) / 3 = ((1.25, 1.75) / 3, (1.5, 1.5) / 3)
    assertArrayEquals(new double[] {1.25 / 3, 1.75 / 3, 0.5, 0.5}, mean.toArray(), EPS);
    TestAttention.assertRowsSumToOne(mean, EPS, "all-head mean");
    assertArrayEquals(
        new double[] {0.5, 0.5, 0.5, 0.5}, HeadMean.ofAllHeads(threeHeads(), 1).toArray(), EPS);
  }

  @Test
  void aHeadListedTwiceCountsOnce() {
    assertArrayEquals(
        HeadMean.of(threeHeads(), 0, List.of(0, 1)).toArray(),
        HeadMean.of(threeHeads(), 0, List.of(1, 0, 1)).toArray(),
        0);
  }

  @Test
  void oneHeadIsItsOwnMean() {
    assertArrayEquals(
        new double[] {0, 1, 0.5, 0.5}, HeadMean.of(threeHeads(), 0, List.of(1)).toArray(), EPS);
  }

  @Test
  void crossAttentionGivesARectangularMean() {
    Attention cross =
        TestAttention.oneHead(
            AttentionKind.CROSS,
            List.of("x"),
            List.of("a", "b", "c"),
            new double[][] {{0.2, 0.3, 0.5}});

    Matrix mean = HeadMean.ofAllHeads(cross, 0);

    assertArrayEquals(new double[] {0.2, 0.3, 0.5}, mean.toArray(), EPS);
    assertTrue(mean.rows() == 1 && mean.cols() == 3, mean.shape());
  }

  @Test
  void rejectsNoHeadsAndHeadsOutOfRange() {
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> HeadMean.of(threeHeads(), 0, List.of()));
    assertTrue(none.getMessage().contains("at least one head"), none.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> HeadMean.of(threeHeads(), 0, List.of(3)));
    assertThrows(IndexOutOfBoundsException.class, () -> HeadMean.ofAllHeads(threeHeads(), 2));
  }
}
