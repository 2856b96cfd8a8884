package dev.attnviz.demo.app;

import java.nio.file.Path;

/**
 * An entry of the model chooser: the provider's embedded default, a model path, or the action that
 * opens a file chooser.
 *
 * @param label what the chooser shows
 * @param path the model path, or null for the embedded default and the action
 * @param isOpenAction whether this entry opens a file chooser
 */
record ModelChoice(String label, Path path, boolean isOpenAction) {

  static ModelChoice embedded(String defaultModelName) {
    return new ModelChoice("Embedded: " + defaultModelName, null, false);
  }

  static ModelChoice of(Path path) {
    Path name = path.getFileName();
    return new ModelChoice((name == null ? path : name) + "  (" + path + ")", path, false);
  }

  static ModelChoice openAction() {
    return new ModelChoice("Open model folder or file\u2026", null, true);
  }

  @Override
  public String toString() {
    return label;
  }
}
