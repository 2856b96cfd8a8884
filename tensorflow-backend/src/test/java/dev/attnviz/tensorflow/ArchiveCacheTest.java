package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveCacheTest {

  private static final Map<String, String> FILES =
      new TreeMap<>(
          Map.of(
              "saved_model.pb", "graph".repeat(1000),
              "variables/variables.index", "index",
              "assets/vocab.txt", "[PAD]\n[UNK]\n"));

  @TempDir Path temp;

  private final AtomicInteger unpacks = new AtomicInteger();

  private Path ensure(Path target, byte[] archive) throws IOException {
    return ArchiveCache.ensureUnpacked(
        target,
        () -> new ByteArrayInputStream(archive),
        ArchiveCache.Preparation.NONE,
        unpacks::incrementAndGet);
  }

  private static void assertHoldsTheFiles(Path folder) throws IOException {
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      assertEquals(file.getValue(), Files.readString(folder.resolve(file.getKey())));
    }
  }

  @Test
  void unpacksOnceAndReusesTheFolderAfterwards() throws IOException {
    byte[] archive = ZipUnpackerTest.zip(FILES);
    Path target = temp.resolve("models/bert-1.0.0");

    Path first = ensure(target, archive);
    Path second = ensure(target, archive);

    assertEquals(first, second);
    assertEquals(1, unpacks.get());
    assertHoldsTheFiles(first);
    assertTrue(ArchiveCache.isComplete(first));
  }

  @Test
  void aDamagedFolderIsUnpackedAgain() throws IOException {
    byte[] archive = ZipUnpackerTest.zip(FILES);
    Path target = ensure(temp.resolve("models/bert-1.0.0"), archive);

    Files.writeString(target.resolve("saved_model.pb"), "cut short");
    ensure(target, archive);
    assertHoldsTheFiles(target);

    Files.delete(target.resolve("variables/variables.index"));
    ensure(target, archive);
    assertHoldsTheFiles(target);

    Files.delete(target.resolve(ArchiveCache.MARKER));
    ensure(target, archive);
    assertHoldsTheFiles(target);

    assertEquals(4, unpacks.get());
  }

  @Test
  void theMarkerCoversWhatThePreparationChanged() throws IOException {
    byte[] archive = ZipUnpackerTest.zip(FILES);
    Path target = temp.resolve("models/prepared");

    ArchiveCache.ensureUnpacked(
        target,
        () -> new ByteArrayInputStream(archive),
        folder ->
            Files.writeString(folder.resolve("saved_model.pb"), "!", StandardOpenOption.APPEND),
        unpacks::incrementAndGet);

    assertTrue(ArchiveCache.isComplete(target));
    assertEquals("graph".repeat(1000) + "!", Files.readString(target.resolve("saved_model.pb")));
  }

  @Test
  void aFailedUnpackLeavesNeitherFolderNorTemporaryFiles() throws IOException {
    byte[] archive = ZipUnpackerTest.zip(Map.of("../escape.txt", "x"));
    Path target = temp.resolve("models/bad");

    assertThrows(IOException.class, () -> ensure(target, archive));

    assertFalse(Files.exists(target));
    try (Stream<Path> left = Files.list(target.getParent())) {
      assertEquals(List.of("bad.lock"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void leftoversOfAnInterruptedRunAreRemoved() throws IOException {
    Path target = temp.resolve("models/bert-1.0.0");
    Path stale = Files.createDirectories(temp.resolve("models/.bert-1.0.0.unpacking-12345/x"));

    ensure(target, ZipUnpackerTest.zip(FILES));

    assertFalse(Files.exists(stale.getParent()));
    assertHoldsTheFiles(target);
  }

  @Test
  void threadsStartingTogetherUnpackOnce() throws Exception {
    byte[] archive = ZipUnpackerTest.zip(FILES);
    Path target = temp.resolve("models/bert-1.0.0");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        results.add(
            pool.submit(
                () ->
                    ArchiveCache.ensureUnpacked(
                        target,
                        () -> slowly(archive),
                        ArchiveCache.Preparation.NONE,
                        unpacks::incrementAndGet)));
      }
      for (Future<Path> result : results) {
        assertHoldsTheFiles(result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, unpacks.get());
  }

  @Test
  void processesStartingTogetherUnpackOnce() throws Exception {
    Path archive = Files.write(temp.resolve("model.zip"), ZipUnpackerTest.zip(FILES));
    Path target = temp.resolve("models/bert-1.0.0");
    Path log = temp.resolve("unpacks.log");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(
          new ProcessBuilder(
                  ProcessHandle.current().info().command().orElse("java"),
                  "-cp",
                  System.getProperty("java.class.path"),
                  SecondProcess.class.getName(),
                  target.toString(),
                  archive.toString(),
                  log.toString())
              .redirectErrorStream(true)
              .start());
    }
    for (Process process : processes) {
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the second JVM did not finish");
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), output);
    }

    assertEquals(1, Files.readAllLines(log).size());
    assertHoldsTheFiles(target);
  }

  /** A stream that takes a while, so that concurrent callers really overlap. */
  private static InputStream slowly(byte[] archive) {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ByteArrayInputStream(archive);
  }

  /** Unpacks in its own JVM: args are the target, the zip file and a log of unpacks. */
  public static final class SecondProcess {
    public static void main(String[] args) throws IOException {
      Path log = Path.of(args[2]);
      byte[] archive = Files.readAllBytes(Path.of(args[1]));
      ArchiveCache.ensureUnpacked(
          Path.of(args[0]),
          () -> slowly(archive),
          ArchiveCache.Preparation.NONE,
          () -> {
            try {
              Files.writeString(
                  log,
                  ProcessHandle.current().pid() + "\n",
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }
}
