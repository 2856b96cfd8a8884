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
 * time after every run on the 2-core test machine). On an idle machine that buys little: spinning
 * only while a run lasts ({@link #FORCE_SPINNING_STOP}) was within 0 to 8 % of not spinning, and
 * spinning throughout was up to a third slower on long input. With the cores busy, spinning costs a
 * lot: with two busy-loop processes beside it, a compute took 1.4 to 2 times longer spinning during
 * runs and 1.5 to 2.1 times longer spinning throughout. An attention viewer runs on a desktop, next
 * to its user interface and other programs, so the threads sleep. Numbers in
 * docs/performance/djl.md ({@code SpinningBench}). Spinning changes how threads wait, not how the
 * work is split, so results are the same.
 */
final class SessionSettings {

  /** ONNX Runtime's configuration key for spinning intra-op threads. */
  static final String ALLOW_SPINNING = "session.intra_op.allow_spinning";

  /**
   * ONNX Runtime's configuration key that stops spinning threads when a run returns; only {@code
   * SpinningBench} sets it, to compare with.
   */
  static final String FORCE_SPINNING_STOP = "session.force_spinning_stop";

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
