package dev.attnviz.demo;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' routine chatter off the user's terminal. DJL's platform detection, which the
 * Hugging Face tokenizers of both backends run, warns "Failed to detect GPU count" on every machine
 * whose CUDA libraries do not match its driver, and its ONNX Runtime engine warns "CUDA is not
 * supported" on every machine without ONNX Runtime's GPU build, although attnviz computes on the
 * CPU anyway; the engine also logs its set-up at INFO. Real warnings of other libraries still show.
 *
 * <p>A user who gives a logging configuration ({@code -Djava.util.logging.config.file=...}) keeps
 * it untouched, e.g. to see everything for a bug report.
 */
final class QuietLibraries {

  // Held in fields so that the levels stay: java.util.logging keeps loggers only weakly.

  /** Warns "Failed to detect GPU count". */
  private static final Logger GPU_PROBE = Logger.getLogger("ai.djl.util.cuda");

  /** Warns "CUDA is not supported". */
  private static final Logger ORT_ENGINE = Logger.getLogger("ai.djl.onnxruntime.engine.OrtEngine");

  /** Everything else of DJL: its set-up at INFO. */
  private static final Logger DJL = Logger.getLogger("ai.djl");

  private QuietLibraries() {}

  /**
   * Applies the levels, unless the user configured logging.
   *
   * @param commandLine whether a command runs, whose output is its result: then everything below
   *     warnings is hidden, not only the known chatter
   */
  static void apply(boolean commandLine) {
    if (System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null) {
      return;
    }
    GPU_PROBE.setLevel(Level.SEVERE);
    ORT_ENGINE.setLevel(Level.SEVERE);
    DJL.setLevel(Level.WARNING);
    if (commandLine) {
      Logger.getLogger("").setLevel(Level.WARNING);
    }
  }
}
