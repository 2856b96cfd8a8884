package dev.attnviz.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lists every file a piece of code reads, from the JDK's own record of file reads: Flight
 * Recorder's {@code jdk.FileRead} event, which the JDK emits from {@code FileInputStream}, {@code
 * RandomAccessFile} (what {@link java.util.zip.ZipFile} reads with) and {@code FileChannel} (what
 * {@link Files#newInputStream} reads with), with the path and the reading thread. With the
 * threshold at zero every read is recorded, however short. No security manager, no agent, and the
 * code under test is not changed.
 *
 * <p>Files must live in {@link #folder}: JDK 17 stores paths of 16 to 128 characters in a string
 * pool that a second recording in the same JVM can no longer resolve (the path reads back as null);
 * longer paths are stored with each event.
 *
 * <p>The code runs on a thread of its own, so that reads by other threads (the test runner, class
 * loading elsewhere) are not counted. Run it once before recording so that the classes it needs are
 * loaded: class files are read too.
 */
final class FilesReadRecorder {

  private static final String THREAD = "files-read-recorder";

  private FilesReadRecorder() {}

  /** A folder in {@code parent} whose files have paths too long for the string pool. */
  static Path folder(Path parent) throws IOException {
    return Files.createDirectories(
        parent.resolve(
            "files-read-recorder-" + "x".repeat(Math.max(1, 130 - parent.toString().length()))));
  }

  /** What the code returned or threw, and the paths it read. */
  record Reads<T>(T result, Throwable failure, Set<String> paths) {}

  /** Runs {@code code} on its own thread and records the files it reads. */
  static <T> Reads<T> record(Callable<T> code, Path scratch) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Path dump = Files.createTempFile(scratch, "reads", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.FileRead").withThreshold(Duration.ZERO);
      recording.start();
      Thread thread =
          new Thread(
              () -> {
                try {
                  result.set(code.call());
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              THREAD);
      thread.start();
      thread.join();
      recording.stop();
      recording.dump(dump);
    }
    return new Reads<>(result.get(), failure.get(), pathsReadBy(dump));
  }

  private static Set<String> pathsReadBy(Path dump) throws IOException {
    Set<String> paths = new TreeSet<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(dump)) {
      if (event.getThread() != null && THREAD.equals(event.getThread().getJavaName())) {
        String path = event.getString("path");
        paths.add(path == null ? "<a read without a path>" : path);
      }
    }
    return paths;
  }
}
