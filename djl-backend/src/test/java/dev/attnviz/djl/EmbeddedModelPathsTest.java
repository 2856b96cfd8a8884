package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.spi.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL provider's embedded model is not an archive: {@link EmbeddedModel} copies two class-path
 * resources to two fixed file names, so no name in any file can steer a write ("zip slip" has
 * nothing to work with). These tests pin that down, and that what is already in the cache cannot
 * redirect a write either.
 */
class EmbeddedModelPathsTest {

  @TempDir Path temp;

  private static List<String> filesBelow(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> !Files.isDirectory(f))
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static EmbeddedModel.Unpacked unpack(Path cache) throws Exception {
    return new EmbeddedModel(EmbeddedModelPathsTest.class.getClassLoader(), cache)
        .unpack(ProgressListener.NONE);
  }

  @Test
  void writesExactlyTheTwoModelFilesAndItsManifestInsideTheCache() throws Exception {
    Path cache = Files.createDirectories(temp.resolve("cache"));

    unpack(cache);

    assertEquals(
        List.of(
            "models/all-minilm-l6-v2/model.onnx",
            "models/all-minilm-l6-v2/tokenizer.json",
            "models/all-minilm-l6-v2/unpacked.properties"),
        filesBelow(cache));
    assertEquals(List.of("cache"), Files.list(temp).map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void aManifestWithPathLikeKeysSteersNothing() throws Exception {
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Path folder = Files.createDirectories(cache.resolve("models").resolve("all-minilm-l6-v2"));
    Files.writeString(
        folder.resolve("unpacked.properties"),
        "../../../escaped.onnx.sha256=00\n/tmp/escaped.size=1\nmodel.onnx.size=-1\n");

    unpack(cache);

    assertFalse(Files.exists(temp.resolve("escaped.onnx")));
    assertFalse(Files.exists(Path.of("/tmp/escaped")));
    assertEquals(3, filesBelow(cache).size(), filesBelow(cache).toString());
  }

  @Test
  void aSymbolicLinkPlantedInTheCacheIsReplacedNotWrittenThrough() throws Exception {
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Path folder = Files.createDirectories(cache.resolve("models").resolve("all-minilm-l6-v2"));
    Path precious = Files.writeString(temp.resolve("precious.txt"), "keep me");
    Files.createSymbolicLink(folder.resolve("model.onnx"), precious);

    EmbeddedModel.Unpacked unpacked = unpack(cache);

    assertEquals("keep me", Files.readString(precious));
    assertFalse(Files.isSymbolicLink(unpacked.onnx()));
    assertTrue(Files.size(unpacked.onnx()) > 1_000_000, "the real model is in the cache");
  }
}
