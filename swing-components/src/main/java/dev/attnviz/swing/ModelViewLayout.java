package dev.attnviz.swing;

import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The model view's geometry: the thumbnail size asked for, the grid fitted to the viewport ({@link
 * ModelGridFit}), the detail pane beside it ({@link ModelDetailPane}) and the size of the whole.
 * The view gives what is shown and the viewport's room; this class keeps the layouts until {@link
 * #invalidate()}. Use on the Event Dispatch Thread.
 */
final class ModelViewLayout {

  /** Room around the grid and the detail. */
  static final int MARGIN = 8;

  private static final int CELL_GAP = 6;
  private static final int DETAIL_GAP = 32;
  private static final int DETAIL_LINE_AREA = 160;
  private static final int MAX_LABEL_WIDTH = 140;

  private final ModelGridFit fit =
      new ModelGridFit(MARGIN, CELL_GAP, DETAIL_GAP + DETAIL_LINE_AREA, MAX_LABEL_WIDTH);
  private final ModelDetailPane detail =
      new ModelDetailPane(DETAIL_LINE_AREA, MAX_LABEL_WIDTH, DETAIL_GAP, MARGIN);
  private Dimension thumbnailSize = new Dimension(ModelView.DEFAULT_THUMBNAIL_SIZE);

  /** The largest thumbnail size, as asked for; a copy. */
  Dimension thumbnailSize() {
    return new Dimension(thumbnailSize);
  }

  /**
   * Asks for thumbnails of {@code size} at most; returns whether that differs from before.
   *
   * @throws IllegalArgumentException if a side is below 8 pixels
   */
  boolean setThumbnailSize(Dimension size) {
    Objects.requireNonNull(size, "size");
    if (size.width < 8 || size.height < 8) {
      throw new IllegalArgumentException(
          "thumbnails need at least 8 x 8 pixels, got " + size.width + " x " + size.height);
    }
    if (thumbnailSize.equals(size)) {
      return false;
    }
    thumbnailSize = new Dimension(size);
    return true;
  }

  /** Forgets the grid and the detail (new data, size, font, viewport). */
  void invalidate() {
    fit.invalidate();
    detail.invalidate();
  }

  /** Forgets the detail only (another cell, layer or heads: the grid stays). */
  void invalidateDetail() {
    detail.invalidate();
  }

  /**
   * The grid for {@code shown} (null: none) in {@code colors}' text, fitted to a viewport of the
   * given room ({@link Integer#MAX_VALUE}: no viewport).
   */
  ModelGridLayout grid(
      ShownAttention shown, ViewColors colors, int viewportWidth, int viewportHeight) {
    return shown == null
        ? null
        : fit.layout(
            shown, colors.text(), thumbnailSize, viewportWidth, viewportHeight, detail::invalidate);
  }

  /** {@code cell} if {@code grid} shows it, else null. */
  static LayerHead shownCell(LayerHead cell, ModelGridLayout grid) {
    return cell == null || grid == null || grid.cell(cell) == null ? null : cell;
  }

  /**
   * The detail pane, showing {@code cell} (null: nothing) of {@code shown} beside {@code grid}, its
   * lines in {@code layerColor}'s colour for the cell's layer.
   */
  ModelDetailPane detail(
      ShownAttention shown,
      LayerHead cell,
      ModelGridLayout grid,
      ViewColors colors,
      IntFunction<Color> layerColor) {
    return detail.update(shown, cell, grid, colors, layerColor);
  }

  /**
   * The size of {@code grid} and the open detail; while the thumbnails shrink to fit a viewport, at
   * least {@code viewportWidth} wide, so that the view fills it instead of asking for more.
   */
  Dimension contentSize(ModelGridLayout grid, int viewportWidth) {
    if (grid == null) {
      return new Dimension(320, 60);
    }
    Rectangle bounds = grid.bounds();
    TokenColumnsLayout detailLayout = detail.display().linesLayout();
    if (detailLayout != null) {
      bounds.add(detailLayout.bounds());
      bounds.add(detail.titleBox());
    }
    int width = bounds.x + bounds.width + MARGIN;
    if (fit.isNarrowed()) {
      width = Math.max(width, viewportWidth);
    }
    return new Dimension(width, bounds.y + bounds.height + MARGIN);
  }

  /** The distance an arrow click scrolls: half a thumbnail. */
  int scrollUnit(ModelGridLayout grid) {
    return (grid == null ? thumbnailSize.height : grid.cellHeight()) / 2;
  }
}
