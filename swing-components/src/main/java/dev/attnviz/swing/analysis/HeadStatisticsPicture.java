package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.core.analysis.ValueRange;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.GridAxesPainter;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.function.Supplier;

/**
 * The statistics heatmap's picture, sized and painted: the statistic's title, the layer × head grid
 * with its axes, each cell tinted from the smallest to the largest value shown (undefined values
 * left empty, the selected head outlined), the legend and the focus ring; or, without statistics,
 * the message that says why. Use on the Event Dispatch Thread.
 */
final class HeadStatisticsPicture {

  /** Room around the picture. */
  static final int MARGIN = 8;

  /**
   * Opacity of the heat colour for the smallest value shown, so that it stays distinct from an
   * empty (undefined) cell.
   */
  static final float MIN_TINT = 0.08f;

  private static final int LEGEND_GAP = 24;

  private final ViewColors colors;
  private final ModelGridLayout layout;
  private final Supplier<Matrix> values;
  private final Statistic statistic;
  private final AttentionKind kind;
  private final String message;

  /**
   * The picture of {@code statistic}'s {@code values} ({@code layers × heads}) of {@code kind} in
   * {@code layout}, in {@code colors}; without a layout (no statistics), of {@code message}.
   */
  HeadStatisticsPicture(
      ViewColors colors,
      ModelGridLayout layout,
      Supplier<Matrix> values,
      Statistic statistic,
      AttentionKind kind,
      String message) {
    this.colors = colors;
    this.layout = layout;
    this.values = values;
    this.statistic = statistic;
    this.kind = kind;
    this.message = message == null ? "" : message;
  }

  private String title() {
    return statistic.label() + ": " + statistic.description();
  }

  private ColorLegend legend(ValueRange range) {
    HeatColorScale scale = HeatColorScale.of(colors);
    return new ColorLegend(
        statistic.label(),
        Numbers.text(range.min()),
        null,
        Numbers.text(range.max()),
        t -> scale.rgb(tint((float) t)));
  }

  /** The size of the picture, in pixels. */
  Dimension size() {
    ViewText text = colors.text();
    if (layout == null) {
      return new Dimension(2 * MARGIN + text.width(message), 2 * MARGIN + text.height());
    }
    Rectangle bounds = layout.bounds();
    ColorLegend legend = legend(ValueRange.EMPTY);
    int width =
        Math.max(
            bounds.x + bounds.width + LEGEND_GAP + legend.width(text) + 40,
            MARGIN + text.width(title()));
    int height = Math.max(bounds.y + bounds.height, layout.cellsY() + legend.height(text));
    return new Dimension(width + MARGIN, height + MARGIN);
  }

  /** The range of the shown cells' values, NaN ignored. */
  private static ValueRange range(Matrix values, ModelGridLayout layout) {
    ValueRange range = ValueRange.EMPTY;
    for (int layer : layout.layers()) {
      for (int head : layout.heads()) {
        range = range.including(values.get(layer, head));
      }
    }
    return range;
  }

  /** Where {@code value} sits in {@code range}, 0 to 1; a range of one value maps it to 1. */
  static float fraction(double value, ValueRange range) {
    double span = range.max() - range.min();
    return span > 0 ? (float) ((value - range.min()) / span) : 1f;
  }

  /** The heat colour's opacity for a value at {@code fraction} of the range. */
  static float tint(float fraction) {
    return MIN_TINT + (1 - MIN_TINT) * fraction;
  }

  /** Paints the picture, outlining the head {@code selection} looks at, ringed if {@code focus}. */
  void paint(Graphics2D g, AttentionSelectionModel selection, boolean focus) {
    ViewText text = colors.text();
    if (layout == null) {
      g.setColor(colors.mutedForeground());
      TextFit.drawAt(g, text, message, MARGIN, MARGIN);
      return;
    }
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, title(), MARGIN, MARGIN);
    GridAxesPainter.paint(g, layout, colors);
    Matrix shown = values.get();
    ValueRange range = range(shown, layout);
    paintCells(g, shown, range, selection);
    Rectangle bounds = layout.bounds();
    legend(range).paint(g, colors, bounds.x + bounds.width + LEGEND_GAP, layout.cellsY());
    if (focus) {
      bounds.grow(MARGIN / 2, MARGIN / 2);
      FocusRing.paint(g, colors.selection(), bounds);
    }
  }

  private void paintCells(
      Graphics2D g, Matrix grid, ValueRange range, AttentionSelectionModel selection) {
    HeatColorScale scale = HeatColorScale.of(colors);
    int[] layers = layout.layers();
    int[] heads = layout.heads();
    Rectangle current = null;
    g.setStroke(new BasicStroke(1f));
    for (int r = 0; r < layers.length; r++) {
      for (int c = 0; c < heads.length; c++) {
        Rectangle cell = layout.cell(r, c);
        double value = grid.get(layers[r], heads[c]);
        if (Double.isNaN(value)) {
          g.setColor(colors.grid());
          g.drawRect(cell.x, cell.y, cell.width - 1, cell.height - 1);
        } else {
          g.setColor(scale.color(tint(fraction(value, range))));
          g.fill(cell);
        }
        if (HeadSelection.isSelected(selection, kind, layers[r], heads[c])) {
          current = cell;
        }
      }
    }
    if (current != null) {
      // A ring in the selection colour around a ring of background reads on any cell colour.
      g.setColor(colors.background());
      g.drawRect(current.x + 2, current.y + 2, current.width - 5, current.height - 5);
      g.setColor(colors.selection());
      g.setStroke(new BasicStroke(2f));
      g.drawRect(current.x, current.y, current.width - 1, current.height - 1);
    }
  }
}
