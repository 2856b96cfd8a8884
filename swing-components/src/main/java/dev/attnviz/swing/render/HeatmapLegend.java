package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * A heatmap's caption and colour legend on one line: what the cells hold ("Layer 8, mean of 3
 * heads") and the scale they are coloured with ("0 [bar] 1"), so that a heatmap, on screen or
 * exported, says what it shows.
 */
public final class HeatmapLegend {

  /** Width of the colour bar. */
  static final int BAR = 80;

  private static final int GAP = 12;
  private static final int PAD = 4;

  private final ViewColors colors;
  private final HeatColorScale scale;
  private final String caption;

  /**
   * A legend in {@code colors} for cells coloured with {@code scale}.
   *
   * @param colors the theme
   * @param scale the cells' colour scale, 0 to 1
   * @param caption what the cells hold, e.g. "Layer 8, mean of 3 heads"
   */
  public HeatmapLegend(ViewColors colors, HeatColorScale scale, String caption) {
    this.colors = Objects.requireNonNull(colors, "colors");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.caption = Objects.requireNonNull(caption, "caption");
  }

  /**
   * The caption of a head-view heatmap.
   *
   * @param layer the layer shown
   * @param heads the active heads, ascending
   * @return "Layer 8, head 3", or "Layer 8, mean of 3 heads" for several
   */
  public static String caption(int layer, int[] heads) {
    return heads.length == 1
        ? Messages.format("heatmap.captionHead", layer, heads[0])
        : Messages.format("heatmap.captionMean", layer, heads.length);
  }

  /**
   * The line's width.
   *
   * @return the width in user-space pixels
   */
  public int width() {
    ViewText text = colors.text();
    return text.width(caption)
        + GAP
        + text.width(low())
        + PAD
        + BAR
        + PAD
        + text.width(Messages.text("heatmap.legendHigh"));
  }

  /**
   * The line's height.
   *
   * @return the height in user-space pixels
   */
  public int height() {
    return colors.text().height();
  }

  /**
   * Paints the line with its top-left at ({@code x}, {@code y}).
   *
   * @param g where to paint
   * @param x left edge
   * @param y top edge
   */
  public void paint(Graphics2D g, int x, int y) {
    ViewText text = colors.text();
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, caption, x, y);
    int at = x + text.width(caption) + GAP;
    g.setColor(colors.mutedForeground());
    TextFit.drawAt(g, text, low(), at, y);
    at += text.width(low()) + PAD;
    int barHeight = Math.max(6, text.height() - 6);
    int barY = y + (text.height() - barHeight) / 2;
    GradientBar.paint(
        g, new Rectangle(at, barY, BAR, barHeight), t -> scale.rgb((float) t), colors.grid());
    g.setColor(colors.mutedForeground());
    TextFit.drawAt(g, text, Messages.text("heatmap.legendHigh"), at + BAR + PAD, y);
  }

  private static String low() {
    return Messages.text("heatmap.legendLow");
  }
}
