package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;

/** How the head view draws the attention of its layer. */
public enum DisplayMode {
  /** Lines between the two token columns, one per active head and token pair. */
  LINES,
  /**
   * A heatmap: the one active head, or the mean of the active heads. "Heatmap" is the one name the
   * code, the app, the command line and the README use for this mode.
   */
  HEATMAP;

  /** A label for menus, in the views' locale ("Lines", "Heatmap"). */
  @Override
  public String toString() {
    return Messages.text(this == LINES ? "displayMode.lines" : "displayMode.heatmap");
  }
}
