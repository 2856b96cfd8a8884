package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.translate.TranslateException;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.testing.OracleFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graph rewrite on the real embedded model, and its cache. */
class GraphRewriteTest {

  private static EmbeddedModel.Unpacked unpacked;
  private static PreparedModel prepared;

  @BeforeAll
  static void prepareDefaultModel() throws Exception {
    DefaultModel.Files files = DefaultModel.files();
    unpacked = files.unpacked();
    prepared = files.prepared();
  }

  @Test
  void findsEveryLayersTensorsInLayerOrder() {
    AttentionTensors tensors = prepared.graph().tensors();

    assertEquals("BERT", tensors.family());
    assertEquals(6, tensors.layers());
    for (int layer = 0; layer < 6; layer++) {
      String prefix = "/encoder/layer." + layer + "/attention/self/";
      assertEquals(prefix + "Softmax_output_0", tensors.attention().get(layer));
      assertEquals(prefix + "query/Add_output_0", tensors.queries().get(layer));
      assertEquals(prefix + "key/Add_output_0", tensors.keys().get(layer));
    }
    assertEquals(512, prepared.graph().positionLimit());
    assertEquals(
        List.of("input_ids", "attention_mask", "token_type_ids"),
        prepared.graph().inputs().stream().map(ModelInput::name).toList());
  }

  @Test
  void appendsTheTensorsToTheOriginalOutputs() throws Exception {
    ModelProto rewritten = GraphRewriter.read(prepared.onnx());

    List<String> outputs =
        rewritten.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList();
    List<String> expected = new ArrayList<>(prepared.graph().modelOutputs());
    expected.addAll(prepared.graph().tensors().all());
    assertEquals(expected, outputs);
    assertEquals(List.of("output_0", "882"), prepared.graph().modelOutputs());
    assertEquals(
        GraphRewriter.read(unpacked.onnx()).getGraph().getNodeList(),
        rewritten.getGraph().getNodeList(),
        "the nodes are untouched");
  }

  @Test
  void rewrittenModelGivesTheSameOutputsAsTheOriginal() throws Exception {
    long[] ids =
        Arrays.stream(OracleFixture.load(OracleFixture.ALL_MINILM_L6_V2, "cat-sat").ids())
            .asLongStream()
            .toArray();
    List<String> outputs = prepared.graph().modelOutputs();
    Map<String, float[]> original;
    Map<String, float[]> rewritten;
    try (RawOnnxModel model = new RawOnnxModel(unpacked.onnx())) {
      original = model.run(ids, outputs);
    }
    try (RawOnnxModel model = new RawOnnxModel(prepared.onnx())) {
      rewritten = model.run(ids, outputs);
    }

    assertEquals(8 * 384, original.get("output_0").length, "last_hidden_state [1][8][384]");
    for (String output : outputs) {
      float[] expected = original.get(output);
      float[] actual = rewritten.get(output);
      assertEquals(expected.length, actual.length, output);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-5, output + "[" + i + "]");
      }
    }
  }

  @Test
  void graphTakes512PositionsAndNoMore() throws Exception {
    long[] fits = new long[512];
    Arrays.fill(fits, 1996);
    long[] tooLong = new long[513];
    Arrays.fill(tooLong, 1996);

    try (RawOnnxModel model = new RawOnnxModel(prepared.onnx())) {
      assertEquals(512 * 384, model.run(fits, List.of("output_0")).get("output_0").length);
      TranslateException e =
          assertThrows(TranslateException.class, () -> model.run(tooLong, List.of("output_0")));
      // The position table has 512 rows: the embeddings' Add cannot broadcast 513 positions.
      assertTrue(e.getCause().getMessage().contains("512 by 513"), e.getCause().getMessage());
    }
  }

  /** The tiny GPT-2 model with its checksum and an empty cache. */
  private record TinyModel(Path folder, String sha, PreparedModelCache cache) {
    static TinyModel in(Path temp) throws IOException {
      Path folder = TinyGpt2.write(temp.resolve("tiny"));
      return new TinyModel(
          folder,
          Checksums.sha256(folder.resolve("model.onnx")),
          new PreparedModelCache(temp.resolve("cache")));
    }

    PreparedModel prepare(List<TensorPatterns> patterns, ProgressListener progress)
        throws AttentionException {
      return cache.prepare(folder.resolve("model.onnx"), sha, patterns, progress);
    }
  }

  @Test
  void secondPrepareReusesTheCachedModel(@TempDir Path cache) throws Exception {
    TinyModel tiny = TinyModel.in(cache);
    List<String> stages = new ArrayList<>();
    ProgressListener recorder = (stage, detail) -> stages.add(stage + " " + detail);

    PreparedModel first = tiny.prepare(TensorPatterns.KNOWN_FAMILIES, recorder);
    FileTime written = Files.getLastModifiedTime(first.onnx());
    PreparedModel second = tiny.prepare(TensorPatterns.KNOWN_FAMILIES, recorder);

    assertEquals(List.of("PREPARING adding attention outputs to model.onnx"), stages);
    assertEquals(first.onnx(), second.onnx());
    assertEquals(written, Files.getLastModifiedTime(second.onnx()));
    assertEquals(first.graph(), second.graph());
    assertTrue(first.onnx().toString().contains(tiny.sha()), "keyed by the source checksum");
  }

  @Test
  void otherPatternsGetTheirOwnEntry(@TempDir Path cache) throws Exception {
    TinyModel tiny = TinyModel.in(cache);
    ModelSource custom =
        ModelSource.of(tiny.folder())
            .withOption(ModelSource.ATTENTION_PATTERN, TinyGpt2.ATTENTION_PATTERN);

    PreparedModel known = tiny.prepare(TensorPatterns.KNOWN_FAMILIES, ProgressListener.NONE);
    PreparedModel own = tiny.prepare(TensorPatterns.forSource(custom), ProgressListener.NONE);

    assertNotEquals(known.onnx(), own.onnx());
    assertEquals("custom", own.graph().tensors().family());
    assertTrue(own.graph().tensors().queries().isEmpty());
  }

  @Test
  void damagedCacheEntryIsWrittenAgain(@TempDir Path cache) throws Exception {
    TinyModel tiny = TinyModel.in(cache);
    PreparedModel first = tiny.prepare(TensorPatterns.KNOWN_FAMILIES, ProgressListener.NONE);
    byte[] bytes = Files.readAllBytes(first.onnx());
    Files.write(first.onnx(), Arrays.copyOf(bytes, bytes.length - 10));
    List<String> stages = new ArrayList<>();

    PreparedModel second =
        tiny.prepare(TensorPatterns.KNOWN_FAMILIES, (stage, detail) -> stages.add(detail));

    assertEquals(List.of("adding attention outputs to model.onnx"), stages);
    assertEquals(bytes.length, Files.size(second.onnx()));
  }
}
