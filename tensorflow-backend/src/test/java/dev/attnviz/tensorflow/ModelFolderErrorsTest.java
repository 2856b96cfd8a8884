package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user hears when the chosen model folder is not a usable SavedModel. */
class ModelFolderErrorsTest {

  @TempDir Path temp;

  private AttentionException openFails(Path path) {
    return assertThrows(
        AttentionException.class, () -> new TensorFlowProviderFactory().open(ModelSource.of(path)));
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = temp.resolve("no-such-model");

    AttentionException e = openFails(missing);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertEquals(
        "Model folder not found: "
            + missing.toAbsolutePath()
            + ". Choose the folder of a TensorFlow SavedModel (the one that holds saved_model.pb"
            + " and variables/).",
        e.getMessage());
  }

  @Test
  void aFileIsNotAModelFolder() throws Exception {
    Path file = Files.writeString(temp.resolve("model.txt"), "hello");

    AttentionException e = openFails(file);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
  }

  @Test
  void aFolderWithoutSavedModelPbIsNotASavedModel() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("photos"));

    AttentionException e = openFails(folder);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertEquals(
        folder.toAbsolutePath()
            + " is not a TensorFlow SavedModel: it has no saved_model.pb. Choose the folder that"
            + " holds saved_model.pb and variables/.",
        e.getMessage());
  }

  @Test
  void anOnnxFolderPointsToTheOtherProvider() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("minilm"));
    Files.write(folder.resolve("model.onnx"), new byte[] {1, 2, 3});

    AttentionException e = openFails(folder);

    assertTrue(
        e.getMessage().contains("It holds model.onnx, an ONNX model: open it with the 'djl'"),
        e.getMessage());
  }

  @Test
  void aDamagedSavedModelIsInvalid() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("damaged"));
    Files.writeString(folder.resolve("saved_model.pb"), "this is not a protocol buffer");

    AttentionException e = openFails(folder);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage().startsWith("TensorFlow cannot load the SavedModel in " + folder),
        e.getMessage());
    assertTrue(e.getMessage().contains("look damaged or incomplete"), e.getMessage());
  }
}
