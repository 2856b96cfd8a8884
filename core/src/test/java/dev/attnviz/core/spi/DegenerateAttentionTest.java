package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegenerateAttentionTest {

  private static Attention attention(float[][] rows) {
    int n = rows.length;
    Tensor4D.Builder weights = Tensor4D.builder(1, 2, n, n);
    for (int head = 0; head < 2; head++) {
      for (int q = 0; q < n; q++) {
        weights.setRow(0, head, q, rows[q], 0);
      }
    }
    return Attention.builder(AttentionKind.SELF)
        .setTokens(Tokens.of(List.of("a", "b", "c").subList(0, n)))
        .setWeights(weights.build())
        .build();
  }

  @Test
  void exactlyUniformRowsInEveryHeadAreDegenerate() {
    float third = 1f / 3;
    Attention uniform =
        attention(
            new float[][] {{third, third, third}, {third, third, third}, {third, third, third}});

    assertTrue(DegenerateAttention.check(uniform).orElseThrow().contains("exactly uniformly"));
  }

  @Test
  void uniformOverTheVisibleKeysOfACausalModelIsDegenerateToo() {
    Attention causal =
        attention(new float[][] {{1, 0, 0}, {0.5f, 0.5f, 0}, {1f / 3, 1f / 3, 1f / 3}});

    assertTrue(DegenerateAttention.check(causal).isPresent());
  }

  @Test
  void oneSharpRowIsEnoughToBeReal() {
    float third = 1f / 3;
    Attention real =
        attention(new float[][] {{third, third, third}, {0.2f, 0.5f, 0.3f}, {third, third, third}});

    assertEquals(true, DegenerateAttention.check(real).isEmpty());
  }

  @Test
  void nearlyUniformAttentionOfAnUntrainedModelIsNotDegenerate() {
    Attention near = attention(new float[][] {{0.5001f, 0.4999f}, {0.4998f, 0.5002f}});

    assertTrue(DegenerateAttention.check(near).isEmpty());
  }

  @Test
  void rowsWithOneVisibleKeyProveNothing() {
    assertTrue(DegenerateAttention.check(attention(new float[][] {{1}})).isEmpty());
  }
}
