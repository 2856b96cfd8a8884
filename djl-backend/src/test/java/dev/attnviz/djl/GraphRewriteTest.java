package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.translate.TranslateException;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.testing.OracleFixture;
import java.io.IOException;
import java.io.OutputStream;
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
  void keepsOnlyTheAttentionTensorsAndWhatComputesThem() throws Exception {
    ModelProto rewritten = GraphRewriter.read(prepared.onnx());
    List<NodeProto> original = GraphRewriter.read(unpacked.onnx()).getGraph().getNodeList();
    List<NodeProto> kept = rewritten.getGraph().getNodeList();

    assertEquals(
        prepared.graph().tensors().all(),
        rewritten.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
    assertEquals(List.of("output_0", "882"), prepared.graph().modelOutputs(), "as exported");
    assertTrue(kept.size() < original.size(), kept.size() + " of " + original.size() + " nodes");
    assertEquals(kept, original.stream().filter(kept::contains).toList(), "untouched, in order");
    List<String> lastLayerTail =
        kept.stream()
            .map(NodeProto::getName)
            .filter(n -> n.startsWith("/encoder/layer.5/intermediate/") || n.startsWith("/pooler/"))
            .toList();
    assertEquals(List.of(), lastLayerTail, "the last layer's feed-forward block and the pooler");
    assertTrue(
        kept.stream().anyMatch(n -> n.getName().startsWith("/encoder/layer.4/intermediate/")),
        "earlier layers' feed-forward blocks feed the next attention");
  }

  @Test
  void cutGraphGivesTheSameAttentionAsTheWholeModel(@TempDir Path temp) throws Exception {
    long[] ids =
        Arrays.stream(OracleFixture.load(OracleFixture.ALL_MINILM_L6_V2, "cat-sat").ids())
            .asLongStream()
            .toArray();
    // The whole model with the tensors appended to its outputs: what the rewrite wrote before.
    ModelProto model = GraphRewriter.read(unpacked.onnx());
    GraphProto.Builder whole = model.getGraph().toBuilder();
    List<String> tensors = prepared.graph().tensors().all();
    tensors.forEach(t -> whole.addOutput(ValueInfoProto.newBuilder().setName(t)));
    Path wholeFile = temp.resolve("whole.onnx");
    try (OutputStream out = Files.newOutputStream(wholeFile)) {
      model.toBuilder().setGraph(whole).build().writeTo(out);
    }
    Map<String, float[]> expected;
    Map<String, float[]> actual;
    try (RawOnnxModel wholeModel = new RawOnnxModel(wholeFile)) {
      expected = wholeModel.run(ids, tensors);
    }
    try (RawOnnxModel cut = new RawOnnxModel(prepared.onnx())) {
      actual = cut.run(ids, tensors);
    }

    assertEquals(6 * 3, tensors.size());
    assertEquals(12 * 8 * 8, actual.get(tensors.get(0)).length, "layer 0 [1][12][8][8]");
    for (String tensor : tensors) {
      assertArrayEquals(expected.get(tensor), actual.get(tensor), 1e-6f, tensor);
    }
  }

  @Test
  void graphTakes512PositionsAndNoMore() throws Exception {
    long[] fits = new long[512];
    Arrays.fill(fits, 1996);
    long[] tooLong = new long[513];
    Arrays.fill(tooLong, 1996);
    List<String> firstLayer = List.of(prepared.graph().tensors().attention().get(0));

    try (RawOnnxModel model = new RawOnnxModel(prepared.onnx())) {
      assertEquals(12 * 512 * 512, model.run(fits, firstLayer).get(firstLayer.get(0)).length);
      TranslateException e =
          assertThrows(TranslateException.class, () -> model.run(tooLong, firstLayer));
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

  @Test
  void newEntryRemovesEarlierFormatsOfTheSameModelOnly(@TempDir Path cache) throws Exception {
    TinyModel tiny = TinyModel.in(cache);
    Path root = cache.resolve("cache").resolve("djl").resolve("prepared");
    Path earlier = entry(root.resolve(tiny.sha() + "-0123456789ab"), "size=1\n");
    Path unfinished = Files.createDirectories(root.resolve(tiny.sha() + "-unfinished00"));
    Files.writeString(unfinished.resolve("model.onnx"), "being written by another process");
    Path otherModel = entry(root.resolve("0".repeat(64) + "-0123456789ab"), "size=1\n");
    Path later = entry(root.resolve(tiny.sha() + "-fedcba987654"), "format=99\n");
    ModelSource custom =
        ModelSource.of(tiny.folder())
            .withOption(ModelSource.ATTENTION_PATTERN, TinyGpt2.ATTENTION_PATTERN);
    PreparedModel own = tiny.prepare(TensorPatterns.forSource(custom), ProgressListener.NONE);

    PreparedModel known = tiny.prepare(TensorPatterns.KNOWN_FAMILIES, ProgressListener.NONE);

    assertFalse(Files.exists(earlier), "an entry no reader of this format uses");
    assertTrue(Files.exists(unfinished.resolve("model.onnx")), "no description yet: in progress");
    assertTrue(Files.exists(otherModel.resolve("model.onnx")), "another model's entry");
    assertTrue(Files.exists(later.resolve("model.onnx")), "a newer attnviz's entry");
    assertTrue(Files.exists(own.onnx()), "the same format for other patterns");
    assertTrue(Files.exists(known.onnx()));
  }

  /** A cache entry as an earlier format wrote it: a model and a description without a format. */
  private static Path entry(Path folder, String description) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("model.onnx"), "earlier");
    Files.writeString(folder.resolve("attention-graph.properties"), description);
    return folder;
  }
}
