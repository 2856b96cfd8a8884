package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.Rectangle;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Geometry of a heatmap with token labels: query labels down the left, key labels (rotated) along
 * the top, one square cell per (query, key). Pure arithmetic, tested without painting. Immutable.
 *
 * <pre>
 *   x   cellsX
 *   |   | key labels (rotated) |
 *   |lbl| cells ...            |  cellsY
 * </pre>
 */
public final class MatrixLayout {

  private final int x;
  private final int y;
  private final int rows;
  private final int columns;
  private final int rowLabelWidth;
  private final int columnLabelHeight;
  private final int cellSize;

  /**
   * Creates a layout.
   *
   * @param x left edge
   * @param y top edge
   * @param rows number of query rows
   * @param columns number of key columns
   * @param rowLabelWidth width of the query label column
   * @param columnLabelHeight height of the key label band
   * @param cellSize side of one cell, at least 1
   * @throws IllegalArgumentException if a size is out of range
   */
  public MatrixLayout(
      int x, int y, int rows, int columns, int rowLabelWidth, int columnLabelHeight, int cellSize) {
    if (rows < 0 || columns < 0 || rowLabelWidth < 0 || columnLabelHeight < 0 || cellSize < 1) {
      throw new IllegalArgumentException(
          "invalid matrix layout: "
              + rows
              + " x "
              + columns
              + " cells of "
              + cellSize
              + ", labels "
              + rowLabelWidth
              + "/"
              + columnLabelHeight);
    }
    this.x = x;
    this.y = y;
    this.rows = rows;
    this.columns = columns;
    this.rowLabelWidth = rowLabelWidth;
    this.columnLabelHeight = columnLabelHeight;
    this.cellSize = cellSize;
  }

  /**
   * A heatmap at ({@code x}, {@code y}) whose query label column fits the widest row label and
   * whose key label band the widest column label (drawn rotated), each with {@link
   * TokenColumnsLayout#TEXT_PADDING} and capped at {@code maxLabelWidth}.
   *
   * @param x left edge, in pixels
   * @param y top edge, in pixels
   * @param rowLabels the query labels, one per row
   * @param columnLabels the key labels, one per column
   * @param maxLabelWidth the longest a label box may be, in pixels
   * @return the layout
   * @param textWidth measures a label, e.g. {@code colors.text()::width}
   * @param cellSize side of one cell
   */
  public static MatrixLayout fitting(
      int x,
      int y,
      List<String> rowLabels,
      List<String> columnLabels,
      ToIntFunction<String> textWidth,
      int cellSize,
      int maxLabelWidth) {
    return new MatrixLayout(
        x,
        y,
        rowLabels.size(),
        columnLabels.size(),
        TokenColumnsLayout.boxWidth(rowLabels, textWidth, maxLabelWidth),
        TokenColumnsLayout.boxWidth(columnLabels, textWidth, maxLabelWidth),
        cellSize);
  }

  /**
   * Number of rows.
   *
   * @return the number of query rows
   */
  public int rows() {
    return rows;
  }

  /**
   * Number of columns.
   *
   * @return the number of key columns
   */
  public int columns() {
    return columns;
  }

  /**
   * Side of a cell.
   *
   * @return the side of a cell, in pixels
   */
  public int cellSize() {
    return cellSize;
  }

  /**
   * Left edge of the cells.
   *
   * @return the x of the first cell column, in pixels
   */
  public int cellsX() {
    return x + rowLabelWidth;
  }

  /**
   * Top edge of the cells.
   *
   * @return the y of the first cell row, in pixels
   */
  public int cellsY() {
    return y + columnLabelHeight;
  }

  /**
   * Labels and cells.
   *
   * @return a new rectangle around labels and cells, in pixels
   */
  public Rectangle bounds() {
    return new Rectangle(
        x, y, rowLabelWidth + columns * cellSize, columnLabelHeight + rows * cellSize);
  }

  /**
   * The cells only.
   *
   * @return a new rectangle around the cells, in pixels
   */
  public Rectangle cellsBounds() {
    return new Rectangle(cellsX(), cellsY(), columns * cellSize, rows * cellSize);
  }

  /**
   * The cell at {@code row}, {@code column}.
   *
   * @param row a row, 0 to {@code rows() - 1}
   * @param column a column, 0 to {@code columns() - 1}
   * @return a new rectangle, in pixels
   */
  public Rectangle cell(int row, int column) {
    return new Rectangle(
        cellsX() + column * cellSize, cellsY() + row * cellSize, cellSize, cellSize);
  }

  /**
   * The label box of query row {@code row}.
   *
   * @param row a row, 0 to {@code rows() - 1}
   * @return a new rectangle, in pixels
   */
  public Rectangle rowLabel(int row) {
    return new Rectangle(x, cellsY() + row * cellSize, rowLabelWidth, cellSize);
  }

  /**
   * The label box of key column {@code column}, a tall box above the column.
   *
   * @param column a column, 0 to {@code columns() - 1}
   * @return a new rectangle, in pixels
   */
  public Rectangle columnLabel(int column) {
    return new Rectangle(cellsX() + column * cellSize, y, cellSize, columnLabelHeight);
  }

  /**
   * The label box of a token, by side and display position.
   *
   * @param side query (row labels) or key (column labels)
   * @param position a row or column
   * @return a new rectangle, in pixels
   */
  public Rectangle labelBox(TokenRef.Side side, int position) {
    return side == TokenRef.Side.QUERY ? rowLabel(position) : columnLabel(position);
  }

  /**
   * First row touching {@code top} or below; {@code rows} if none.
   *
   * @param top a y, in pixels
   * @return the row index, 0 to {@code rows()}
   */
  public int firstRowBelow(double top) {
    return clamp((int) Math.floor((top - cellsY()) / cellSize), rows);
  }

  /**
   * Last row starting at or above {@code bottom}; -1 if none.
   *
   * @param bottom a y, in pixels
   * @return the row index, -1 to {@code rows() - 1}
   */
  public int lastRowAbove(double bottom) {
    return Math.min(rows - 1, Math.max(-1, (int) Math.floor((bottom - cellsY()) / cellSize)));
  }

  /**
   * First column touching {@code left} or right of it; {@code columns} if none.
   *
   * @param left an x, in pixels
   * @return the column index, 0 to {@code columns()}
   */
  public int firstColumnRightOf(double left) {
    return clamp((int) Math.floor((left - cellsX()) / cellSize), columns);
  }

  /**
   * Last column starting at or left of {@code right}; -1 if none.
   *
   * @param right an x, in pixels
   * @return the column index, -1 to {@code columns() - 1}
   */
  public int lastColumnLeftOf(double right) {
    return Math.min(columns - 1, Math.max(-1, (int) Math.floor((right - cellsX()) / cellSize)));
  }

  private static int clamp(int value, int count) {
    return Math.max(0, Math.min(count, value));
  }

  /**
   * What is at ({@code px}, {@code py}): a cell, a row label, a column label, or null.
   *
   * @param px x, in pixels
   * @param py y, in pixels
   * @return the hit, or null for the empty corner and outside
   */
  public Hit hitTest(int px, int py) {
    int column = Math.floorDiv(px - cellsX(), cellSize);
    int row = Math.floorDiv(py - cellsY(), cellSize);
    boolean inRows = row >= 0 && row < rows;
    boolean inColumns = column >= 0 && column < columns;
    if (inRows && inColumns) {
      return new Hit(row, column);
    }
    if (inRows && px >= x && px < cellsX()) {
      return new Hit(row, -1);
    }
    if (inColumns && py >= y && py < cellsY()) {
      return new Hit(-1, column);
    }
    return null;
  }

  /**
   * A place in the matrix: a cell (both set), a row label (column -1) or a column label (row -1).
   *
   * @param row display row or -1
   * @param column display column or -1
   */
  public record Hit(int row, int column) {

    /**
     * Whether this is a cell.
     *
     * @return true for a cell, false for a label
     */
    public boolean isCell() {
      return row >= 0 && column >= 0;
    }

    /**
     * The token a label hit names, or null for a cell.
     *
     * @return query for a row label, key for a column label, null for a cell
     */
    public TokenRef.Side labelSide() {
      if (isCell()) {
        return null;
      }
      return column < 0 ? TokenRef.Side.QUERY : TokenRef.Side.KEY;
    }
  }
}
