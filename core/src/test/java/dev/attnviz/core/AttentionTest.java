package dev.attnviz.core;

import static dev.attnviz.core.TokensTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AttentionTest {

  private static final Tokens FOUR = Tokens.of(List.of("[CLS]", "a", "b", "[SEP]"));

  private static Attention.Builder self(Tensor4D weights) {
    return Attention.builder(AttentionKind.SELF).setTokens(FOUR).setWeights(weights);
  }

  /** 2 × 2 heads of uniform rows over four tokens, with {@code value} at [1][0][2][3]. */
  static Tensor4D weightsWith(float value) {
    Tensor4D.Builder builder = Tensor4D.builder(2, 2, 4, 4);
    for (int l = 0; l < 2; l++) {
      for (int h = 0; h < 2; h++) {
        for (int i = 0; i < 4; i++) {
          builder.setRow(l, h, i, new float[] {0.25f, 0.25f, 0.25f, 0.25f}, 0);
        }
      }
    }
    return builder.set(1, 0, 2, 3, value).build();
  }

  @Test
  void holdsWeightsTokensAndVectors() {
    Tensor4D q = SyntheticAttention.vectors(2, 2, 4, 3, 0);
    Tensor4D k = SyntheticAttention.vectors(2, 2, 4, 3, 1);
    Attention attention = self(weightsWith(0.25f)).optVectors(q, k).build();

    assertEquals(2, attention.layerCount());
    assertEquals(2, attention.headCount());
    assertEquals(3, attention.headSize());
    assertEquals(0.25f, attention.weight(1, 1, 3, 3));
    assertSame(q, attention.queries().orElseThrow(), "tensors are immutable, so shared not copied");
    assertEquals((64 + 48 + 48) * 4, attention.byteSize());
    assertEquals("self attention [2, 2, 4, 4] with vectors of size 3", attention.toString());
    assertFalse(attention.withoutVectors().hasVectors());
    assertEquals(attention.weights(), attention.withoutVectors().weights());
  }

  @Test
  void rejectsTokenCountsThatDoNotMatchTheWeights() {
    Tokens three = Tokens.of(List.of("a", "b", "c"));

    assertEquals(
        "self attention: weights [2, 2, 4, 4] have 4 query rows but there are 3 query tokens",
        message(() -> self(weightsWith(0.25f)).setTokens(three).build()));
    assertEquals(
        "cross attention: weights [2, 2, 4, 4] have 4 key columns but there are 3 key tokens",
        message(
            () ->
                Attention.builder(AttentionKind.CROSS)
                    .setQueryTokens(FOUR)
                    .setKeyTokens(three)
                    .setWeights(weightsWith(0.25f))
                    .build()));
  }

  @Test
  void selfAttentionNeedsTheSameTokensOnBothAxes() {
    Tokens other = Tokens.of(List.of("[CLS]", "x", "y", "[SEP]"));

    assertEquals(
        "self attention: self-attention needs the same query and key tokens",
        message(() -> self(weightsWith(0.25f)).setKeyTokens(other).build()));
  }

  @Test
  void rejectsEmptyWeights() {
    Tokens none = Tokens.of(List.of());

    assertEquals(
        "self attention: weights [0, 2, 0, 0] need at least one layer, head and token",
        message(
            () ->
                Attention.builder(AttentionKind.SELF)
                    .setTokens(none)
                    .setWeights(Tensor4D.builder(0, 2, 0, 0).build())
                    .build()));
  }

  @Test
  void rejectsBadWeightValuesWithTheirPosition() {
    assertEquals(
        "self attention: weight at [layer 1][head 0][2][3] is NaN; weights must be finite numbers",
        message(() -> self(weightsWith(Float.NaN)).build()));
    assertTrue(message(() -> self(weightsWith(-0.01f)).build()).endsWith("cannot be negative"));
    assertTrue(message(() -> self(weightsWith(1.01f)).build()).contains("cannot exceed 1"));
    // Rounding in files: a hair above 1 is fine.
    assertEquals(1.0009f, self(weightsWith(1.0009f)).build().weight(1, 0, 2, 3));
  }

  @Test
  void vectorsComeTogetherWithMatchingShapes() {
    Tensor4D q = SyntheticAttention.vectors(2, 2, 4, 3, 0);

    assertEquals(
        "self attention: keys [2, 2, 3, 3] do not match 2 layers, 2 heads and 4 tokens",
        message(
            () ->
                self(weightsWith(0.25f))
                    .optVectors(q, SyntheticAttention.vectors(2, 2, 3, 3, 0))
                    .build()));
    assertEquals(
        "self attention: query vectors have 3 dimensions but key vectors have 2",
        message(
            () ->
                self(weightsWith(0.25f))
                    .optVectors(q, SyntheticAttention.vectors(2, 2, 4, 2, 0))
                    .build()));
    Tensor4D nan = Tensor4D.builder(2, 2, 4, 3).set(0, 1, 2, 1, Float.NaN).build();
    assertEquals(
        "self attention: keys value at [layer 0][head 1][2][1] is NaN; vectors must be finite numbers",
        message(() -> self(weightsWith(0.25f)).optVectors(q, nan).build()));
    assertThrows(NullPointerException.class, () -> self(weightsWith(0.25f)).optVectors(q, null));
  }

  @Test
  void requiresTokensAndWeights() {
    assertThrows(
        NullPointerException.class,
        () -> Attention.builder(AttentionKind.SELF).setTokens(FOUR).build());
    assertThrows(
        NullPointerException.class,
        () -> Attention.builder(AttentionKind.SELF).setWeights(weightsWith(0.25f)).build());
  }

  @Test
  void checksIndexes() {
    Attention attention = self(weightsWith(0.25f)).build();

    assertThrows(IndexOutOfBoundsException.class, () -> attention.weight(2, 0, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> attention.weight(0, 0, 0, 4));
  }

  @Test
  void equalityFollowsEveryPart() {
    Attention a = self(weightsWith(0.25f)).build();

    assertEquals(a, self(weightsWith(0.25f)).build());
    assertEquals(a.hashCode(), self(weightsWith(0.25f)).build().hashCode());
    assertNotEquals(a, self(weightsWith(0.5f)).build());
    assertNotEquals(
        a,
        Attention.builder(AttentionKind.ENCODER)
            .setTokens(FOUR)
            .setWeights(weightsWith(0.25f))
            .build());
    assertNotEquals(
        a,
        self(weightsWith(0.25f))
            .optVectors(
                SyntheticAttention.vectors(2, 2, 4, 3, 0),
                SyntheticAttention.vectors(2, 2, 4, 3, 0))
            .build());
  }

  @Test
  void kindIdsRoundTripAndUnknownIdsListTheValidOnes() {
    for (AttentionKind kind : AttentionKind.values()) {
      assertEquals(kind, AttentionKind.fromId(kind.id().toUpperCase(Locale.ROOT)));
    }
    assertEquals(
        "unknown attention kind 'x'; expected one of self, encoder, decoder, cross",
        message(() -> AttentionKind.fromId("x")));
    assertFalse(AttentionKind.CROSS.isSelfAttention());
    assertTrue(AttentionKind.DECODER.isSelfAttention());
  }
}
