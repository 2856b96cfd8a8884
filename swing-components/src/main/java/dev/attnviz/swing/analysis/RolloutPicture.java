package dev.attnviz.swing.analysis;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.MatrixPainter;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.function.Supplier;

/**
 * The rollout view's picture, sized and painted: the title, the rollout as the token-columns
 * display draws it (a heatmap scaled to the largest value shown, with its legend, or lines), and
 * the focus ring; or, without a rollout, the message that says why. Use on the Event Dispatch
 * Thread.
 */
final class RolloutPicture {

  /** Room around the picture. */
  static final int MARGIN = 8;

  private static final int LEGEND_GAP = 24;

  private final ViewColors colors;
  private final TokenColumnsDisplay display;
  private final boolean heatmap;
  private final Supplier<float[]> values;
  private final String title;
  private final Supplier<String> message;

  /**
   * The picture of the rollout in {@code display} (laid out, null without a rollout: then {@code
   * message} is shown), in {@code colors}, under {@code title}; as a heatmap of {@code values} (the
   * shown matrix) if {@code heatmap}, else as lines.
   */
  RolloutPicture(
      ViewColors colors,
      TokenColumnsDisplay display,
      boolean heatmap,
      Supplier<float[]> values,
      String title,
      Supplier<String> message) {
    this.colors = colors;
    this.display = display;
    this.heatmap = heatmap;
    this.values = values;
    this.title = title;
    this.message = message;
  }

  /** The height of a row of text. */
  static int rowHeight(ViewColors colors) {
    return colors.text().height() + 4;
  }

  private ColorLegend legend() {
    return ColorLegend.heat(
        Messages.text("rollout.legend"),
        "0",
        Messages.format("rollout.legendMax", Numbers.text(RolloutResult.max(values.get()))),
        colors);
  }

  /** The size of the picture, in pixels. */
  Dimension size() {
    ViewText text = colors.text();
    if (display == null) {
      return new Dimension(2 * MARGIN + text.width(message.get()), 2 * MARGIN + rowHeight(colors));
    }
    Rectangle body = display.bounds();
    int width = body.x + body.width;
    int height = body.y + body.height;
    if (heatmap) {
      width += LEGEND_GAP + legend().width(text);
      height = Math.max(height, display.matrixLayout().cellsY() + legend().height(text));
    }
    width = Math.max(width, MARGIN + text.width(title));
    return new Dimension(width + MARGIN, height + MARGIN);
  }

  /** Paints the picture, the lines or cells marking what {@code scene} selects. */
  void paint(Graphics2D g, Supplier<TokenColumnsPainter.Scene> scene, boolean focus) {
    ViewText text = colors.text();
    if (display == null) {
      g.setColor(colors.mutedForeground());
      TextFit.drawAt(g, text, message.get(), MARGIN, MARGIN);
      return;
    }
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, title, MARGIN, MARGIN);
    float max = heatmap ? RolloutResult.max(values.get()) : 1;
    HeatColorScale scale = HeatColorScale.of(colors);
    display.paint(
        g,
        g.getClipBounds(),
        scene.get(),
        new MatrixPainter(colors, value -> scale.rgb((float) (value / max))),
        heatmap ? values.get() : null);
    if (heatmap) {
      MatrixLayout layout = display.matrixLayout();
      legend()
          .paint(
              g, colors, layout.bounds().x + layout.bounds().width + LEGEND_GAP, layout.cellsY());
    }
    if (focus) {
      Rectangle ring = display.bounds();
      ring.grow(MARGIN / 2, MARGIN / 2);
      FocusRing.paint(g, colors.selection(), ring);
    }
  }
}
