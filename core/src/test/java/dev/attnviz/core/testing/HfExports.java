package dev.attnviz.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The tiny Hugging Face exports of {@code fixtures/hf-exports}, found through the build. */
public final class HfExports {

  private HfExports() {}

  /** The fixture root, from the system property {@code attnviz.hfExports} set by the build. */
  public static Path root() {
    String property = System.getProperty("attnviz.hfExports");
    Path root = property == null ? Path.of("../fixtures/hf-exports") : Path.of(property);
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "hf-exports fixtures not found at "
              + root.toAbsolutePath()
              + " (set -Dattnviz.hfExports)");
    }
    return root;
  }

  /**
   * A fixture folder next to {@code hf-exports} made the same way, e.g. {@code llama-tiny} (see its
   * README.md).
   */
  public static Path sibling(String name) {
    return root().toAbsolutePath().normalize().resolveSibling(name);
  }

  /** One model folder, e.g. {@code bart-tiny-hf}. */
  public static Path folder(String model) {
    return root().resolve(model);
  }
}
