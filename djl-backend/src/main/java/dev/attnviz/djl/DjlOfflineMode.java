package dev.attnviz.djl;

/**
 * Keeps DJL from reaching the network. DJL downloads missing native libraries and model zoo entries
 * unless told it is offline; this backend needs neither (ONNX Runtime and the tokenizer natives
 * come in jars, models are local files), and a download attempt on a machine without a network only
 * turns into a slow, confusing failure.
 */
final class DjlOfflineMode {

  /** DJL's system property for offline mode. */
  static final String PROPERTY = "ai.djl.offline";

  /** DJL's environment variable for offline mode. */
  static final String ENVIRONMENT = "DJL_OFFLINE";

  private DjlOfflineMode() {}

  /**
   * Switches DJL to offline mode unless the application already chose, through the system property
   * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT}. DJL reads the setting
   * each time it would download, so calling this before the first model is opened is enough.
   */
  static void ensure() {
    if (System.getProperty(PROPERTY) == null && System.getenv(ENVIRONMENT) == null) {
      System.setProperty(PROPERTY, "true");
    }
  }
}
