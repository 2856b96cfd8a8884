package dev.attnviz.core.io;

import static dev.attnviz.core.io.NumpyCompatibilityTest.doubles;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static dev.attnviz.core.io.NumpyCompatibilityTest.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The valid files the fuzzer mutates: every feature of both formats appears in at least one seed
 * (vectors, pairs, encoder-decoder kinds, key order, stored and deflated archives, float16/32/64,
 * both byte orders, Fortran order, batch axis, unicode and byte-string tokens, the optional
 * scalars), kept small so that thousands of mutants parse in seconds.
 */
final class FuzzSeeds {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
  private static final List<String> TOKENS = List.of("[CLS]", "the", "cat", "##s", "[SEP]");

  private FuzzSeeds() {}

  /** JSON files as attnviz writes them, and one as Python writes them with sorted keys. */
  static List<byte[]> json() {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(json(SyntheticAttention.single(true)));
    seeds.add(json(SyntheticAttention.pair(false)));
    seeds.add(json(SyntheticAttention.encoderDecoder(true)));
    seeds.add(sortedKeysWithTruncation(SyntheticAttention.pair(true)));
    return seeds;
  }

  private static byte[] json(AttentionData data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      AttentionJson.write(data, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** "attention" before "format" and "version", indented, with a truncation record. */
  private static byte[] sortedKeysWithTruncation(AttentionData data) {
    ObjectMapper mapper =
        new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    try {
      JsonNode tree = mapper.readTree(json(data));
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree)
          .putObject("truncation")
          .put("originalTokens", 40)
          .put("keptTokens", data.primary().queryTokens().size());
      Object sorted = mapper.treeToValue(tree, Object.class);
      return mapper.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code .npz} archives from the test writers and from real NumPy. */
  static List<byte[]> npz() {
    List<byte[]> seeds = new ArrayList<>();
    int n = TOKENS.size();
    seeds.add(
        new NpzWriter()
            .put("attention", NpyWriter.float32(floats(2, 2, n, n, 0), LE, false, 2, 2, n, n))
            .put("tokens", NpyWriter.unicode(TOKENS))
            .put("sentence_b_start", NpyWriter.int64(2))
            .put("model_name", NpyWriter.string("tiny"))
            .put("causal", NpyWriter.bool(false))
            .stored());
    seeds.add(
        new NpzWriter()
            .put("attention", NpyWriter.float64(doubles(1, 2, n, n, 1), BE, true, 1, 1, 2, n, n))
            .put("queries", NpyWriter.float64(vectors(1, 2, n, 3, 0), LE, true, 1, 2, n, 3))
            .put("keys", NpyWriter.float64(vectors(1, 2, n, 3, 1), BE, false, 1, 2, n, 3))
            .put("tokens", NpyWriter.bytes(TOKENS))
            .deflated());
    seeds.add(
        new NpzWriter()
            .put("attention", NpyWriter.float16(halves(2 * n * n), 2, 1, n, n))
            .put("tokens", NpyWriter.unicode(TOKENS, BE, n))
            .stored());
    seeds.add(
        new NpzWriter()
            .put(
                "encoder_attention",
                NpyWriter.float32(floats(1, 2, 4, 4, 2), LE, false, 1, 2, 4, 4))
            .put(
                "decoder_attention",
                NpyWriter.float32(floats(1, 2, 3, 3, 3), LE, false, 1, 2, 3, 3))
            .put("cross_attention", NpyWriter.float32(floats(1, 2, 3, 4, 4), LE, true, 1, 2, 3, 4))
            .put("encoder_tokens", NpyWriter.unicode(List.of("a", "b", "c", "</s>")))
            .put("decoder_tokens", NpyWriter.unicode(List.of("<pad>", "x", "y")))
            .deflated());
    for (String name :
        List.of(
            "self-f32-batch.npz", "pair-f64-vectors-compressed.npz", "encoder-decoder-mixed.npz")) {
      try {
        seeds.add(Files.readAllBytes(NumpyCompatibilityTest.resource(name)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return seeds;
  }

  /** Half-precision values that make each row of n sum to about 1. */
  private static short[] halves(int count) {
    short[] bits = new short[count];
    // 0x3266 is float16 0.2, so rows of five sum to 1.0 within float16 rounding.
    java.util.Arrays.fill(bits, (short) 0x3266);
    return bits;
  }
}
