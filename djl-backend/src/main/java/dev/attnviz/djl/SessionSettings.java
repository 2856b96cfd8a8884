package dev.attnviz.djl;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/**
 * The ONNX Runtime session settings of every model this backend runs: ONNX Runtime's defaults (all
 * graph optimisations, one intra-op thread per core) except that the intra-op threads do not spin.
 *
 * <p>By default ONNX Runtime's worker threads keep spinning on their core after a run, in case
 * another run follows at once: about 30 ms of CPU time after every run, measured on the 2-core test
 * machine. An attention viewer computes now and then, on a desktop where the user interface and the
 * provider's own work after a run (copying the attention, building the result) need those cores;
 * under load the spinning workers slowed the runs themselves by 2 to 3 times. See
 * docs/performance/djl.md. Spinning changes how threads wait, not how the work is split, so results
 * are the same.
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
