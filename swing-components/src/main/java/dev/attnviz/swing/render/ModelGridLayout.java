package dev.attnviz.swing.render;

import dev.attnviz.swing.model.LayerHead;
import java.awt.Rectangle;
import java.util.Arrays;

/**
 * Geometry of the model view's grid: one row per shown layer, one column per shown head, with a
 * "Heads" axis title and head indexes along the top and a "Layers" axis title and layer indexes
 * down the left. Indexes are the data's own (an excluded layer leaves no gap and no renumbering).
 * Pure arithmetic, tested without painting. Immutable.
 */
public final class ModelGridLayout {

  private final int x;
  private final int y;
  private final int[] layers;
  private final int[] heads;
  private final int cellWidth;
  private final int cellHeight;
  private final int gap;
  private final int titleSize;
  private final int leftIndexWidth;
  private final int topIndexHeight;

  /**
   * Creates a layout.
   *
   * @param x left edge
   * @param y top edge
   * @param layers shown layers, original indexes in display order; not empty
   * @param heads shown heads, original indexes in display order; not empty
   * @param cellWidth thumbnail width
   * @param cellHeight thumbnail height
   * @param gap space between thumbnails
   * @param titleSize height of the axis title bands ("Heads" above, "Layers" rotated left)
   * @param leftIndexWidth width of the layer index column
   * @param topIndexHeight height of the head index row
   * @throws IllegalArgumentException if a size is out of range or a list is empty
   */
  public ModelGridLayout(
      int x,
      int y,
      int[] layers,
      int[] heads,
      int cellWidth,
      int cellHeight,
      int gap,
      int titleSize,
      int leftIndexWidth,
      int topIndexHeight) {
    if (layers.length == 0 || heads.length == 0) {
      throw new IllegalArgumentException("the grid needs at least one layer and one head");
    }
    if (cellWidth < 1
        || cellHeight < 1
        || gap < 0
        || titleSize < 0
        || leftIndexWidth < 0
        || topIndexHeight < 0) {
      throw new IllegalArgumentException(
          "invalid grid sizes: cell " + cellWidth + " x " + cellHeight + ", gap " + gap);
    }
    this.x = x;
    this.y = y;
    this.layers = layers.clone();
    this.heads = heads.clone();
    this.cellWidth = cellWidth;
    this.cellHeight = cellHeight;
    this.gap = gap;
    this.titleSize = titleSize;
    this.leftIndexWidth = leftIndexWidth;
    this.topIndexHeight = topIndexHeight;
  }

  /**
   * A layout whose title bands, index column and index row fit text measured by {@code text}: the
   * layer index column fits the widest layer index with {@link TokenColumnsLayout#TEXT_PADDING}.
   *
   * @param x left edge, in pixels
   * @param y top edge, in pixels
   * @param layers the shown layers (original indexes), top to bottom
   * @param heads the shown heads (original indexes), left to right
   * @param cellWidth thumbnail width, in pixels
   * @param cellHeight thumbnail height, in pixels
   * @param gap space between thumbnails, in pixels
   * @param text measures the titles and indexes
   * @return the layout
   * @see #ModelGridLayout(int, int, int[], int[], int, int, int, int, int, int)
   */
  public static ModelGridLayout fitting(
      int x,
      int y,
      int[] layers,
      int[] heads,
      int cellWidth,
      int cellHeight,
      int gap,
      TextMeasure text) {
    int widest = 0;
    for (int layer : layers) {
      widest = Math.max(widest, text.width(Integer.toString(layer)));
    }
    return new ModelGridLayout(
        x,
        y,
        layers,
        heads,
        cellWidth,
        cellHeight,
        gap,
        text.height() + 4,
        widest + 2 * TokenColumnsLayout.TEXT_PADDING,
        text.height() + 2);
  }

  /**
   * This layout with smaller thumbnails, so that {@link #bounds()} is at most {@code width} wide.
   *
   * @param width the width the grid's bounds may take, in pixels
   * @param minSide the smallest side a shrunk thumbnail keeps, at least 1
   * @return this layout, or a new one with smaller thumbnails
   * @see #fittedTo(int, int, int)
   */
  public ModelGridLayout fittedTo(int width, int minSide) {
    return fittedTo(width, Integer.MAX_VALUE, minSide);
  }

  /**
   * This layout with smaller thumbnails, so that {@link #bounds()} is at most {@code width} wide
   * and {@code height} high (all layers in view): the largest thumbnails that fit, keeping their
   * aspect ratio, never larger than this layout's and never smaller than {@code minSide} on either
   * side (thumbnails that already have a side below {@code minSide} do not shrink). Below that
   * minimum the result is larger than asked, and the view scrolls. Returns this layout when it fits
   * already.
   *
   * @return this layout if it fits, else a new one with smaller thumbnails
   * @param width the width the grid's bounds may take
   * @param height the height the grid's bounds may take ({@link Integer#MAX_VALUE}: any)
   * @param minSide the smallest side a shrunk thumbnail keeps, at least 1
   * @throws IllegalArgumentException if {@code minSide} is below 1
   */
  public ModelGridLayout fittedTo(int width, int height, int minSide) {
    if (minSide < 1) {
      throw new IllegalArgumentException(
          "the smallest thumbnail side must be at least 1, got " + minSide);
    }
    Rectangle bounds = bounds();
    if (bounds.width <= width && bounds.height <= height) {
      return this;
    }
    // The smallest scale at which neither side falls below minSide (or below its own size).
    double minScale =
        Math.max(
            Math.min(1.0, (double) minSide / cellWidth),
            Math.min(1.0, (double) minSide / cellHeight));
    long fitWidth =
        Math.floorDiv((long) width - (bounds.width - heads.length * cellWidth), heads.length);
    long fitHeight =
        height == Integer.MAX_VALUE
            ? Long.MAX_VALUE
            : Math.floorDiv(
                (long) height - (bounds.height - layers.length * cellHeight), layers.length);
    int newWidth;
    int newHeight;
    if ((double) fitWidth / cellWidth <= (double) fitHeight / cellHeight) {
      int minWidth = (int) Math.ceil(cellWidth * minScale);
      newWidth = (int) Math.max(minWidth, Math.min(cellWidth, fitWidth));
      newHeight = Math.max(1, (int) Math.round((double) cellHeight * newWidth / cellWidth));
    } else {
      int minHeight = (int) Math.ceil(cellHeight * minScale);
      newHeight = (int) Math.max(minHeight, Math.min(cellHeight, fitHeight));
      newWidth = Math.max(1, (int) Math.round((double) cellWidth * newHeight / cellHeight));
    }
    if (newWidth == cellWidth && newHeight == cellHeight) {
      return this;
    }
    return new ModelGridLayout(
        x, y, layers, heads, newWidth, newHeight, gap, titleSize, leftIndexWidth, topIndexHeight);
  }

  /**
   * Shown layers (original indexes).
   *
   * @return a copy of the layer indexes, top to bottom
   */
  public int[] layers() {
    return layers.clone();
  }

  /**
   * Shown heads (original indexes).
   *
   * @return a copy of the head indexes, left to right
   */
  public int[] heads() {
    return heads.clone();
  }

  /**
   * Thumbnail width.
   *
   * @return the width, in pixels
   */
  public int cellWidth() {
    return cellWidth;
  }

  /**
   * Thumbnail height.
   *
   * @return the height, in pixels
   */
  public int cellHeight() {
    return cellHeight;
  }

  /**
   * Left edge of the first thumbnail column.
   *
   * @return the x, in pixels
   */
  public int cellsX() {
    return x + titleSize + leftIndexWidth;
  }

  /**
   * Top edge of the first thumbnail row.
   *
   * @return the y, in pixels
   */
  public int cellsY() {
    return y + titleSize + topIndexHeight;
  }

  /**
   * Everything: titles, indexes and thumbnails.
   *
   * @return a new rectangle, in pixels
   */
  public Rectangle bounds() {
    return new Rectangle(
        x,
        y,
        cellsX() - x + heads.length * (cellWidth + gap),
        cellsY() - y + layers.length * (cellHeight + gap));
  }

  /**
   * The band holding the "Heads" title, above the head indexes.
   *
   * @return a new rectangle, in pixels
   */
  public Rectangle headsTitle() {
    return new Rectangle(cellsX(), y, heads.length * (cellWidth + gap), titleSize);
  }

  /**
   * The band holding the rotated "Layers" title, left of the layer indexes.
   *
   * @return a new rectangle, in pixels (the text is drawn rotated in it)
   */
  public Rectangle layersTitle() {
    return new Rectangle(x, cellsY(), titleSize, layers.length * (cellHeight + gap));
  }

  /**
   * The box of the index label above head column {@code headPosition}.
   *
   * @param headPosition a display column, 0-based
   * @return a new rectangle, in pixels
   */
  public Rectangle headIndexBox(int headPosition) {
    return new Rectangle(
        cellsX() + headPosition * (cellWidth + gap), y + titleSize, cellWidth, topIndexHeight);
  }

  /**
   * The box of the index label left of layer row {@code layerPosition}.
   *
   * @param layerPosition a display row, 0-based
   * @return a new rectangle, in pixels
   */
  public Rectangle layerIndexBox(int layerPosition) {
    return new Rectangle(
        x + titleSize, cellsY() + layerPosition * (cellHeight + gap), leftIndexWidth, cellHeight);
  }

  /**
   * The thumbnail at display row {@code layerPosition}, column {@code headPosition}.
   *
   * @param layerPosition a display row, 0-based
   * @param headPosition a display column, 0-based
   * @return a new rectangle, in pixels
   */
  public Rectangle cell(int layerPosition, int headPosition) {
    return new Rectangle(
        cellsX() + headPosition * (cellWidth + gap),
        cellsY() + layerPosition * (cellHeight + gap),
        cellWidth,
        cellHeight);
  }

  /**
   * The thumbnail of {@code cell}, or null if its layer or head is not shown.
   *
   * @param cell a layer and head, original indexes
   * @return a new rectangle, in pixels, or null
   */
  public Rectangle cell(LayerHead cell) {
    int layerPosition = Arrays.binarySearch(layers, cell.layer());
    int headPosition = Arrays.binarySearch(heads, cell.head());
    return layerPosition < 0 || headPosition < 0 ? null : cell(layerPosition, headPosition);
  }

  /**
   * The head shown at ({@code px}, {@code py}), or null between or outside the thumbnails.
   *
   * @param px x, in pixels
   * @param py y, in pixels
   * @return the layer and head (original indexes), or null
   */
  public LayerHead cellAt(int px, int py) {
    int column = Math.floorDiv(px - cellsX(), cellWidth + gap);
    int row = Math.floorDiv(py - cellsY(), cellHeight + gap);
    if (row < 0 || row >= layers.length || column < 0 || column >= heads.length) {
      return null;
    }
    Rectangle cell = cell(row, column);
    return cell.contains(px, py) ? new LayerHead(layers[row], heads[column]) : null;
  }

  /**
   * Display positions of the cells that intersect {@code area}: {row0, row1, col0, col1}.
   *
   * @param area a rectangle, in pixels
   * @return a new array {first row, last row, first column, last column}; a last index below the
   *     first when nothing intersects
   */
  public int[] cellRange(Rectangle area) {
    int pitchX = cellWidth + gap;
    int pitchY = cellHeight + gap;
    int row0 = Math.max(0, Math.floorDiv(area.y - cellsY(), pitchY));
    int row1 = Math.min(layers.length - 1, Math.floorDiv(area.y + area.height - cellsY(), pitchY));
    int col0 = Math.max(0, Math.floorDiv(area.x - cellsX(), pitchX));
    int col1 = Math.min(heads.length - 1, Math.floorDiv(area.x + area.width - cellsX(), pitchX));
    return new int[] {row0, row1, col0, col1};
  }
}
