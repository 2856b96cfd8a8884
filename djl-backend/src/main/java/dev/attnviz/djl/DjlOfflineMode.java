package dev.attnviz.djl;

/**
 * Keeps DJL from reaching the network while this backend opens a model, and only then. DJL
 * downloads missing native libraries and model zoo entries unless told it is offline; this backend
 * needs neither (ONNX Runtime and the tokenizer natives come in jars, models are local files), and
 * a download attempt on a machine without a network only turns into a slow, confusing failure.
 *
 * <p>DJL reads the setting from the JVM-wide system property {@value #PROPERTY}, so it cannot be
 * set for this backend alone. It is set for the duration of an {@code open} (where DJL loads its
 * engine and the tokenizer's native library, the only moments it might download) and restored
 * afterwards: other DJL users in the same JVM see their own setting again once the open returns.
 * Overlapping opens share one scope; the last to finish restores the value the first one found. An
 * application that set {@value #PROPERTY} or {@value #ENVIRONMENT} itself keeps its choice.
 */
final class DjlOfflineMode implements AutoCloseable {

  /** DJL's system property for offline mode. */
  static final String PROPERTY = "ai.djl.offline";

  /** DJL's environment variable for offline mode. */
  static final String ENVIRONMENT = "DJL_OFFLINE";

  private static final Object LOCK = new Object();
  private static int open;
  private static boolean setByUs;

  private boolean closed;

  private DjlOfflineMode() {}

  /**
   * Switches DJL to offline mode until the returned scope is closed, unless the application already
   * chose through {@value #PROPERTY} or {@value #ENVIRONMENT}.
   */
  static DjlOfflineMode scope() {
    synchronized (LOCK) {
      if (open++ == 0) {
        setByUs = System.getProperty(PROPERTY) == null && System.getenv(ENVIRONMENT) == null;
        if (setByUs) {
          System.setProperty(PROPERTY, "true");
        }
      }
    }
    return new DjlOfflineMode();
  }

  /** Ends this scope; the last open scope restores the property. Idempotent. */
  @Override
  public void close() {
    synchronized (LOCK) {
      if (closed) {
        return;
      }
      closed = true;
      if (--open == 0 && setByUs) {
        System.clearProperty(PROPERTY);
        setByUs = false;
      }
    }
  }
}
