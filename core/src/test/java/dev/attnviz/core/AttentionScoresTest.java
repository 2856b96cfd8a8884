package dev.attnviz.core;

import static dev.attnviz.core.TokensTest.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.testing.AttentionAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionScoresTest {

  // One head, two tokens, vectors of size 4: q0 = (1,0,0,0), q1 = (0,2,0,0), k0 = (2,0,0,0), k1 =
  // (0,0,0,0).
  private static final float[] QUERIES = {1, 0, 0, 0, 0, 2, 0, 0};
  private static final float[] KEYS = {2, 0, 0, 0, 0, 0, 0, 0};

  private static Attention attention(float[] weights) {
    return Attention.builder(AttentionKind.SELF)
        .setTokens(Tokens.of(List.of("a", "b")))
        .setWeights(Tensor4D.copyOf(weights, 1, 1, 2, 2))
        .optVectors(Tensor4D.copyOf(QUERIES, 1, 1, 2, 4), Tensor4D.copyOf(KEYS, 1, 1, 2, 4))
        .build();
  }

  @Test
  void scalesDotProductsBySqrtOfTheHeadSize() {
    // q0·k0 = 2, / sqrt(4) = 1; q0·k1 = 0.
    assertArrayEquals(
        new double[] {1, 0},
        AttentionScores.scaledScores(attention(new float[] {0.5f, 0.5f, 0.5f, 0.5f}), 0, 0, 0));
  }

  @Test
  void softmaxOverVisibleKeys() {
    double e = Math.E;

    assertArrayEquals(
        new double[] {e / (e + 1), 1 / (e + 1)},
        AttentionScores.softmax(new double[] {1, 0}, new boolean[] {true, true}),
        1e-15);
    assertArrayEquals(
        new double[] {1, 0},
        AttentionScores.softmax(new double[] {1, 5}, new boolean[] {true, false}));
    assertArrayEquals(
        new double[] {0.5, 0.5},
        AttentionScores.softmax(new double[] {1000, 1000}, new boolean[] {true, true}));
    assertEquals(
        "softmax needs at least one visible key",
        message(() -> AttentionScores.softmax(new double[] {1}, new boolean[] {false})));
    assertEquals(
        "2 scores but 1 visibility flags",
        message(() -> AttentionScores.softmax(new double[] {1, 2}, new boolean[] {true})));
  }

  @Test
  void causalModelsSeeOnlyEarlierKeys() {
    assertArrayEquals(new boolean[] {true, true, false}, AttentionScores.visibleKeys(3, 1, true));
    assertArrayEquals(new boolean[] {true, true, true}, AttentionScores.visibleKeys(3, 1, false));
  }

  @Test
  void recomputedRowsReproduceWeightsMadeFromTheVectors() {
    double e = Math.E;
    float w00 = (float) (e / (e + 1));
    float w01 = (float) (1 / (e + 1));
    AttentionData data =
        AttentionData.builder()
            .setModel(new ModelInfo("m", "test", false))
            .addAttention(attention(new float[] {w00, w01, 0.5f, 0.5f}))
            .build();

    AttentionAssertions.assertVectorsReproduceWeights(data, 1e-7);
    AttentionAssertions.assertRowsSumToOne(data, 1e-6);
    assertArrayEquals(
        new double[] {1, 0}, AttentionScores.recomputeRow(data.primary(), 0, 0, 0, true), 1e-15);
  }

  @Test
  void needsVectors() {
    Attention none = attention(new float[] {1, 0, 0.5f, 0.5f}).withoutVectors();

    assertEquals(
        "self attention [1, 1, 2, 2] has no query and key vectors",
        message(() -> AttentionScores.scaledScores(none, 0, 0, 0)));
  }
}
