package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where attnviz keeps files it derives from models: unpacked embedded models and rewritten graphs.
 * The same folder as the other attnviz backends, so one setting moves them all.
 */
final class CacheLocation {

  /** System property naming the cache folder; wins over the environment variable. */
  static final String PROPERTY = "attnviz.cache";

  /** Environment variable naming the cache folder. */
  static final String ENVIRONMENT = "ATTNVIZ_CACHE";

  private CacheLocation() {}

  /**
   * Returns the cache root: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code
   * ${user.home}/.cache/attnviz}. The folder may not exist yet.
   */
  static Path root() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property.trim());
    }
    String environment = System.getenv(ENVIRONMENT);
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment.trim());
    }
    return Path.of(System.getProperty("user.home"), ".cache", "attnviz");
  }

  /**
   * The error for a cache folder that cannot be written, telling the user how to choose another.
   *
   * @param what what could not be done, e.g. "Cannot unpack the embedded model into /x"
   */
  static AttentionException unwritable(String what, IOException cause) {
    return new AttentionException(
        Reason.MODEL_NOT_FOUND,
        what
            + ": "
            + cause.getMessage()
            + ". Make the folder writable, or choose another cache folder with -D"
            + PROPERTY
            + "=<folder> or the environment variable "
            + ENVIRONMENT
            + ".",
        cause);
  }
}
