package dev.attnviz.swing;

import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.ViewText;
import java.awt.Dimension;

/**
 * The model view's grid as it fits the viewport: laid out at the configured thumbnail size (the
 * "natural" grid), then narrowed, down to a minimum side, until the grid, the room kept for the
 * detail pane and the margins fit the viewport's width. Cached until {@link #invalidate()}.
 */
final class ModelGridFit {

  private final int margin;
  private final int cellGap;
  private final int detailExtra;
  private final int maxLabelWidth;
  private ModelGridLayout natural;
  private ModelGridLayout fitted;
  private int detailRoom;
  private int fittedWidth = -1;
  private int fittedHeight = -1;

  /**
   * A fit with the grid at ({@code margin}, {@code margin}), {@code cellGap} between thumbnails,
   * and room beside it for the detail pane: {@code detailExtra} (gap and line area) plus its two
   * token columns of labels up to {@code maxLabelWidth}.
   */
  ModelGridFit(int margin, int cellGap, int detailExtra, int maxLabelWidth) {
    this.margin = margin;
    this.cellGap = cellGap;
    this.detailExtra = detailExtra;
    this.maxLabelWidth = maxLabelWidth;
  }

  /** Forgets the layouts (new data, size, font). */
  void invalidate() {
    natural = null;
    fitted = null;
  }

  /**
   * The grid for {@code shown} with thumbnails of {@code size} at most, fitted to a viewport {@code
   * viewportWidth} wide and {@code viewportHeight} high ({@link Integer#MAX_VALUE}: no viewport),
   * so that every layer is in view down to the smallest thumbnails. {@code cellsChanged} runs when
   * the thumbnails changed size, since the detail pane sits beside them.
   */
  ModelGridLayout layout(
      ShownAttention shown,
      ViewText text,
      Dimension size,
      int viewportWidth,
      int viewportHeight,
      Runnable cellsChanged) {
    if (natural == null) {
      natural =
          ModelGridLayout.fitting(
              margin,
              margin,
              shown.visibleLayers(),
              shown.visibleHeads(),
              size.width,
              size.height,
              cellGap,
              text);
      detailRoom =
          detailExtra
              + TokenColumnsLayout.boxWidth(shown.rowLabels(), text::width, maxLabelWidth)
              + TokenColumnsLayout.boxWidth(shown.columnLabels(), text::width, maxLabelWidth);
      fitted = null;
    }
    int width =
        viewportWidth == Integer.MAX_VALUE
            ? viewportWidth
            : viewportWidth - 2 * margin - detailRoom;
    int height = viewportHeight == Integer.MAX_VALUE ? viewportHeight : viewportHeight - 2 * margin;
    if (fitted == null || width != fittedWidth || height != fittedHeight) {
      ModelGridLayout next = natural.fittedTo(width, height, ModelView.MIN_FITTED_THUMBNAIL_SIDE);
      if (fitted == null
          || next.cellWidth() != fitted.cellWidth()
          || next.cellHeight() != fitted.cellHeight()) {
        cellsChanged.run();
      }
      fitted = next;
      fittedWidth = width;
      fittedHeight = height;
    }
    return fitted;
  }

  /** Whether the grid last returned is narrower than the natural one. */
  boolean isNarrowed() {
    return fitted != null && fitted != natural;
  }
}
