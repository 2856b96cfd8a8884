package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The app checks a large dump's weights after showing it, and reports on the EDT. */
class DeferredWeightCheckTest {

  private static AttentionData data(float value, boolean deferred) {
    Tensor4D.Builder weights = Tensor4D.builder(2, 2, 2, 2);
    for (int l = 0; l < 2; l++) {
      for (int h = 0; h < 2; h++) {
        for (int i = 0; i < 2; i++) {
          weights.setRow(l, h, i, new float[] {0.5f, 0.5f}, 0);
        }
      }
    }
    weights.set(1, 1, 0, 1, value);
    Attention.Builder attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(List.of("a", "b")))
            .setWeights(weights.build());
    if (deferred) {
      attention.deferValueChecks();
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("dump", "numpy", false))
        .addAttention(attention.build())
        .build();
  }

  private static Optional<String> check(AttentionData data) throws Exception {
    CompletableFuture<Optional<String>> result = new CompletableFuture<>();
    DeferredWeightCheck.start(
        data,
        problem -> {
          assertTrue(SwingUtilities.isEventDispatchThread());
          result.complete(problem);
        });
    return result.get(30, TimeUnit.SECONDS);
  }

  @Test
  void aBadWeightIsReportedAndGoodWeightsPass() throws Exception {
    assertTrue(DeferredWeightCheck.needed(data(0.5f, true)));
    assertFalse(DeferredWeightCheck.needed(data(0.5f, false)));

    assertEquals(
        Optional.of(
            "self attention: weight at [layer 1][head 1][0][1] is -3.0; weights are probabilities"
                + " and cannot be negative"),
        check(data(-3f, true)));
    assertEquals(Optional.empty(), check(data(0.5f, true)));
  }
}
