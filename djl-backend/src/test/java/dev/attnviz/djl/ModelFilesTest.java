package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder layouts and file choices a user may open. */
class ModelFilesTest {

  @TempDir Path temp;

  private static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "{}");
  }

  @Test
  void flatExportFolder() throws Exception {
    Path folder = temp.resolve("bert-base-uncased");
    Path onnx = touch(folder.resolve("model.onnx"));
    Path tokenizer = touch(folder.resolve("tokenizer.json"));
    Path config = touch(folder.resolve("config.json"));

    ModelFiles files = ModelFiles.locate(ModelSource.of(folder));

    assertEquals(
        new ModelFiles("bert-base-uncased", onnx, tokenizer, Optional.of(config), Optional.empty()),
        files);
  }

  @Test
  void huggingFaceRepositoryWithAnOnnxSubfolder() throws Exception {
    Path repository = temp.resolve("all-MiniLM-L6-v2");
    Path onnx = touch(repository.resolve("onnx").resolve("model.onnx"));
    Path tokenizer = touch(repository.resolve("tokenizer.json"));
    Path tokenizerConfig = touch(repository.resolve("tokenizer_config.json"));

    ModelFiles fromFolder = ModelFiles.locate(ModelSource.of(repository));
    ModelFiles fromFile = ModelFiles.locate(ModelSource.of(onnx));

    ModelFiles expected =
        new ModelFiles(
            "all-MiniLM-L6-v2",
            onnx,
            tokenizer.toAbsolutePath(),
            Optional.empty(),
            Optional.of(tokenizerConfig.toAbsolutePath()));
    assertEquals(expected, fromFolder);
    assertEquals(expected, fromFile);
  }

  @Test
  void singleOnnxFileWithAnyNameAndANamedTokenizer() throws Exception {
    Path folder = temp.resolve("downloads");
    Path onnx = touch(folder.resolve("all-minilm-l6-v2.onnx"));
    Path tokenizer = touch(folder.resolve("all-minilm-l6-v2-tokenizer.json"));

    ModelFiles fromFile = ModelFiles.locate(ModelSource.of(onnx));
    ModelFiles fromFolder = ModelFiles.locate(ModelSource.of(folder));

    assertEquals("all-minilm-l6-v2", fromFile.name());
    assertEquals(tokenizer, fromFile.tokenizer());
    assertEquals("downloads", fromFolder.name());
    assertEquals(onnx, fromFolder.onnx());
  }

  @Test
  void tokenizerOptionWins() throws Exception {
    Path folder = temp.resolve("model");
    touch(folder.resolve("model.onnx"));
    touch(folder.resolve("tokenizer.json"));
    Path chosen = touch(temp.resolve("elsewhere").resolve("my-tokenizer.json"));

    ModelFiles files =
        ModelFiles.locate(
            ModelSource.of(folder).withOption(DjlProviderFactory.TOKENIZER, chosen.toString()));

    assertEquals(chosen, files.tokenizer());
  }
}
