package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.FaintLines;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line notes the head view writes above its picture, each saying why the picture is not
 * what the data and the controls alone would suggest: heads left out because their weights are
 * invalid (in the error colour), and, in lines mode, lines too faint to draw ({@link FaintLines})
 * and the faintest lines left out of a picture with more lines than a paint draws ({@link
 * DrawnLines}). On screen and in exports alike. Holds the faint-lines verdict of the last picture;
 * the EDT's.
 */
final class HeadViewNotes {

  private final FaintLines faint = new FaintLines();

  /** A note and whether it reports invalid data. */
  record Note(String text, boolean problem) {}

  /**
   * The notes for the active heads of {@code layer}, of which {@code drawn} are drawn ({@code
   * invalid} are not), in lines mode if {@code lines} says how many lines are drawn (null in
   * heatmap mode).
   */
  List<Note> notes(
      ShownAttention shown, int layer, InvalidHeads invalid, int[] drawn, DrawnLines lines) {
    List<Note> notes = new ArrayList<>(2);
    if (!invalid.isEmpty()) {
      notes.add(new Note(invalid.note(), true));
    }
    String faintNote = lines != null ? faint.note(shown, layer, drawn) : "";
    if (!faintNote.isEmpty()) {
      // One head: its heatmap is the way to see such weights (more heads have their own advice).
      String advice = drawn.length == 1 ? " " + Messages.text("view.faintLineHeatmap") : "";
      notes.add(new Note(faintNote + advice, false));
    } else if (lines != null && !lines.complete()) {
      notes.add(new Note(lines.note(), false));
    }
    return notes;
  }

  /** The width of the widest of {@code notes}: an export is made at least that wide. */
  static int width(ViewColors colors, List<Note> notes) {
    int width = 0;
    for (Note note : notes) {
      width = Math.max(width, colors.text().width(note.text()));
    }
    return width;
  }

  /**
   * Paints {@code notes} one per line from {@code (x, y)}, cut with "…" to {@code width}; returns
   * the y below the last, {@code gap} further on.
   */
  static int paint(
      Graphics2D g, ViewColors colors, List<Note> notes, int x, int y, int width, int gap) {
    int height = colors.text().height();
    for (Note note : notes) {
      g.setColor(note.problem() ? colors.negative() : colors.foreground());
      Rectangle line = new Rectangle(x, y, Math.max(0, width), height + 4);
      TextFit.drawInBox(g, colors.text(), note.text(), line, false, 0);
      y += height + gap;
    }
    return y;
  }
}
