package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a user's model can be unusable gets a message that says what and what to do. */
class ModelErrorsTest {

  @TempDir Path temp;

  private AttentionException openFails(ModelSource source) {
    return assertThrows(
        AttentionException.class,
        () -> new DjlProviderFactory(temp.resolve("cache")).open(source).close());
  }

  private void assertOpenFails(ModelSource source, Reason reason, String message) {
    AttentionException e = openFails(source);
    assertEquals(reason, e.reason());
    assertEquals(message, e.getMessage());
  }

  /**
   * Writes a model folder whose graph takes input_ids and {@code input}, and has one node that
   * turns {@code input} into the graph's output {@code <node>_output_0}.
   */
  private Path oneNodeModel(
      String folderName, String input, TensorProto.DataType inputType, String op, String node)
      throws IOException {
    Path folder = Files.createDirectories(temp.resolve(folderName));
    OnnxGraphBuilder graph = new OnnxGraphBuilder().input("input_ids", TensorProto.DataType.INT64);
    if (!input.equals("input_ids")) {
      graph.input(input, inputType);
    }
    graph
        .node(op, node, new String[] {input}, new String[] {node + "_output_0"})
        .output(node + "_output_0")
        .write(folder.resolve("model.onnx"));
    TinyGpt2.writeTokenizer(folder.resolve("tokenizer.json"));
    return folder;
  }

  @Test
  void missingPath() {
    Path nowhere = temp.resolve("nowhere");

    assertOpenFails(
        ModelSource.of(nowhere),
        Reason.MODEL_NOT_FOUND,
        "No model at " + nowhere + ": the file or folder does not exist.");
  }

  @Test
  void folderWithoutOnnxFile() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("no-onnx"));
    TinyGpt2.writeTokenizer(folder.resolve("tokenizer.json"));

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_NOT_FOUND,
        "No .onnx file in "
            + folder
            + ". A model folder needs model.onnx (or one other .onnx file) and tokenizer.json;"
            + " see the README for how to export a Hugging Face model to ONNX.");
  }

  @Test
  void folderWithSeveralOnnxFilesAndNoModelOnnx() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("several"));
    Files.write(folder.resolve("encoder.onnx"), new byte[0]);
    Files.write(folder.resolve("decoder.onnx"), new byte[0]);

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_NOT_FOUND,
        "Several .onnx files in "
            + folder
            + " (decoder.onnx, encoder.onnx) and none is named model.onnx. Open the one you want"
            + " as a file instead of the folder.");
  }

  @Test
  void modelWithoutTokenizer() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("no-tokenizer"));
    Files.delete(folder.resolve("tokenizer.json"));

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_NOT_FOUND,
        "No tokenizer.json for model.onnx (looked in "
            + folder.toAbsolutePath()
            + "). Put the model's tokenizer.json next to it, or pass its path with the option"
            + " 'tokenizer'.");
  }

  @Test
  void tokenizerOptionNamingAMissingFile() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("tiny"));
    Path missing = temp.resolve("missing.json");

    assertOpenFails(
        ModelSource.of(folder).withOption(DjlProviderFactory.TOKENIZER, missing.toString()),
        Reason.MODEL_NOT_FOUND,
        "The model option tokenizer = '" + missing + "' names a file that does not exist.");
  }

  @Test
  void modelWithoutAttentionTensorsListsPatternsAndSampleNodes() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("no-attention"));
    new OnnxGraphBuilder()
        .input("input_ids", TensorProto.DataType.INT64)
        .floats("embeddings.weight", new float[16 * 4], 16, 4)
        .node(
            "Gather",
            "/embeddings/Gather",
            new String[] {"embeddings.weight", "input_ids"},
            new String[] {"/embeddings/Gather_output_0"})
        .node(
            "Softmax",
            "/pooler/Softmax",
            new String[] {"/embeddings/Gather_output_0"},
            new String[] {"/pooler/Softmax_output_0"})
        .output("/pooler/Softmax_output_0")
        .write(folder.resolve("model.onnx"));
    TinyGpt2.writeTokenizer(folder.resolve("tokenizer.json"));

    assertOpenFails(
        ModelSource.of(folder),
        Reason.NO_ATTENTION,
        "No attention tensors found in model.onnx. Tried BERT (attention"
            + " (?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/Softmax_output_0, query"
            + " (?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/query/Add_output_0, key"
            + " (?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/key/Add_output_0); GPT-2"
            + " (attention (?:.*/)?h\\.(?<layer>\\d+)/attn/Softmax_output_0, query"
            + " (?:.*/)?h\\.(?<layer>\\d+)/attn/Split_output_0, key"
            + " (?:.*/)?h\\.(?<layer>\\d+)/attn/Split_output_1); Llama (attention"
            + " (?:/model)?/layers\\.(?<layer>\\d+)/self_attn/Softmax_output_0, queries and keys"
            + " from the scores' MatMul). Sample of the graph (Softmax"
            + " nodes: /pooler/Softmax -> /pooler/Softmax_output_0). If the model names its"
            + " attention differently, pass a regular expression for the attention Softmax outputs"
            + " with the option 'attentionPattern' (with a (?<layer>\\d+) group); if it has no"
            + " Softmax node, export it with eager attention (attn_implementation=\"eager\").");
  }

  @Test
  void truncatedOnnxFile() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("truncated"));
    Path model = folder.resolve("model.onnx");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));

    AttentionException e = openFails(ModelSource.of(folder));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().startsWith("Cannot open " + model + ": it is not a valid ONNX file ("),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "). Export or download the model again; the file may be damaged or incomplete."),
        e.getMessage());
  }

  @Test
  void randomBytesInsteadOfAModel() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("garbage"));
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(folder.resolve("model.onnx"), garbage);

    AttentionException e = openFails(ModelSource.of(folder));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(e.getMessage().contains("model.onnx: it is not an ONNX model"), e.getMessage());
  }

  @Test
  void emptyOnnxFile() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("empty"));
    Path model = folder.resolve("model.onnx");
    Files.write(model, new byte[0]);

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_INVALID,
        "Cannot open "
            + model
            + ": it is not an ONNX model (it is empty). Choose the .onnx file your exporter wrote"
            + " (e.g. torch.onnx.export or optimum-cli export onnx).");
  }

  @Test
  void graphThatOnnxRuntimeRejects() throws IOException {
    Path folder =
        oneNodeModel(
            "unknown-op",
            "input_ids",
            TensorProto.DataType.INT64,
            "NoSuchOperator",
            "/encoder/layer.0/attention/self/Softmax");

    AttentionException e = openFails(ModelSource.of(folder));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().startsWith("ONNX Runtime cannot load " + folder.resolve("model.onnx")),
        e.getMessage());
    assertTrue(e.getMessage().contains("NoSuchOperator"), e.getMessage());
  }

  @Test
  void inputsTheProviderCannotFill() throws IOException {
    Path folder =
        oneNodeModel(
            "with-past",
            "past_key_values.0.key",
            TensorProto.DataType.FLOAT,
            "Softmax",
            "/h.0/attn/Softmax");

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_INVALID,
        "model.onnx has inputs this provider cannot fill: past_key_values.0.key. Export the model"
            + " without past key values (use_cache=False), e.g. with 'optimum-cli export onnx"
            + " --task feature-extraction'.");
  }

  @Test
  void tokenizerFileThatIsNotATokenizer() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("bad-tokenizer"));
    Path tokenizer = folder.resolve("tokenizer.json");
    Files.writeString(tokenizer, "{\"not\": \"a tokenizer\"}");

    AttentionException e = openFails(ModelSource.of(folder));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().startsWith("Cannot load the tokenizer " + tokenizer + " ("), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "). It must be a Hugging Face tokenizer.json, as saved by"
                    + " tokenizer.save_pretrained()."),
        e.getMessage());
  }

  @Test
  void configThatDisagreesWithTheGraph() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("wrong-config"));
    Files.writeString(folder.resolve("config.json"), "{\"model_type\": \"gpt2\", \"n_head\": 12}");

    assertOpenFails(
        ModelSource.of(folder),
        Reason.MODEL_INVALID,
        folder.toAbsolutePath().resolve("config.json")
            + " says 12 attention heads but the attention tensors of model.onnx have "
            + TinyGpt2.HEADS
            + ". Use the config.json that belongs to this model.");
  }

  @Test
  void invalidAttentionPattern() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("tiny"));

    AttentionException e =
        openFails(
            ModelSource.of(folder).withOption(ModelSource.ATTENTION_PATTERN, "(?<layer>\\d+"));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "The model option attentionPattern = '(?<layer>\\d+' is not a valid regular expression: "),
        e.getMessage());
  }

  @Test
  void attentionPatternWithoutLayerGroup() throws IOException {
    Path folder = TinyGpt2.write(temp.resolve("tiny"));

    assertOpenFails(
        ModelSource.of(folder).withOption(ModelSource.ATTENTION_PATTERN, ".*Softmax.*"),
        Reason.MODEL_INVALID,
        "The model option attentionPattern = '.*Softmax.*' has no group for the layer index. Mark it"
            + " with (?<layer>\\d+), e.g. '/blocks\\.(?<layer>\\d+)/attn/Softmax_output_0'.");
  }
}
