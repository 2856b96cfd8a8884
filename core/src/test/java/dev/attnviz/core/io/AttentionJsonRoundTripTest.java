package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link AttentionJson} writes reads back equal, bit for bit. */
class AttentionJsonRoundTripTest {

  @TempDir Path dir;

  static Stream<Arguments> results() {
    AttentionData single = SyntheticAttention.single(false);
    return Stream.of(
        Arguments.of("self", single),
        Arguments.of("self with vectors", SyntheticAttention.single(true)),
        Arguments.of("pair", SyntheticAttention.pair(false)),
        Arguments.of("pair with vectors", SyntheticAttention.pair(true)),
        Arguments.of("encoder-decoder", SyntheticAttention.encoderDecoder(false)),
        Arguments.of("encoder-decoder with vectors", SyntheticAttention.encoderDecoder(true)),
        Arguments.of("truncated", single.toBuilder().optTruncation(new Truncation(600, 8)).build()),
        Arguments.of(
            "causal", single.toBuilder().setModel(new ModelInfo("gpt", "djl", true)).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("results")
  void roundTripsThroughAFile(String name, AttentionData data) throws Exception {
    Path file = dir.resolve(name + ".json");

    AttentionJson.write(data, file);

    assertEquals(data, AttentionJson.read(file));
    assertEquals(data, AttentionFiles.read(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void roundTripsEveryFloatBitForBit() throws Exception {
    Random random = new Random(42);
    int n = 16;
    float[] weights = new float[2 * 2 * n * n];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextFloat() * 1.0009f;
    }
    float[] special = {0f, -0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1f, 1.0009f, 0.1f, 1e-30f};
    System.arraycopy(special, 0, weights, 0, special.length);
    float[] vectors = new float[2 * 2 * n * 8];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = Float.intBitsToFloat(random.nextInt());
      if (!Float.isFinite(vectors[i])) {
        vectors[i] = -Float.MAX_VALUE;
      }
    }
    List<String> tokens = Stream.iterate(0, i -> i + 1).limit(n).map(i -> "t" + i).toList();
    AttentionData data =
        AttentionData.builder()
            .setModel(new ModelInfo("random", "test", false))
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(Tokens.of(tokens))
                    .setWeights(Tensor4D.copyOf(weights, 2, 2, n, n))
                    .optVectors(
                        Tensor4D.copyOf(vectors, 2, 2, n, 8), Tensor4D.copyOf(vectors, 2, 2, n, 8))
                    .build())
            .build();
    Path file = dir.resolve("random.json");

    AttentionJson.write(data, file);
    Attention read = AttentionJson.read(file).primary();

    float[] readWeights = read.weights().toArray();
    float[] readVectors = read.queries().orElseThrow().toArray();
    for (int i = 0; i < weights.length; i++) {
      assertEquals(Float.floatToRawIntBits(weights[i]), Float.floatToRawIntBits(readWeights[i]));
    }
    for (int i = 0; i < vectors.length; i++) {
      assertEquals(Float.floatToRawIntBits(vectors[i]), Float.floatToRawIntBits(readVectors[i]));
    }
  }

  @Test
  void aWrittenFileGetsThePermissionsOfAnyNewFile() throws Exception {
    // The file is the user's document, e.g. to share: not private like a temporary file (0600).
    Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
    Path written = dir.resolve("shared.json");

    AttentionJson.write(SyntheticAttention.single(false), written);

    assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written));
  }

  @Test
  void keepsExplicitSpecialTokensAndWords() throws Exception {
    List<String> strings = List.of("<bos>", "New", "York", "is", "big");
    BitSet special = new BitSet();
    special.set(0);
    // A tokenizer that says "New York" is one word, which no inference could know.
    Tokens tokens = Tokens.of(strings, special, new int[] {0, 1, 1, 2, 3});
    AttentionData data =
        AttentionData.builder()
            .setModel(new ModelInfo("m", "b", true))
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(tokens)
                    .setWeights(SyntheticAttention.weights(1, 1, 5, 5, 0))
                    .build())
            .build();
    Path file = dir.resolve("words.json");

    AttentionJson.write(data, file);
    Tokens read = AttentionJson.read(file).primary().queryTokens();

    assertEquals(tokens, read);
    assertEquals(read.wordOf(1), read.wordOf(2));
  }

  @Test
  void writesUtf8JsonToAStreamWithoutClosingIt() throws Exception {
    AttentionData data = SyntheticAttention.encoderDecoder(false);
    boolean[] closed = {false};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FilterOutputStream out =
        new FilterOutputStream(bytes) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    AttentionJson.write(data, out);

    assertFalse(closed[0], "the caller's stream stays open");
    String json = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"format\":\"attnviz\",\"version\":1,"), json);
    assertTrue(json.contains("\"\u2581gro\u00df\""), "tokens are written as UTF-8 text");
    assertTrue(json.endsWith("}\n"));
    Path file = dir.resolve("stream.json");
    Files.write(file, bytes.toByteArray());
    assertEquals(data, AttentionJson.read(file));
  }

  @Test
  void writesEveryDocumentedField() throws Exception {
    AttentionData data =
        SyntheticAttention.pair(true).toBuilder().optTruncation(new Truncation(20, 9)).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    AttentionJson.write(data, bytes);

    String json = bytes.toString(StandardCharsets.UTF_8);
    for (String field :
        List.of(
            "\"model\":{\"name\":\"tiny-bert\",\"backend\":\"test\",\"causal\":false}",
            "\"sentenceBStart\":4",
            "\"truncation\":{\"originalTokens\":20,\"keptTokens\":9}",
            "\"kind\":\"self\"",
            "\"queryTokens\":[\"[CLS]\"",
            "\"keyTokens\":[\"[CLS]\"",
            "\"querySpecial\":[true,false,false,true,",
            "\"keySpecial\":[true,",
            "\"queryWords\":[0,1,2,3,4,5,5,5,6]",
            "\"keyWords\":[0,1,2,3,4,5,5,5,6]",
            "\"weights\":[[[[",
            "\"queries\":[[[[",
            "\"keys\":[[[[")) {
      assertTrue(json.contains(field), () -> field + " missing in " + json.substring(0, 400));
    }
  }

  @Test
  void writesNullForASingleSentence() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    AttentionJson.write(SyntheticAttention.single(false), bytes);

    String json = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"sentenceBStart\":null"));
    assertFalse(json.contains("truncation"));
    assertFalse(json.contains("\"queries\""));
  }
}
