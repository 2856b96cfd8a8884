package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.Objects;
import java.util.function.DoubleToIntFunction;

/**
 * A colour legend: a title, a horizontal bar running through a colour scale, and value labels under
 * its two ends (and its middle, for a scale centred on 0).
 *
 * <pre>
 *   title
 *   [==========bar==========]
 *   low        middle    high
 * </pre>
 *
 * <p>Immutable; geometry and painting need the font metrics of the font it is painted in.
 *
 * @param title what the colours mean, e.g. "Entropy"
 * @param low label of the left end
 * @param middle label of the middle, or null
 * @param high label of the right end
 * @param colorAt the opaque ARGB colour at fraction {@code t} ∈ [0, 1] of the bar
 */
record ColorLegend(
    String title, String low, String middle, String high, DoubleToIntFunction colorAt) {

  /** Width of the colour bar. */
  static final int BAR_WIDTH = 160;

  /** Height of the colour bar. */
  static final int BAR_HEIGHT = 12;

  private static final int GAP = 2;

  /** Checks the parts. */
  ColorLegend {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(colorAt, "colorAt");
  }

  /** Width of the whole legend. */
  int width(FontMetrics metrics) {
    int labels = metrics.stringWidth(low) + metrics.stringWidth(high);
    if (middle != null) {
      labels += metrics.stringWidth(middle) + 8;
    }
    return Math.max(metrics.stringWidth(title), Math.max(BAR_WIDTH, labels + 8));
  }

  /** Height of the whole legend. */
  int height(FontMetrics metrics) {
    return 2 * metrics.getHeight() + BAR_HEIGHT + 2 * GAP;
  }

  /** The colour bar's bounds when the legend's top-left corner is at ({@code x}, {@code y}). */
  Rectangle bar(FontMetrics metrics, int x, int y) {
    return new Rectangle(x, y + metrics.getHeight() + GAP, BAR_WIDTH, BAR_HEIGHT);
  }

  /** Paints the legend with its top-left corner at ({@code x}, {@code y}). */
  void paint(Graphics2D g, ViewColors colors, int x, int y) {
    FontMetrics metrics = g.getFontMetrics();
    Rectangle bar = bar(metrics, x, y);
    for (int px = 0; px < bar.width; px++) {
      g.setColor(new Color(colorAt.applyAsInt(px / (double) (bar.width - 1)), true));
      g.fillRect(bar.x + px, bar.y, 1, bar.height);
    }
    g.setColor(colors.grid());
    g.drawRect(bar.x - 1, bar.y - 1, bar.width + 1, bar.height + 1);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(colors.foreground());
    g.drawString(title, x, y + metrics.getAscent());
    int labels = bar.y + bar.height + GAP + metrics.getAscent();
    g.setColor(colors.mutedForeground());
    g.drawString(low, bar.x, labels);
    g.drawString(high, bar.x + bar.width - metrics.stringWidth(high), labels);
    if (middle != null) {
      g.drawString(middle, bar.x + (bar.width - metrics.stringWidth(middle)) / 2, labels);
    }
  }
}
