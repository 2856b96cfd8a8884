package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.GradientBar;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TextMeasure;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.Graphics2D;
import java.awt.Rectangle;
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
 * <p>Immutable. Geometry is measured, and text drawn, with the views' text policy ({@link
 * ViewText}), so the labels fit at any scale.
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

  /** A legend of the theme's heat scale from {@code low} to {@code high} (no middle label). */
  static ColorLegend heat(String title, String low, String high, ViewColors colors) {
    HeatColorScale scale = HeatColorScale.of(colors);
    return new ColorLegend(title, low, null, high, t -> scale.rgb((float) t));
  }

  /** Checks the parts. */
  ColorLegend {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(colorAt, "colorAt");
  }

  /** Width of the whole legend. */
  int width(TextMeasure text) {
    int labels = text.width(low) + text.width(high);
    if (middle != null) {
      labels += text.width(middle) + 8;
    }
    return Math.max(text.width(title), Math.max(BAR_WIDTH, labels + 8));
  }

  /** Height of the whole legend. */
  int height(TextMeasure text) {
    return 2 * text.height() + BAR_HEIGHT + 2 * GAP;
  }

  /** The colour bar's bounds when the legend's top-left corner is at ({@code x}, {@code y}). */
  Rectangle bar(TextMeasure text, int x, int y) {
    return new Rectangle(x, y + text.height() + GAP, BAR_WIDTH, BAR_HEIGHT);
  }

  /** Paints the legend with its top-left corner at ({@code x}, {@code y}), text as the theme's. */
  void paint(Graphics2D g, ViewColors colors, int x, int y) {
    ViewText text = colors.text();
    Rectangle bar = bar(text, x, y);
    GradientBar.paint(g, bar, colorAt, colors.grid());
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, title, x, y);
    int labels = bar.y + bar.height + GAP;
    g.setColor(colors.mutedForeground());
    TextFit.drawAt(g, text, low, bar.x, labels);
    TextFit.drawAt(g, text, high, bar.x + bar.width - text.width(high), labels);
    if (middle != null) {
      TextFit.drawAt(g, text, middle, bar.x + (bar.width - text.width(middle)) / 2, labels);
    }
  }
}
