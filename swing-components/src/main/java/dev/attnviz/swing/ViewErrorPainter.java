package dev.attnviz.swing;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/** Draws a view's error state: what failed, in place of a picture that could not be painted. */
final class ViewErrorPainter {

  private static final System.Logger LOG = System.getLogger(ViewErrorPainter.class.getName());

  private static final int ERROR_INSET = 8;

  private ViewErrorPainter() {}

  /** Fills {@code area} with the background and writes {@code e}'s class and message in it. */
  static void paint(Graphics g, ViewColors colors, Rectangle area, RuntimeException e) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setColor(colors.background());
      g2.fill(area);
      g2.setColor(colors.negative());
      TextFit.drawAt(
          g2,
          colors.text(),
          Messages.format("view.paintError", e.getClass().getSimpleName(), e.getMessage()),
          area.x + ERROR_INSET,
          area.y + ERROR_INSET);
    } catch (RuntimeException again) {
      LOG.log(System.Logger.Level.ERROR, "cannot paint the error state either", again);
    } finally {
      g2.dispose();
    }
  }
}
