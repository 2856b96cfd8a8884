package dev.attnviz.swing;

/** How the head view draws the attention of its layer. */
public enum DisplayMode {
  /** Lines between the two token columns, one per active head and token pair. */
  LINES("Lines"),
  /**
   * A heatmap: the one active head, or the mean of the active heads. Shown as "Heatmap", the one
   * name the app, the command line and the README use; the constant keeps its name for existing
   * code.
   */
  MATRIX("Heatmap");

  private final String label;

  DisplayMode(String label) {
    this.label = label;
  }

  /** A label for menus. */
  @Override
  public String toString() {
    return label;
  }
}
