package dev.attnviz.demo.app;

import java.util.Objects;

/**
 * An input the user visualized, remembered between runs.
 *
 * @param textA sentence A, never null
 * @param textB sentence B, empty for a single sentence
 */
public record RecentInput(String textA, String textB) {

  /** Checks the fields. */
  public RecentInput {
    Objects.requireNonNull(textA, "textA");
    Objects.requireNonNull(textB, "textB");
  }

  /** A one-line label for menus. */
  public String label() {
    String label = textB.isEmpty() ? textA : textA + "  |  " + textB;
    return label.length() > 80 ? label.substring(0, 77) + "..." : label;
  }
}
