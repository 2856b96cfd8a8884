package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.UnreadableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SavedModel whose files are cut, damaged, of another format, unreadable, or a folder where a
 * file belongs (and the reverse): opening it fails with an {@link AttentionException} that names
 * the file and says what to do, never with another exception. Each case starts from a small valid
 * model ({@link TinySavedModel}) and breaks one thing; {@link #theUnbrokenModelOpens} shows the
 * starting point is fine.
 */
class ModelFileFaultsTest {

  @TempDir Path temp;

  private final TensorFlowProviderFactory factory = new TensorFlowProviderFactory();
  private int models;

  /** Deletes the model's variables/ folder and returns its path. */
  private static Path deleteVariables(Path model) throws IOException {
    Path variables = model.resolve("variables");
    try (Stream<Path> files = Files.list(variables)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(variables);
    return variables;
  }

  /** A fresh copy of the valid tiny model. */
  private Path model() throws IOException {
    return TinySavedModel.export(
        temp.resolve("model-" + models++),
        1,
        l -> "bert/encoder/layer_" + l + "/attention/self",
        false);
  }

  private static Path variablesData(Path model) throws IOException {
    try (Stream<Path> files = Files.list(model.resolve("variables"))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("variables.data"))
          .findFirst()
          .orElseThrow();
    }
  }

  private AttentionException openFails(Path model) {
    return assertThrows(
        AttentionException.class, () -> factory.open(ModelSource.of(model)).close());
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void theUnbrokenModelOpens() throws Exception {
    try (AttentionProvider provider = factory.open(ModelSource.of(model()))) {
      assertEquals(1, provider.compute(AttentionRequest.of("the cat")).primary().layerCount());
    }
  }

  @Test
  void aTruncatedGraphIsInvalid() throws Exception {
    Path model = model();
    Path graph = model.resolve("saved_model.pb");
    byte[] bytes = Files.readAllBytes(graph);
    Files.write(graph, Arrays.copyOf(bytes, bytes.length / 2));

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(e.getMessage(), "TensorFlow cannot load the SavedModel in " + model);
  }

  @Test
  void aGraphWithDamagedBytesIsInvalid() throws Exception {
    Path model = model();
    Path graph = model.resolve("saved_model.pb");
    byte[] bytes = Files.readAllBytes(graph);
    Random random = new Random(9);
    for (int i = 0; i < 64; i++) {
      bytes[bytes.length / 4 + random.nextInt(bytes.length / 2)] ^=
          (byte) (1 + random.nextInt(255));
    }
    Files.write(graph, bytes);

    AttentionException e = openFails(model);

    assertTrue(
        e.reason() == Reason.MODEL_INVALID || e.reason() == Reason.NO_ATTENTION, e.getMessage());
    assertMentions(e.getMessage(), model.getFileName().toString());
  }

  @Test
  void truncatedVariablesAreInvalid() throws Exception {
    Path model = model();
    Path data = variablesData(model);
    Files.write(data, Arrays.copyOf(Files.readAllBytes(data), 2));

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(e.getMessage(), "TensorFlow cannot load the SavedModel in " + model);
  }

  @Test
  void anOnnxFileInPlaceOfTheGraphIsInvalid() throws Exception {
    Path model = model();
    // The start of an ONNX model: a protocol buffer too, but of another message.
    Files.write(
        model.resolve("saved_model.pb"),
        new byte[] {0x08, 0x07, 0x12, 0x07, 'p', 'y', 't', 'o', 'r', 'c', 'h', 0x1a, 0x01, '2'});

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(e.getMessage(), "TensorFlow cannot load the SavedModel in " + model);
  }

  @Test
  void tagsTheModelWasNotSavedWithAreNamedWithTheOption() throws Exception {
    Path model = model();

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () ->
                factory.open(
                    ModelSource.of(model)
                        .withOption(TensorFlowProviderFactory.OPTION_TAGS, "train")));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertMentions(
        e.getMessage(), "with tags [train]", "pass them in the ModelSource option 'tags'");
  }

  @Test
  void aZippedModelIsAFileNotAFolder() throws Exception {
    Path zip = Files.write(temp.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 0, 0});

    AttentionException e = openFails(zip);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertMentions(e.getMessage(), zip.toAbsolutePath() + " is a file, not a folder", "unzip");
  }

  @Test
  void theGraphFileChosenInsteadOfItsFolderPointsToTheFolder() throws Exception {
    Path model = model();
    Path graph = model.resolve("saved_model.pb");

    AttentionException e = openFails(graph);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertMentions(
        e.getMessage(),
        graph.toAbsolutePath() + " is a file, not a folder",
        "Choose the folder that holds it: " + model);
  }

  @Test
  void aFolderNamedLikeTheGraphIsNotTakenForIt() throws Exception {
    assertAFolderInPlaceOfTheFileIsNamed("saved_model.pb");
  }

  @Test
  void aFolderNamedLikeTheVocabularyIsNotTakenForIt() throws Exception {
    assertAFolderInPlaceOfTheFileIsNamed("assets/vocab.txt");
  }

  private void assertAFolderInPlaceOfTheFileIsNamed(String file) throws Exception {
    Path model = model();
    Path folder = model.resolve(file);
    Files.delete(folder);
    Files.createDirectory(folder);

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertMentions(e.getMessage(), folder.toAbsolutePath() + " is a folder, not a file");
  }

  @Test
  void aVariablesFileInPlaceOfTheVariablesFolderIsInvalid() throws Exception {
    Path model = model();
    Path variables = deleteVariables(model);
    Files.writeString(variables, "not a folder");

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertEquals(
        variables.toAbsolutePath()
            + " is a file, not a folder. A SavedModel keeps its weights in the folder variables/;"
            + " copy or export the model again.",
        e.getMessage());
  }

  @Test
  void aModelWithoutItsVariablesFolderIsRefusedAtOpen() throws Exception {
    Path model = model();
    Path variables = deleteVariables(model);

    AttentionException e = openFails(model);

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                model.toAbsolutePath()
                    + " has no variables/variables.index, but its graph has variables (e.g. "),
        e.getMessage());
    assertTrue(
        e.getMessage().endsWith("Copy the whole SavedModel folder, with its variables/ folder."),
        e.getMessage());
  }

  @Test
  void unreadableFilesAreNamed() throws Exception {
    Path graphModel = model();
    Path variablesModel = model();
    Path vocabModel = model();
    Path folderModel = model();
    Path vocab = vocabModel.resolve("assets").resolve("vocab.txt");

    Map<String, UnreadableFiles.Outcome> outcomes =
        UnreadableFiles.open(
            TensorFlowProviderFactory.NAME,
            List.of(
                new UnreadableFiles.Case("graph", graphModel, graphModel.resolve("saved_model.pb")),
                new UnreadableFiles.Case(
                    "variables", variablesModel, variablesData(variablesModel)),
                new UnreadableFiles.Case("vocab", vocabModel, vocab),
                new UnreadableFiles.Case("folder", folderModel, folderModel)));

    for (String label : List.of("graph", "variables", "vocab", "folder")) {
      assertTrue(outcomes.get(label).blocked(), label + ": the child could read the file");
    }
    assertUnreadable(outcomes.get("graph"), graphModel.resolve("saved_model.pb"));
    assertUnreadable(outcomes.get("variables"), variablesData(variablesModel));
    assertUnreadable(outcomes.get("vocab"), vocab);
    assertUnreadable(outcomes.get("folder"), folderModel);
  }

  private static void assertUnreadable(UnreadableFiles.Outcome outcome, Path file) {
    assertEquals(Reason.MODEL_NOT_FOUND, outcome.reason(), outcome.message());
    assertMentions(
        outcome.message(),
        "Cannot read " + file.toAbsolutePath() + " (permission denied)",
        "Make the model's files readable");
  }
}
