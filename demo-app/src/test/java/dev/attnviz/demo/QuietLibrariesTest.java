package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuietLibrariesTest {

  private static final Logger GPU_PROBE = Logger.getLogger("ai.djl.util.cuda.CudaUtils");
  private static final Logger ENGINE = Logger.getLogger("ai.djl.onnxruntime.engine.OrtEngine");
  private static final Logger DJL_MODEL = Logger.getLogger("ai.djl.repository.zoo.ModelZoo");
  private static final Logger OTHER = Logger.getLogger("org.example.SomeLibrary");
  private static final List<String> TOUCHED =
      List.of("", "ai.djl", "ai.djl.util.cuda", "ai.djl.onnxruntime.engine.OrtEngine");

  private final Map<String, Level> levels = new HashMap<>();

  @BeforeEach
  void rememberLevels() {
    for (String name : TOUCHED) {
      levels.put(name, Logger.getLogger(name).getLevel());
    }
    Logger.getLogger("").setLevel(Level.INFO);
  }

  @AfterEach
  void restoreLevels() {
    System.clearProperty("java.util.logging.config.file");
    levels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
  }

  @Test
  void theAppHidesTheGpuProbeAndEngineChatterButNotOtherWarnings() {
    QuietLibraries.apply(false);

    assertFalse(GPU_PROBE.isLoggable(Level.WARNING), "no 'Failed to detect GPU count'");
    assertTrue(GPU_PROBE.isLoggable(Level.SEVERE));
    assertFalse(ENGINE.isLoggable(Level.WARNING), "no 'CUDA is not supported'");
    assertTrue(ENGINE.isLoggable(Level.SEVERE));
    assertFalse(DJL_MODEL.isLoggable(Level.INFO));
    assertTrue(DJL_MODEL.isLoggable(Level.WARNING), "DJL's other warnings still show");
    assertTrue(OTHER.isLoggable(Level.INFO), "other libraries keep their levels in the app");
  }

  @Test
  void aCommandShowsOnlyWarningsAndWorse() {
    QuietLibraries.apply(true);

    assertFalse(OTHER.isLoggable(Level.INFO));
    assertTrue(OTHER.isLoggable(Level.WARNING));
    assertFalse(GPU_PROBE.isLoggable(Level.WARNING));
  }

  @Test
  void aUsersLoggingConfigurationIsLeftAlone() {
    System.setProperty("java.util.logging.config.file", "/home/user/logging.properties");

    QuietLibraries.apply(true);

    assertTrue(GPU_PROBE.isLoggable(Level.WARNING));
    assertTrue(OTHER.isLoggable(Level.INFO));
  }
}
