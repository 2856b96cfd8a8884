package dev.attnviz.core.io;

import static dev.attnviz.core.testing.SyntheticAttention.weights;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Files written by real NumPy (2.4.6, see {@code make_numpy_files.py} beside them): attnviz reads
 * them, and the test-side {@link NpyWriter} that the other NPZ tests rely on produces the very
 * bytes NumPy wrote for the same arrays.
 */
class NumpyCompatibilityTest {

  private static final List<String> ROBERTA_TOKENS =
      List.of("<s>", "\u0120caf\u00e9", "\u0120na", "\u00efve", "\u0120\uD83D\uDE42", "</s>");
  private static final List<String> PAIR_TOKENS =
      List.of("[CLS]", "stra\u00dfe", "ist", "[SEP]", "\u00fcber", "##all", "[SEP]");
  private static final List<String> ENCODER_TOKENS =
      List.of("\u2581Das", "\u2581Haus", "\u2581ist", "</s>");
  private static final List<String> DECODER_TOKENS = List.of("<pad>", "\u2581The", "\u2581house");

  @Test
  void readsNumpysFloat32ArchiveWithBatchAxisAndUnicodeTokens() throws Exception {
    AttentionData data = AttentionFiles.read(resource("self-f32-batch.npz"));

    AttentionData expected =
        AttentionData.builder()
            .setModel(new ModelInfo("tiny-roberta", "numpy", false))
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(Tokens.of(ROBERTA_TOKENS))
                    .setWeights(weights(2, 3, 6, 6, 0))
                    .build())
            .build();
    assertEquals(expected, data);
    // Byte-level BPE: "Ġna" + "ïve" is one word.
    assertEquals(data.primary().queryTokens().wordOf(2), data.primary().queryTokens().wordOf(3));
  }

  @Test
  void readsNumpysCompressedFloat64ArchiveWithVectorsAndPair() throws Exception {
    AttentionData data = AttentionFiles.read(resource("pair-f64-vectors-compressed.npz"));

    assertEquals(new ModelInfo("pair-f64-vectors-compressed", "numpy", false), data.model());
    assertEquals(4, data.sentenceBStart().orElseThrow());
    Attention attention = data.primary();
    assertEquals(PAIR_TOKENS, attention.queryTokens().strings());
    assertEquals(weights(2, 2, 7, 7, 1), attention.weights());
    assertEquals(SyntheticAttention.vectors(2, 2, 7, 4, 0), attention.queries().orElseThrow());
    assertEquals(SyntheticAttention.vectors(2, 2, 7, 4, 1), attention.keys().orElseThrow());
  }

  @Test
  void readsNumpysEncoderDecoderArchiveWithBigEndianFortranOrder() throws Exception {
    AttentionData data = AttentionFiles.read(resource("encoder-decoder-mixed.npz"));

    assertEquals("tiny-t5", data.model().name());
    assertEquals(
        List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
        data.kindList());
    assertEquals(weights(1, 2, 4, 4, 2), data.attention(AttentionKind.ENCODER).weights());
    assertEquals(weights(1, 2, 3, 3, 3), data.attention(AttentionKind.DECODER).weights());
    Attention cross = data.attention(AttentionKind.CROSS);
    assertEquals(weights(1, 2, 3, 4, 4), cross.weights());
    assertEquals(DECODER_TOKENS, cross.queryTokens().strings());
    assertEquals(ENCODER_TOKENS, cross.keyTokens().strings());
    assertFalse(data.hasVectors());
  }

  @Test
  void testWriterReproducesNumpysBytesForTheSelfArchive() throws Exception {
    Map<String, byte[]> numpy = entries(resource("self-f32-batch.npz"));

    assertArrayEquals(
        numpy.get("attention"),
        NpyWriter.float32(floats(2, 3, 6, 6, 0), ByteOrder.LITTLE_ENDIAN, false, 2, 1, 3, 6, 6));
    assertArrayEquals(numpy.get("tokens"), NpyWriter.unicode(ROBERTA_TOKENS));
    assertArrayEquals(numpy.get("model_name"), NpyWriter.string("tiny-roberta"));
    assertArrayEquals(numpy.get("causal"), NpyWriter.bool(false));
    assertEquals(4, numpy.size());
  }

  @Test
  void testWriterReproducesNumpysBytesForTheCompressedArchive() throws Exception {
    Map<String, byte[]> numpy = entries(resource("pair-f64-vectors-compressed.npz"));

    assertArrayEquals(
        numpy.get("attention"),
        NpyWriter.float64(doubles(2, 2, 7, 7, 1), ByteOrder.LITTLE_ENDIAN, false, 2, 2, 7, 7));
    assertArrayEquals(
        numpy.get("queries"),
        NpyWriter.float64(vectors(2, 2, 7, 4, 0), ByteOrder.LITTLE_ENDIAN, false, 2, 2, 7, 4));
    assertArrayEquals(
        numpy.get("keys"),
        NpyWriter.float64(vectors(2, 2, 7, 4, 1), ByteOrder.LITTLE_ENDIAN, false, 2, 2, 7, 4));
    assertArrayEquals(numpy.get("tokens"), NpyWriter.unicode(PAIR_TOKENS));
    assertArrayEquals(numpy.get("sentence_b_start"), NpyWriter.int64(4));
    assertEquals(5, numpy.size());
  }

  @Test
  void testWriterReproducesNumpysBytesForTheEncoderDecoderArchive() throws Exception {
    Map<String, byte[]> numpy = entries(resource("encoder-decoder-mixed.npz"));

    assertArrayEquals(
        numpy.get("encoder_attention"),
        NpyWriter.float32(floats(1, 2, 4, 4, 2), ByteOrder.BIG_ENDIAN, true, 1, 2, 4, 4));
    assertArrayEquals(
        numpy.get("decoder_attention"),
        NpyWriter.float32(floats(1, 2, 3, 3, 3), ByteOrder.LITTLE_ENDIAN, false, 1, 1, 2, 3, 3));
    assertArrayEquals(
        numpy.get("cross_attention"),
        NpyWriter.float64(doubles(1, 2, 3, 4, 4), ByteOrder.LITTLE_ENDIAN, false, 1, 2, 3, 4));
    assertArrayEquals(numpy.get("encoder_tokens"), NpyWriter.unicode(ENCODER_TOKENS));
    assertArrayEquals(numpy.get("decoder_tokens"), NpyWriter.unicode(DECODER_TOKENS));
    assertArrayEquals(numpy.get("model_name"), NpyWriter.string("tiny-t5"));
    assertEquals(6, numpy.size());
  }

  /** Weights of {@link SyntheticAttention#weight} in C order, as float64. */
  static double[] doubles(int layers, int heads, int queries, int keys, int offset) {
    return SyntheticAttention.values(
        layers, heads, queries, keys, SyntheticAttention.weightFormula(keys, offset));
  }

  /** Weights of {@link SyntheticAttention#weight} in C order, as float32. */
  static float[] floats(int layers, int heads, int queries, int keys, int offset) {
    return SyntheticAttention.floats(
        layers, heads, queries, keys, SyntheticAttention.weightFormula(keys, offset));
  }

  /** Vectors of {@link SyntheticAttention#vector} in C order, as float64. */
  static double[] vectors(int layers, int heads, int tokens, int dim, int offset) {
    return SyntheticAttention.values(
        layers, heads, tokens, dim, SyntheticAttention.vectorFormula(offset));
  }

  private static Map<String, byte[]> entries(Path npz) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        String key = entry.getName().replace(".npy", "");
        entries.put(key, zip.getInputStream(entry).readAllBytes());
      }
    }
    return entries;
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(NumpyCompatibilityTest.class.getResource("numpy/" + name).toURI());
  }
}
