package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.util.Objects;
import java.util.function.DoubleToIntFunction;

/**
 * Paints a heatmap of a shown matrix with its token labels (see {@link MatrixLayout}): one cell per
 * (query, key), coloured from background to the heat colour by weight. A selected token's row or
 * column gets its label highlighted and an outline; the locked one a border. Only cells that touch
 * the clip are painted, so large matrices stay fast. Cells are not antialiased, text is.
 */
public final class MatrixPainter {

  private final ViewColors colors;
  private final HeatColorScale scale;
  private final DoubleToIntFunction cellColor;

  /**
   * A painter for a theme: cells from the background (0) to the heat colour (1).
   *
   * @param colors the theme
   */
  public MatrixPainter(ViewColors colors) {
    this.colors = Objects.requireNonNull(colors, "colors");
    this.scale = HeatColorScale.of(colors);
    this.cellColor = value -> scale.rgb((float) value);
  }

  /**
   * A painter for a theme whose cells take the opaque ARGB colour {@code cellColor} gives each
   * value, e.g. a diverging scale for signed differences.
   *
   * @param colors the theme, for labels and marks
   * @param cellColor the 0xAARRGGBB colour of a value
   */
  public MatrixPainter(ViewColors colors, DoubleToIntFunction cellColor) {
    this.colors = Objects.requireNonNull(colors, "colors");
    this.scale = HeatColorScale.of(colors);
    this.cellColor = Objects.requireNonNull(cellColor, "cellColor");
  }

  /**
   * The colour scale of the cells, unless the painter was given its own cell colours.
   *
   * @return the heat scale, or null if {@code cellColor} was given
   */
  public HeatColorScale scale() {
    return scale;
  }

  /**
   * Paints labels and cells.
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the labels and cells are
   * @param shown the shown attention, for the labels
   * @param clip the area to paint, or null for all
   * @param values {@code layout.rows() × layout.columns()} values, row-major
   * @param selected the selected token or null
   * @param locked the locked token or null
   */
  public void paint(
      Graphics2D g,
      MatrixLayout layout,
      ShownAttention shown,
      float[] values,
      TokenRef selected,
      TokenRef locked,
      Rectangle clip) {
    Rectangle area = clip == null ? layout.bounds() : clip.intersection(layout.bounds());
    if (area.isEmpty()) {
      return;
    }
    int firstRow = layout.firstRowBelow(area.y);
    int lastRow = layout.lastRowAbove(area.getMaxY());
    int firstColumn = layout.firstColumnRightOf(area.x);
    int lastColumn = layout.lastColumnLeftOf(area.getMaxX());
    int columns = layout.columns();
    for (int r = firstRow; r <= lastRow; r++) {
      for (int c = firstColumn; c <= lastColumn; c++) {
        g.setColor(new Color(cellColor.applyAsInt(values[r * columns + c]), true));
        g.fill(layout.cell(r, c));
      }
    }
    int selectedPosition = selected == null ? -1 : shown.positionOf(selected);
    if (selectedPosition >= 0) {
      g.setColor(colors.highlightBackground());
      g.fill(layout.labelBox(selected.side(), selectedPosition));
      g.setColor(colors.selection());
      g.setStroke(new BasicStroke(1f));
      Rectangle band = band(layout, selected.side(), selectedPosition);
      g.draw(new Rectangle(band.x, band.y, band.width - 1, band.height - 1));
    }
    paintLabels(g, layout, shown, firstRow, lastRow, firstColumn, lastColumn);
    int lockedPosition = locked == null ? -1 : shown.positionOf(locked);
    if (lockedPosition >= 0) {
      g.setColor(colors.selection());
      Rectangle box = layout.labelBox(locked.side(), lockedPosition);
      g.draw(new Rectangle(box.x, box.y, box.width - 1, box.height - 1));
    }
  }

  /** The row or column of cells of a token. */
  private static Rectangle band(MatrixLayout layout, TokenRef.Side side, int position) {
    Rectangle cells = layout.cellsBounds();
    if (side == TokenRef.Side.QUERY) {
      return new Rectangle(
          cells.x, cells.y + position * layout.cellSize(), cells.width, layout.cellSize());
    }
    return new Rectangle(
        cells.x + position * layout.cellSize(), cells.y, layout.cellSize(), cells.height);
  }

  private void paintLabels(
      Graphics2D g,
      MatrixLayout layout,
      ShownAttention shown,
      int firstRow,
      int lastRow,
      int firstColumn,
      int lastColumn) {
    ViewText text = colors.text();
    g.setColor(colors.foreground());
    for (int r = firstRow; r <= lastRow; r++) {
      TextFit.drawInBox(g, text, shown.rowLabel(r), layout.rowLabel(r), true);
    }
    for (int c = firstColumn; c <= lastColumn; c++) {
      Rectangle box = layout.columnLabel(c);
      // Draw the key label rotated a quarter turn, reading upwards, right-aligned at the cells.
      Graphics2D rotated = (Graphics2D) g.create();
      try {
        rotated.translate(box.x, box.y + box.height);
        rotated.transform(AffineTransform.getQuadrantRotateInstance(-1));
        TextFit.drawInBox(
            rotated, text, shown.columnLabel(c), new Rectangle(0, 0, box.height, box.width), false);
      } finally {
        rotated.dispose();
      }
    }
  }
}
