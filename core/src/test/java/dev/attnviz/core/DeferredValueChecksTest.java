package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.analysis.HeadMean;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.core.analysis.SpecialTokens;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attention built with deferred value checks (a large memory-mapped dump) is built without reading
 * its weights, checks a head when it is first looked at, remembers the verdict, and every
 * computation over a bad head fails with the same message a check at build time would give.
 */
class DeferredValueChecksTest {

  private static final Tokens FOUR = Tokens.of(List.of("[CLS]", "a", "b", "[SEP]"));
  private static final String NAN_AT_1_0 =
      "self attention: weight at [layer 1][head 0][2][3] is NaN; weights must be finite numbers";

  private static Attention deferred(Tensor4D weights) {
    return Attention.builder(AttentionKind.SELF)
        .setTokens(FOUR)
        .setWeights(weights)
        .deferValueChecks()
        .build();
  }

  @Test
  void aBadWeightIsFoundWhenItsHeadIsLookedAtNotWhenBuilt() {
    Attention attention = deferred(AttentionTest.weightsWith(Float.NaN));

    assertTrue(attention.checksDeferred());
    assertEquals(Optional.empty(), attention.problem(0, 0));
    assertEquals(Optional.empty(), attention.problem(1, 1));
    assertEquals(Optional.of(NAN_AT_1_0), attention.problem(1, 0));
    assertEquals(Optional.of(NAN_AT_1_0), attention.firstProblem());
    assertThrows(IndexOutOfBoundsException.class, () -> attention.problem(2, 0));
  }

  @Test
  void theSameWeightsCheckedAtBuildTimeAreRefusedWithTheSameMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Attention.builder(AttentionKind.SELF)
                    .setTokens(FOUR)
                    .setWeights(AttentionTest.weightsWith(Float.NaN))
                    .build());
    assertEquals(NAN_AT_1_0, e.getMessage());
  }

  @Test
  void everyComputationOverABadHeadFailsWithItsProblem() {
    Attention attention = deferred(AttentionTest.weightsWith(2f));
    String expected =
        "self attention: weight at [layer 1][head 0][2][3] is 2.0; weights are softmax"
            + " probabilities and cannot exceed 1 (were scores saved before the softmax?)";

    assertEquals(expected, message(() -> HeadStatistics.of(attention)));
    assertEquals(expected, message(() -> Rollout.of(attention)));
    assertEquals(expected, message(() -> SpecialTokens.hide(attention)));
    assertEquals(expected, message(() -> HeadMean.ofAllHeads(attention, 1)));
    // Layer 0 is fine, so its mean is computed.
    assertEquals(0.25, HeadMean.ofAllHeads(attention, 0).get(3, 3), 1e-9);
  }

  @Test
  void validDeferredAttentionGivesTheSameStatisticsAsCheckedAttention() {
    Tensor4D weights = AttentionTest.weightsWith(0.25f);
    Attention checked =
        Attention.builder(AttentionKind.SELF).setTokens(FOUR).setWeights(weights).build();

    assertEquals(HeadStatistics.of(checked).heads(), HeadStatistics.of(deferred(weights)).heads());
    assertEquals(Optional.empty(), deferred(weights).firstProblem());
    assertTrue(deferred(weights).withoutVectors().checksDeferred());
  }

  @Test
  void aHeadsVerdictIsRememberedNotCheckedAgain() {
    Attention attention = deferred(AttentionTest.weightsWith(-1f));

    Optional<String> first = attention.problem(1, 0);
    Optional<String> second = attention.problem(1, 0);

    assertTrue(first.get().endsWith("is -1.0; weights are probabilities and cannot be negative"));
    assertSame(first.get(), second.get(), "the remembered verdict, not a new check");
    assertFalse(attention.problem(0, 1).isPresent());
  }

  private static String message(org.junit.jupiter.api.function.Executable executable) {
    return assertThrows(IllegalArgumentException.class, executable).getMessage();
  }
}
