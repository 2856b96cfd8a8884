package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import java.text.NumberFormat;

/**
 * How many of a token-columns picture's lines are drawn. Long inputs have more lines than a paint
 * can afford, so the faintest are left out ({@link TokenColumnsPainter#DEFAULT_MAX_LINES}); a view
 * says so when {@link #complete()} is false.
 *
 * @param drawn the lines drawn
 * @param drawable the lines strong enough to show at all (opacity of half a step of 255 or more)
 * @param leastWeight the least weight drawn: weaker lines are left out
 */
public record DrawnLines(int drawn, int drawable, float leastWeight) {

  /**
   * Whether every line strong enough to show is drawn.
   *
   * @return true if none is left out
   */
  public boolean complete() {
    return drawn >= drawable;
  }

  /**
   * What a view writes when lines are left out: "The faintest lines are left out: 613 of 7,317
   * drawn, weights from 0.40. Hover or lock a token to see all of its lines."; empty if none is.
   *
   * @return the note, in the UI's language, or empty
   */
  public String note() {
    if (complete()) {
      return "";
    }
    NumberFormat count = NumberFormat.getIntegerInstance(Messages.locale());
    return Messages.format(
        "view.linesLeftOut",
        count.format(drawn),
        count.format(drawable),
        NumberText.significant(leastWeight, 2, 4));
  }

  /**
   * {@code title}, followed by "the strongest 813 of 92,249 lines" when lines are left out: for a
   * picture with a title line and no room for a note.
   *
   * @param title the picture's title
   * @return the title, perhaps with the count
   */
  public String titled(String title) {
    if (complete()) {
      return title;
    }
    NumberFormat count = NumberFormat.getIntegerInstance(Messages.locale());
    return Messages.format(
        "view.titleLinesLeftOut", title, count.format(drawn), count.format(drawable));
  }
}
