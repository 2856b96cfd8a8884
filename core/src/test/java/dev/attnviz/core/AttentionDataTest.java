package dev.attnviz.core;

import static dev.attnviz.core.TokensTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionDataTest {

  private static final ModelInfo MODEL = new ModelInfo("m", "test", false);

  @Test
  void holdsKindsInKindOrder() {
    AttentionData data = SyntheticAttention.encoderDecoder(true);

    assertEquals(
        List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
        data.kindList());
    assertEquals(AttentionKind.ENCODER, data.primary().kind());
    assertEquals(SyntheticAttention.ENCODER, data.pairTokens().strings());
    assertTrue(data.has(AttentionKind.CROSS));
    assertFalse(data.has(AttentionKind.SELF));
    assertTrue(data.hasVectors());
    assertEquals(data.attentions().stream().mapToLong(Attention::byteSize).sum(), data.byteSize());
    assertEquals(
        "no 'self' attention; present: [ENCODER, DECODER, CROSS]",
        message(() -> data.attention(AttentionKind.SELF)));
  }

  @Test
  void needsAtLeastOneKindAndAModel() {
    assertEquals(
        "attention data needs at least one attention kind",
        message(() -> AttentionData.builder().setModel(MODEL).build()));
    assertThrows(
        NullPointerException.class,
        () ->
            AttentionData.builder()
                .addAttention(SyntheticAttention.self(List.of("a"), 1, 1, false))
                .build());
  }

  @Test
  void rejectsDuplicateAndMixedKinds() {
    Attention self = SyntheticAttention.self(List.of("a", "b"), 1, 1, false);
    Attention cross = SyntheticAttention.encoderDecoder(false).attention(AttentionKind.CROSS);

    assertEquals(
        "attention kind 'self' appears twice",
        message(
            () ->
                AttentionData.builder()
                    .setModel(MODEL)
                    .addAttention(self)
                    .addAttention(self)
                    .build()));
    assertEquals(
        "'self' attention cannot be combined with encoder, decoder or cross attention",
        message(
            () ->
                AttentionData.builder()
                    .setModel(MODEL)
                    .addAttention(self)
                    .addAttention(cross)
                    .build()));
  }

  @Test
  void crossTokensMustBeTheEncoderAndDecoderTokens() {
    AttentionData data = SyntheticAttention.encoderDecoder(false);
    Attention otherEncoder =
        Attention.builder(AttentionKind.ENCODER)
            .setTokens(Tokens.of(List.of("x", "y", "z", "w", "v")))
            .setWeights(SyntheticAttention.weights(1, 1, 5, 5, 0))
            .build();
    Attention otherDecoder =
        Attention.builder(AttentionKind.DECODER)
            .setTokens(Tokens.of(List.of("x", "y", "z")))
            .setWeights(SyntheticAttention.weights(1, 1, 3, 3, 0))
            .build();
    Attention cross = data.attention(AttentionKind.CROSS);

    assertEquals(
        "cross attention keys must be the encoder tokens, but they differ",
        message(
            () ->
                AttentionData.builder()
                    .setModel(MODEL)
                    .addAttention(otherEncoder)
                    .addAttention(cross)
                    .build()));
    assertEquals(
        "cross attention queries must be the decoder tokens, but they differ",
        message(
            () ->
                AttentionData.builder()
                    .setModel(MODEL)
                    .addAttention(otherDecoder)
                    .addAttention(cross)
                    .build()));
  }

  @Test
  void sentenceBMustStartInsideThePair() {
    AttentionData pair = SyntheticAttention.pair(false);

    assertEquals(SyntheticAttention.PAIR_B_START, pair.sentenceBStart().orElseThrow());
    assertTrue(pair.isPair());
    assertEquals(
        "sentenceBStart 0 must be inside the 9 tokens (1 to 8)",
        message(() -> pair.toBuilder().optSentenceBStart(0).build()));
    assertEquals(
        "sentenceBStart 9 must be inside the 9 tokens (1 to 8)",
        message(() -> pair.toBuilder().optSentenceBStart(9).build()));
    assertFalse(SyntheticAttention.single(false).isPair());
  }

  @Test
  void toBuilderCopiesEverything() {
    AttentionData data =
        SyntheticAttention.pair(true).toBuilder().optTruncation(new Truncation(20, 9)).build();

    AttentionData copy = data.toBuilder().build();

    assertEquals(data, copy);
    assertEquals(data.hashCode(), copy.hashCode());
    assertEquals(new Truncation(20, 9), copy.truncation().orElseThrow());
    assertNotEquals(data, data.toBuilder().setModel(new ModelInfo("other", "test", false)).build());
    assertNotEquals(data, SyntheticAttention.pair(true));
  }

  @Test
  void listsAreUnmodifiable() {
    AttentionData data = SyntheticAttention.single(false);
    List<Attention> attentions = data.attentions();

    assertThrows(UnsupportedOperationException.class, () -> attentions.add(attentions.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> data.kinds().clear());
    assertThrows(UnsupportedOperationException.class, () -> data.kindList().clear());
  }

  @Test
  void builderListsDoNotLeakIntoTheData() {
    List<Attention> source =
        new ArrayList<>(List.of(SyntheticAttention.self(List.of("a"), 1, 1, false)));
    AttentionData.Builder builder = AttentionData.builder().setModel(MODEL);
    source.forEach(builder::addAttention);
    AttentionData data = builder.build();

    builder.addAttention(SyntheticAttention.self(List.of("a"), 1, 1, false));

    assertEquals(1, data.attentions().size());
  }

  @Test
  void modelInfoAndTruncationValidateTheirFields() {
    assertEquals("model name is blank", message(() -> new ModelInfo(" ", "b", false)));
    assertEquals("backend name is blank", message(() -> new ModelInfo("m", "", false)));
    assertEquals(
        "a truncation keeps fewer tokens than the original but more than none; got kept=5, original=5",
        message(() -> new Truncation(5, 5)));
    assertEquals(
        "a truncation keeps fewer tokens than the original but more than none; got kept=0, original=5",
        message(() -> new Truncation(5, 0)));
    assertEquals(
        "Input truncated: 600 tokens, 512 kept (the model's maximum).",
        new Truncation(600, 512).message());
  }
}
