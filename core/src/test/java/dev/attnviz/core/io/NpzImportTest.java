package dev.attnviz.core.io;

import static dev.attnviz.core.io.NumpyCompatibilityTest.doubles;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static dev.attnviz.core.io.NumpyCompatibilityTest.vectors;
import static dev.attnviz.core.testing.SyntheticAttention.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Imports {@code .npz} archives built in the test exactly as NumPy writes them. */
class NpzImportTest {

  private static final List<String> TOKENS =
      List.of("[CLS]", "caf\u00e9", "\u65e5\u672c", "\uD83D\uDE42", "##s", "[SEP]");
  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

  @TempDir Path dir;

  @ParameterizedTest(name = "deflated={0}")
  @ValueSource(booleans = {false, true})
  void readsFloat32WithoutBatchAxis(boolean deflated) throws Exception {
    NpzWriter npz = withTokens(NpyWriter.float32(floats(2, 3, 6, 6, 0), LE, false, 2, 3, 6, 6));

    AttentionData data = AttentionFiles.read(save("f32.npz", npz, deflated));

    assertEquals(weights(2, 3, 6, 6, 0), data.primary().weights());
    assertEquals(TOKENS, data.primary().queryTokens().strings());
    assertEquals(TOKENS, data.primary().keyTokens().strings());
    assertEquals("f32", data.model().name());
    assertEquals("numpy", data.model().backend());
    assertFalse(data.model().causal());
    assertFalse(data.isPair());
    assertFalse(data.hasVectors());
  }

  @ParameterizedTest(name = "deflated={0}")
  @ValueSource(booleans = {false, true})
  void readsFloat64WithHuggingFaceBatchAxis(boolean deflated) throws Exception {
    NpzWriter npz = withTokens(NpyWriter.float64(doubles(2, 3, 6, 6, 1), LE, false, 2, 1, 3, 6, 6));

    AttentionData data = AttentionFiles.read(save("f64.npz", npz, deflated));

    // float64 values are rounded to the nearest float, exactly as NumPy's astype(float32).
    assertEquals(weights(2, 3, 6, 6, 1), data.primary().weights());
  }

  @Test
  void readsBatchAxisInFront() throws Exception {
    NpzWriter npz = withTokens(NpyWriter.float32(floats(2, 3, 6, 6, 0), LE, false, 1, 2, 3, 6, 6));

    assertEquals(
        weights(2, 3, 6, 6, 0),
        AttentionFiles.read(save("front.npz", npz, false)).primary().weights());
  }

  @Test
  void readsBigEndianFortranOrderedFloat64() throws Exception {
    NpzWriter npz =
        withTokens(
            NpyWriter.float64(doubles(2, 3, 6, 6, 2), ByteOrder.BIG_ENDIAN, true, 2, 3, 6, 6));

    assertEquals(
        weights(2, 3, 6, 6, 2), AttentionFiles.read(save("f.npz", npz, true)).primary().weights());
  }

  @Test
  void readsFortranOrderWithBatchAxis() throws Exception {
    NpzWriter npz = withTokens(NpyWriter.float32(floats(2, 3, 6, 6, 3), LE, true, 2, 1, 3, 6, 6));

    assertEquals(
        weights(2, 3, 6, 6, 3),
        AttentionFiles.read(save("fb.npz", npz, false)).primary().weights());
  }

  @Test
  void readsFloat16Exactly() throws Exception {
    // 0.25, 0.5, 0.125, 0.125 per row; as IEEE half: 0x3400, 0x3800, 0x3000, 0x3000.
    short[] row = {0x3400, 0x3800, 0x3000, 0x3000};
    short[] bits = new short[4 * 4];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(row, 0, bits, i * 4, 4);
    }
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float16(bits, 1, 1, 4, 4))
            .put("tokens", NpyWriter.unicode(List.of("a", "b", "c", "d")));

    Attention attention = AttentionFiles.read(save("half.npz", npz, false)).primary();

    assertEquals(0.25f, attention.weight(0, 0, 3, 0));
    assertEquals(0.5f, attention.weight(0, 0, 3, 1));
    assertEquals(0.125f, attention.weight(0, 0, 3, 3));
  }

  @Test
  void halfPrecisionCoversSubnormalsZeroAndSpecials() {
    assertEquals(1.0f, NpyArray.halfToFloat((short) 0x3c00));
    assertEquals(-2.0f, NpyArray.halfToFloat((short) 0xc000));
    assertEquals(65504f, NpyArray.halfToFloat((short) 0x7bff));
    assertEquals(0x1p-24f, NpyArray.halfToFloat((short) 0x0001));
    assertEquals(0x3ffp-24f, NpyArray.halfToFloat((short) 0x03ff));
    assertEquals(
        Float.floatToIntBits(-0.0f), Float.floatToIntBits(NpyArray.halfToFloat((short) 0x8000)));
    assertEquals(Float.POSITIVE_INFINITY, NpyArray.halfToFloat((short) 0x7c00));
    assertTrue(Float.isNaN(NpyArray.halfToFloat((short) 0x7e00)));
  }

  @Test
  void readsQueriesAndKeysInBothLayouts() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(2, 3, 6, 6, 0), LE, false, 2, 3, 6, 6))
            .put("queries", NpyWriter.float64(vectors(2, 3, 6, 4, 0), LE, false, 2, 1, 3, 6, 4))
            .put("keys", NpyWriter.float64(vectors(2, 3, 6, 4, 1), LE, false, 2, 3, 6, 4))
            .put("tokens", NpyWriter.unicode(TOKENS));

    Attention attention = AttentionFiles.read(save("qk.npz", npz, true)).primary();

    assertEquals(SyntheticAttention.vectors(2, 3, 6, 4, 0), attention.queries().orElseThrow());
    assertEquals(SyntheticAttention.vectors(2, 3, 6, 4, 1), attention.keys().orElseThrow());
    assertEquals(4, attention.headSize());
  }

  @Test
  void readsOptionalModelNameCausalAndSentenceBStart() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(1, 2, 6, 6, 0), LE, false, 1, 2, 6, 6))
            .put("tokens", NpyWriter.unicode(TOKENS))
            .put("model_name", NpyWriter.string("gpt-\u00e9"))
            .put("causal", NpyWriter.bool(true))
            .put("sentence_b_start", NpyWriter.int64(3))
            .put("input_ids", NpyWriter.int64(7));

    AttentionData data = AttentionFiles.read(save("meta.npz", npz, false));

    assertEquals("gpt-\u00e9", data.model().name());
    assertTrue(data.model().causal());
    assertEquals(3, data.sentenceBStart().orElseThrow());
  }

  @Test
  void readsTokensStoredAsUtf8Bytes() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(1, 1, 6, 6, 0), LE, false, 1, 1, 6, 6))
            .put("tokens", NpyWriter.bytes(TOKENS));

    assertEquals(
        TOKENS, AttentionFiles.read(save("s.npz", npz, false)).primary().queryTokens().strings());
  }

  @Test
  void readsBigEndianUnicodeTokensWithABatchAxis() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(1, 1, 6, 6, 0), LE, false, 1, 1, 6, 6))
            .put("tokens", NpyWriter.unicode(TOKENS, ByteOrder.BIG_ENDIAN, 1, 6));

    assertEquals(
        TOKENS, AttentionFiles.read(save("be.npz", npz, false)).primary().queryTokens().strings());
  }

  @Test
  void infersSpecialTokensAndWordsFromNumpyTokens() throws Exception {
    NpzWriter npz = withTokens(NpyWriter.float32(floats(1, 1, 6, 6, 0), LE, false, 1, 1, 6, 6));

    var tokens = AttentionFiles.read(save("w.npz", npz, false)).primary().queryTokens();

    assertTrue(tokens.isSpecial(0));
    assertTrue(tokens.isSpecial(5));
    assertFalse(tokens.isSpecial(3));
    assertEquals(tokens.wordOf(3), tokens.wordOf(4), "##s continues the word before it");
  }

  @Test
  void readsTokensFromASidecarFile() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(1, 2, 6, 6, 0), LE, false, 1, 2, 6, 6));
    Path tokens = dir.resolve("tokens.txt");
    Files.writeString(
        tokens, "\uFEFF" + String.join("\r\n", TOKENS) + "\n\n", StandardCharsets.UTF_8);

    AttentionData data = AttentionFiles.read(save("side.npz", npz, false), tokens);

    assertEquals(TOKENS, data.primary().queryTokens().strings());
  }

  @Test
  void keepsBlankTokensInsideTheSidecarFile() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(1, 1, 3, 3, 0), LE, false, 1, 1, 3, 3));
    Path tokens = dir.resolve("tokens.txt");
    Files.writeString(tokens, "a\n\nb\n");

    assertEquals(
        List.of("a", "", "b"),
        AttentionFiles.read(save("blank.npz", npz, false), tokens)
            .primary()
            .queryTokens()
            .strings());
  }

  @ParameterizedTest(name = "deflated={0}")
  @ValueSource(booleans = {false, true})
  void readsEncoderDecoderArchives(boolean deflated) throws Exception {
    AttentionData expected = SyntheticAttention.encoderDecoder(true);
    NpzWriter npz = new NpzWriter();
    for (Attention attention : expected.attentions()) {
      String prefix = attention.kind().id() + "_";
      npz.put(prefix + "attention", npy(attention.weights()));
      npz.put(prefix + "queries", npy(attention.queries().orElseThrow()));
      npz.put(prefix + "keys", npy(attention.keys().orElseThrow()));
    }
    npz.put("encoder_tokens", NpyWriter.unicode(SyntheticAttention.ENCODER));
    npz.put("decoder_tokens", NpyWriter.unicode(SyntheticAttention.DECODER));
    npz.put("model_name", NpyWriter.string("tiny-t5"));

    AttentionData data = AttentionFiles.read(save("t5.npz", npz, deflated));

    assertEquals(expected.attentions(), data.attentions());
    assertEquals(
        List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
        data.kindList());
  }

  @Test
  void readsEncoderAttentionAlone() throws Exception {
    NpzWriter npz =
        new NpzWriter()
            .put(
                "encoder_attention",
                NpyWriter.float32(floats(1, 1, 5, 5, 0), LE, false, 1, 1, 5, 5))
            .put("encoder_tokens", NpyWriter.unicode(SyntheticAttention.ENCODER));

    assertEquals(
        List.of(AttentionKind.ENCODER),
        AttentionFiles.read(save("enc.npz", npz, false)).kindList());
  }

  /** An archive of {@code attention} with {@link #TOKENS}. */
  private static NpzWriter withTokens(byte[] attention) {
    return new NpzWriter().put("attention", attention).put("tokens", NpyWriter.unicode(TOKENS));
  }

  private static byte[] npy(Tensor4D tensor) {
    return NpyWriter.float32(
        tensor.toArray(), LE, false, tensor.dim0(), tensor.dim1(), tensor.dim2(), tensor.dim3());
  }

  private Path save(String name, NpzWriter npz, boolean deflated) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, deflated ? npz.deflated() : npz.stored());
    return file;
  }
}
