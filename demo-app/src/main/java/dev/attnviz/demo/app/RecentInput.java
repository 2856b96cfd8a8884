package dev.attnviz.demo.app;

import java.util.Objects;

/**
 * An input the user visualized, remembered between runs.
 *
 * @param textA sentence A, never null
 * @param textB sentence B, empty for a single sentence
 */
public record RecentInput(String textA, String textB) {

  /**
   * Checks the fields.
   *
   * @param textA sentence A; not null
   * @param textB sentence B, empty for a single sentence; not null
   */
  public RecentInput {
    Objects.requireNonNull(textA, "textA");
    Objects.requireNonNull(textB, "textB");
  }

  /** {@return a one-line label for menus, at most 80 characters} */
  public String label() {
    String label = textB.isEmpty() ? textA : textA + "  |  " + textB;
    return label.length() > 80 ? label.substring(0, 77) + "..." : label;
  }
}
