package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.ViewColors;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/** Text in the analysis views: the theme's font, antialiased. */
final class TextPainting {

  private TextPainting() {}

  /** Sets the theme's font and text antialiasing on {@code g}; returns its metrics. */
  static FontMetrics prepare(Graphics2D g, ViewColors colors) {
    g.setFont(colors.font());
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g.getFontMetrics();
  }

  /** Draws one line in the muted colour with its top at {@code top}: a view's placeholder. */
  static void message(Graphics2D g, ViewColors colors, String text, int x, int top) {
    g.setColor(colors.mutedForeground());
    g.drawString(text, x, top + g.getFontMetrics().getAscent());
  }
}
