package dev.attnviz.djl;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * The ONNX Runtime session settings of every model this backend runs: ONNX Runtime's defaults (all
 * graph optimisations, one intra-op thread per core) except that the intra-op threads do not spin.
 *
 * <p>By default ONNX Runtime's worker threads spin, rather than sleep, while they wait: between the
 * parallel parts of a run, and for a while after it in case another run follows (about 30 ms of CPU
 * time after every run on the 2-core test machine). That buys speed when cores are free: on a quiet
 * moment a compute took about 15 % longer without spinning (20 and 124 tokens). But when the cores
 * are busy, the spinning threads take the time that the others need, the provider's own work after
 * a run included: under load, computes took 2 to 4 times longer with spinning. An attention viewer
 * runs on a desktop, next to its user interface and other programs, and computes now and then;
 * steady times under load and no CPU burnt between computes are worth more there than a millisecond
 * on an idle machine. Numbers in docs/performance/djl.md ({@code SpinningBench}). Spinning changes
 * how threads wait, not how the work is split, so results are the same.
 */
final class SessionSettings {

  /** ONNX Runtime's configuration key for spinning intra-op threads. */
  static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

  private SessionSettings() {}

  /**
   * New session options; the caller closes them once the session is created (ONNX Runtime copies
   * them into the session).
   *
   * @throws OrtException if ONNX Runtime refuses a setting
   */
  static OrtSession.SessionOptions create() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.addConfigEntry(ALLOW_SPINNING, "0");
      return options;
    } catch (OrtException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /**
   * The options map for DJL's {@code Model.load(path, prefix, options)}, which hands {@code
   * sessionOptions} to ONNX Runtime as they are.
   */
  static Map<String, Object> djlLoadOptions(OrtSession.SessionOptions options) {
    return Map.of("sessionOptions", options);
  }
}
