package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where every attnviz backend keeps files it derives from models (unpacked embedded models,
 * rewritten graphs, checksums): one folder for all backends, so one setting moves them all.
 */
public final class CacheRoot {

  /** System property naming the cache folder; wins over the environment variable. */
  public static final String PROPERTY = "attnviz.cache";

  /** Environment variable naming the cache folder. */
  public static final String ENVIRONMENT = "ATTNVIZ_CACHE";

  private CacheRoot() {}

  /**
   * Returns the cache root: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else {@code
   * ${user.home}/.cache/attnviz}. Read on every call, so a test may point it elsewhere. The folder
   * may not exist yet.
   *
   * @return the cache root folder, absolute or relative as configured
   */
  public static Path root() {
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
   * @return an exception with {@link Reason#MODEL_NOT_FOUND} and a message naming the settings that
   *     choose the folder
   * @param what what could not be done, e.g. "Cannot unpack the embedded model into /x"
   * @param cause the failure
   */
  public static AttentionException unwritable(String what, IOException cause) {
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
