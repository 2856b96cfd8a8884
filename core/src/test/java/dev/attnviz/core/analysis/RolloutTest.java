package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTest {

  private static final double EPS = 1e-6;

  /**
   * Layer 0 heads (1, 0 / 0.5, 0.5) and (0, 1 / 0.5, 0.5): mean (0.5, 0.5 / 0.5, 0.5), Â_0 = (0.75,
   * 0.25 / 0.25, 0.75). Layer 1 heads (0, 1 / 0, 1) and (0, 1 / 1, 0): mean (0, 1 / 0.5, 0.5), Â_1
   * = (0.5, 0.5 / 0.25, 0.75).
   */
  private static Attention twoLayers() {
    return TestAttention.self(
        List.of("a", "b"),
        new double[][][][] {
          {{{1, 0}, {0.5, 0.5}}, {{0, 1}, {0.5, 0.5}}},
          {{{0, 1}, {0, 1}}, {{0, 1}, {1, 0}}}
        });
  }

  @Test
  void firstDepthIsTheResidualCorrectedHeadMean() {
    Rollout rollout = Rollout.of(twoLayers());

    assertArrayEquals(new double[] {0.75, 0.25, 0.25, 0.75}, rollout.afterLayer(0).toArray(), EPS);
  }

  @Test
  void twoLayersMultiplyLaterLayerOnTheLeft() {
    Rollout rollout = Rollout.of(twoLayers());

    // R_1 = Â_1 · Â_0:
    // row 0: (0.5·0.75 + 0.5·0.25, 0.5·0.25 + 0.5·0.75) = (0.5, 0.5)
    // row 1: (0.25·0.75 + 0.75·0.25, 0.25·0.25 + 0.75·0.75) = (0.375, 0.625)
    // (Â_0 · Â_1 would give row 0 = (0.4375, 0.5625).)
    assertArrayEquals(new double[] {0.5, 0.5, 0.375, 0.625}, rollout.result().toArray(), EPS);
    assertEquals(rollout.afterLayer(1), rollout.result());
    assertEquals(2, rollout.layerCount());
    assertEquals(AttentionKind.SELF, rollout.kind());
    assertEquals(List.of("a", "b"), rollout.tokens().strings());
  }

  @Test
  void rowsAreRenormalizedWhenWeightsDoNotSumToOne() {
    // Rounded weights: row 0 sums to 0.9. 0.5·(0.5, 0.4) + 0.5·(1, 0) = (0.75, 0.2), sum 0.95.
    Attention attention =
        TestAttention.selfOneHead(List.of("a", "b"), new double[][] {{0.5, 0.4}, {0.5, 0.5}});

    Matrix result = Rollout.of(attention).result();

    assertEquals(0.75 / 0.95, result.get(0, 0), EPS);
    assertEquals(0.2 / 0.95, result.get(0, 1), EPS);
    assertEquals(0.25, result.get(1, 0), EPS);
    assertEquals(0.75, result.get(1, 1), EPS);
  }

  @Test
  void oneTokenRollsOutToOne() {
    Attention attention = TestAttention.selfOneHead(List.of("[CLS]"), new double[][] {{1}});

    assertArrayEquals(new double[] {1}, Rollout.of(attention).result().toArray(), EPS);
  }

  @Test
  void rejectsCrossAttention() {
    Attention cross =
        TestAttention.oneHead(
            AttentionKind.CROSS, List.of("x"), List.of("a", "b"), new double[][] {{0.5, 0.5}});

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Rollout.of(cross));
    assertTrue(error.getMessage().contains("self-attention"), error.getMessage());
    assertTrue(error.getMessage().contains("cross"), error.getMessage());
  }

  @Test
  void rejectsDepthsOutsideTheModel() {
    Rollout rollout = Rollout.of(twoLayers());

    assertThrows(IndexOutOfBoundsException.class, () -> rollout.afterLayer(2));
    assertThrows(IndexOutOfBoundsException.class, () -> rollout.afterLayer(-1));
  }

  @Test
  void everyDepthOfBertBaseHasRowsSummingToOne() {
    Rollout rollout = Rollout.of(TestAttention.bertPair(), AttentionKind.SELF);

    assertEquals(12, rollout.layerCount());
    for (int layer = 0; layer < rollout.layerCount(); layer++) {
      TestAttention.assertRowsSumToOne(rollout.afterLayer(layer), 1e-9, "depth " + layer);
    }
  }

  @Test
  void matchesNumpyOnBertBase() {
    // Final rollout row of [CLS], computed independently with numpy from the fixture's JSON:
    // for each layer M = 0.5*A[l].mean(0) + 0.5*eye(n); M /= M.sum(-1); R = M @ R.
    AttentionData data = TestAttention.bertPair();

    Matrix result = Rollout.of(data, AttentionKind.SELF).result();

    assertArrayEquals(
        new double[] {
          0.4401052088,
          0.0599817098,
          0.0318518171,
          0.0310357016,
          0.0341231407,
          0.1234857215,
          0.0564456016,
          0.0353536758,
          0.0371050759,
          0.0319627259,
          0.1185496212
        },
        result.row(0),
        1e-6);
  }
}
