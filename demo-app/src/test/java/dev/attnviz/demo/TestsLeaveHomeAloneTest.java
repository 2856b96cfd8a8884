package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The build's test settings keep every cache out of the user's home: a child JVM with the same
 * settings and an empty folder as its home computes attention with each backend (unpacking the
 * model, loading TensorFlow through JavaCPP, DJL's tokenizers and ONNX Runtime) and leaves that
 * folder empty. Without one of the settings (e.g. DJL_CACHE_DIR) the folder fills.
 */
class TestsLeaveHomeAloneTest {

  /** The system properties the parent pom gives every test JVM for its caches. */
  private static final List<String> CACHE_PROPERTIES =
      List.of(
          "attnviz.cache",
          "attnviz.settings",
          "org.bytedeco.javacpp.cachedir",
          "DJL_CACHE_DIR",
          "ENGINE_CACHE_DIR",
          "jna.tmpdir",
          "ai.djl.offline");

  @TempDir Path home;
  @TempDir Path out;

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void aBackendRunWritesNothingIntoHome(String backend) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Duser.home=" + home);
    for (String property : CACHE_PROPERTIES) {
      String value = System.getProperty(property);
      assertNotNull(value, property + " is set for tests by the parent pom");
      command.add("-D" + property + "=" + value);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(
            Main.class.getName(),
            "export",
            "--backend",
            backend,
            "--text",
            "The cat sat on the mat",
            "--out",
            out.resolve(backend + ".json").toString()));
    Path log = out.resolve(backend + ".log");
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the child finishes");
    assertEquals(0, child.exitValue(), () -> read(log));
    assertTrue(Files.size(out.resolve(backend + ".json")) > 0, "attention was written");
    try (Stream<Path> left = Files.walk(home)) {
      List<String> written = left.filter(p -> !p.equals(home)).map(Path::toString).toList();
      assertEquals(List.of(), written, "files written into the home folder " + File.separator);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
