package dev.attnviz.tensorflow;

import java.nio.file.Path;

/**
 * Where unpacked models live: {@code ${user.home}/.cache/attnviz}, unless the system property
 * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} names another folder.
 */
final class ModelCache {

  /** System property that overrides the cache folder. */
  static final String PROPERTY = "attnviz.cache";

  /** Environment variable that overrides the cache folder (the property wins if both are set). */
  static final String ENVIRONMENT = "ATTNVIZ_CACHE";

  private ModelCache() {}

  /** The cache root folder; it may not exist yet. */
  static Path root() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String environment = System.getenv(ENVIRONMENT);
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "attnviz");
  }

  /** The folder for one unpacked model, e.g. {@code models/bert-base-uncased-1.0.0}. */
  static Path modelFolder(String name, String version) {
    return root().resolve("models").resolve(name + "-" + version);
  }
}
