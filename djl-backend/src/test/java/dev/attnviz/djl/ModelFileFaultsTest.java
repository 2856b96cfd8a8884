package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.UnreadableFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files that are damaged, of another format, unreadable, or a folder where a file belongs
 * (and the reverse): opening fails with an {@link AttentionException} that names the file and says
 * what to do. Each case starts from the valid {@link TinyGpt2} and breaks one thing. Cut, random
 * and empty ONNX files and bad tokenizer contents are in {@link ModelErrorsTest}.
 */
class ModelFileFaultsTest {

  @TempDir Path temp;

  private int models;

  private Path model() throws IOException {
    return TinyGpt2.write(temp.resolve("tiny-" + models++));
  }

  private AttentionException openFails(ModelSource source) {
    return assertThrows(
        AttentionException.class,
        () -> new DjlProviderFactory(temp.resolve("cache")).open(source).close());
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void theUnbrokenModelOpens() throws Exception {
    try (AttentionProvider provider =
        new DjlProviderFactory(temp.resolve("cache")).open(ModelSource.of(model()))) {
      assertEquals(
          TinyGpt2.LAYERS, provider.compute(AttentionRequest.of("the cat")).primary().layerCount());
    }
  }

  @Test
  void damagedWeightsAreRefusedAtOpenNotAtTheFirstCompute() throws Exception {
    Path model = model();
    Path onnx = model.resolve("model.onnx");
    // The token embeddings become NaN: the file is well-formed, its numbers are not.
    ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
    GraphProto.Builder graph = proto.getGraph().toBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      TensorProto weights = graph.getInitializer(i);
      if (weights.getName().equals("wte.weight")) {
        ByteBuffer nan =
            ByteBuffer.allocate(weights.getRawData().size()).order(ByteOrder.LITTLE_ENDIAN);
        while (nan.hasRemaining()) {
          nan.putFloat(Float.NaN);
        }
        graph.setInitializer(i, weights.toBuilder().setRawData(ByteString.copyFrom(nan.array())));
      }
    }
    Files.write(onnx, proto.toBuilder().setGraph(graph).build().toByteArray());

    AttentionException e = openFails(ModelSource.of(model));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(e.getMessage(), model.getFileName() + " loads but fails on a test sentence");
  }

  @Test
  void aSavedModelFolderPointsToTheOtherProvider() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("bert-savedmodel"));
    Files.write(folder.resolve("saved_model.pb"), new byte[] {8, 1});
    Files.createDirectories(folder.resolve("variables"));

    AttentionException e = openFails(ModelSource.of(folder));

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertMentions(
        e.getMessage(),
        "No .onnx file in " + folder,
        "It holds saved_model.pb, a TensorFlow SavedModel: open it with the 'tensorflow'");
  }

  @Test
  void aFileThatIsNotAnOnnxModelIsNamedAsSuch() throws Exception {
    Path model = model();
    Path tokenizer = model.resolve("tokenizer.json");

    AttentionException e = openFails(ModelSource.of(tokenizer));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(e.getMessage(), "Cannot open " + tokenizer + ": it is not an ONNX model");
  }

  @Test
  void aFolderNamedLikeTheModelIsNotTakenForIt() throws Exception {
    assertAFolderInPlaceOfTheFileIsNamed("model.onnx");
  }

  @Test
  void aFolderNamedLikeTheTokenizerIsNotTakenForIt() throws Exception {
    assertAFolderInPlaceOfTheFileIsNamed("tokenizer.json");
  }

  private void assertAFolderInPlaceOfTheFileIsNamed(String file) throws Exception {
    Path model = model();
    Path folder = model.resolve(file);
    Files.delete(folder);
    Files.createDirectory(folder);

    AttentionException e = openFails(ModelSource.of(model));

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertMentions(e.getMessage(), folder + " is a folder, not a file");
  }

  @Test
  void aTokenizerOptionNamingAFolderSaysSo() throws Exception {
    Path model = model();

    AttentionException e =
        openFails(ModelSource.of(model).withOption(DjlProviderFactory.TOKENIZER, temp.toString()));

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertEquals(
        "The model option tokenizer = '"
            + temp
            + "' is a folder. Give the path of the model's tokenizer.json.",
        e.getMessage());
  }

  @Test
  void unreadableFilesAreNamed() throws Exception {
    Path onnxModel = model();
    Path tokenizerModel = model();
    Path configModel = model();
    Path folderModel = model();
    Path config = Files.writeString(configModel.resolve("config.json"), "{\"n_head\": 2}");

    Map<String, UnreadableFiles.Outcome> outcomes =
        UnreadableFiles.open(
            DjlProviderFactory.NAME,
            List.of(
                new UnreadableFiles.Case("onnx", onnxModel, onnxModel.resolve("model.onnx")),
                new UnreadableFiles.Case(
                    "tokenizer", tokenizerModel, tokenizerModel.resolve("tokenizer.json")),
                new UnreadableFiles.Case("config", configModel, config),
                new UnreadableFiles.Case("folder", folderModel, folderModel)));

    for (String label : List.of("onnx", "tokenizer", "config", "folder")) {
      assertTrue(outcomes.get(label).blocked(), label + ": the child could read the file");
    }
    assertUnreadable(outcomes.get("onnx"), onnxModel.resolve("model.onnx"));
    assertUnreadable(outcomes.get("tokenizer"), tokenizerModel.resolve("tokenizer.json"));
    assertUnreadable(outcomes.get("config"), config);
    assertUnreadable(outcomes.get("folder"), folderModel);
  }

  private static void assertUnreadable(UnreadableFiles.Outcome outcome, Path file) {
    assertEquals(Reason.MODEL_NOT_FOUND, outcome.reason(), outcome.message());
    assertMentions(
        outcome.message(),
        "Cannot read " + file + " (permission denied)",
        "Make the model's files readable");
  }
}
