package dev.attnviz.swing.neuron;

import dev.attnviz.swing.render.TextMeasure;
import dev.attnviz.swing.render.TokenColumnsLayout;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where everything of the neuron view goes, in user-space pixels, and what lies under a point. Pure
 * geometry: computed from token labels, counts and a {@link TextMeasure}, with no component and no
 * painting, so it is tested on its own. Immutable.
 *
 * <p>From top to bottom: a status line (always when expanded, for the placeholder or the selected
 * pair; when collapsed only for a message), a row of column titles, then one row per token.
 * Expanded, from left to right: query tokens, query vectors, a gap for the connectors, key vectors,
 * elementwise products, scores, the softmax (key tokens), and the contribution list. Collapsed:
 * query tokens, a gap for the lines, key tokens, laid out as a {@link TokenColumnsLayout} so that
 * the head view's painter draws them. Every vector cell and row starts at an integer position, so
 * cells stay sharp at integer scale factors. {@link #fittedTo} narrows the cells for a narrow
 * viewport.
 */
final class NeuronLayout {

  static final int PAD = 8;
  static final int TEXT_PAD = TokenColumnsLayout.TEXT_PADDING;
  static final int COLUMN_GAP = 12;
  static final int CONNECTOR_GAP = 64;
  static final int LINE_GAP = 160;
  static final int LIST_GAP = 24;
  static final int MAX_LABEL_WIDTH = 160;

  /** The widest token box: the widest label text and its padding. */
  static final int LABEL_BOX_WIDTH = MAX_LABEL_WIDTH + 2 * TEXT_PAD;

  /** Vector columns aim at this width, so head sizes 16 to 192 fit a screen without scrolling. */
  static final int TARGET_VECTOR_WIDTH = 384;

  static final int MIN_CELL_WIDTH = 2;
  static final int MAX_CELL_WIDTH = 8;
  static final int CELL_INSET = 2;
  static final int MIN_ROW_HEIGHT = 12;

  /** Rows of the contribution list above its entries: the pair, then the sub-column headers. */
  static final int LIST_HEADER_ROWS = 2;

  /** The columns whose width follows the cell width. */
  private static final Column[] VECTOR_COLUMNS = {Column.QUERY, Column.KEY, Column.PRODUCT};

  /** The columns of the view, left to right. */
  enum Column {
    QUERY_TOKENS,
    QUERY,
    KEY,
    PRODUCT,
    SCORE,
    KEY_TOKENS,
    CONTRIBUTIONS
  }

  /**
   * What lies under a point.
   *
   * @param column the column
   * @param row display row: of a query for {@code QUERY_TOKENS} and {@code QUERY}, of a key for the
   *     key columns, of an entry for {@code CONTRIBUTIONS}
   * @param dim the vector dimension for a cell, else -1
   */
  record Hit(Column column, int row, int dim) {}

  /**
   * What the layout depends on.
   *
   * @param expanded expanded (true) or collapsed mode
   * @param queryLabels display text of the query rows
   * @param keyLabels display text of the key rows
   * @param headSize vector size (used when expanded)
   * @param message a line above everything, or null
   * @param contributionRows entries reserved for the contribution list (expanded); 0 for none
   */
  record Input(
      boolean expanded,
      List<String> queryLabels,
      List<String> keyLabels,
      int headSize,
      String message,
      int contributionRows) {

    /** Checks and copies. */
    Input {
      queryLabels = List.copyOf(queryLabels);
      keyLabels = List.copyOf(keyLabels);
      if (expanded && headSize <= 0) {
        throw new IllegalArgumentException("expanded layout needs a head size, got " + headSize);
      }
      if (contributionRows < 0) {
        throw new IllegalArgumentException("contributionRows " + contributionRows + " < 0");
      }
    }
  }

  private final Input input;
  private final TextMeasure measure;
  private final boolean expanded;
  private final int queryRows;
  private final int keyRows;
  private final int listRows;
  private final int headSize;
  private final int rowHeight;
  private final int cellWidth;
  private final int rowsTop;
  private final int titleTop;
  private final int[] columnX = new int[Column.values().length];
  private final int[] columnWidth = new int[Column.values().length];
  private final int[] titleWidth = new int[Column.values().length];
  private final int[] listX;
  private final int[] listWidth;
  private final TokenColumnsLayout tokenColumns;
  private final Rectangle status;
  private final int columnsRight;
  private final int width;
  private final int height;

  private NeuronLayout(Input input, TextMeasure measure, int cellWidth) {
    this.input = input;
    this.measure = measure;
    expanded = input.expanded();
    queryRows = input.queryLabels().size();
    keyRows = input.keyLabels().size();
    headSize = expanded ? input.headSize() : 0;
    rowHeight = rowHeight(measure);
    this.cellWidth = cellWidth;
    Arrays.fill(columnX, -1);

    int y = PAD;
    if (input.message() != null || expanded) {
      // Expanded keeps the line even when empty, so that hovering never moves the picture.
      int textWidth =
          Math.max(
              input.message() == null ? 0 : measure.width(input.message()),
              expanded ? measure.width(NeuronText.placeholder()) : 0);
      status = new Rectangle(PAD, y, textWidth, rowHeight);
      y += rowHeight + CELL_INSET * 2;
    } else {
      status = null;
    }
    titleTop = y;
    rowsTop = y + rowHeight;

    int queryLabelWidth = labelWidth(input.queryLabels());
    int keyLabelWidth = labelWidth(input.keyLabels());
    int x = PAD;
    int right;
    if (expanded) {
      int vectorWidth = headSize * cellWidth;
      int cellHeight = rowHeight - 2 * CELL_INSET;
      x = place(Column.QUERY_TOKENS, x, queryLabelWidth, "") + COLUMN_GAP;
      x = place(Column.QUERY, x, vectorWidth, NeuronText.queryTitle()) + CONNECTOR_GAP;
      x = place(Column.KEY, x, vectorWidth, NeuronText.keyTitle()) + COLUMN_GAP;
      x = place(Column.PRODUCT, x, vectorWidth, NeuronText.productTitle()) + COLUMN_GAP;
      x = place(Column.SCORE, x, cellHeight, NeuronText.scoreTitle()) + COLUMN_GAP;
      right = place(Column.KEY_TOKENS, x, keyLabelWidth, NeuronText.softmaxTitle());
      listRows = input.contributionRows();
      if (listRows > 0) {
        int subColumns = NeuronText.contributionHeaders().length;
        listX = new int[subColumns];
        listWidth = new int[subColumns];
        int offset = 0;
        for (int s = 0; s < subColumns; s++) {
          listX[s] = offset;
          listWidth[s] =
              Math.max(
                  measure.width(NeuronText.contributionHeaders()[s]),
                  measure.width(NeuronText.CONTRIBUTION_SAMPLES[s]));
          offset += listWidth[s] + 2 * TEXT_PAD;
        }
        right =
            place(
                Column.CONTRIBUTIONS,
                right + LIST_GAP,
                offset - 2 * TEXT_PAD,
                NeuronText.contributionsTitle());
      } else {
        listX = new int[0];
        listWidth = new int[0];
      }
    } else {
      listRows = 0;
      listX = new int[0];
      listWidth = new int[0];
      x = place(Column.QUERY_TOKENS, x, queryLabelWidth, "") + LINE_GAP;
      right = place(Column.KEY_TOKENS, x, keyLabelWidth, "");
    }
    // The same fitting as the shared token-columns display that paints collapsed mode.
    tokenColumns =
        expanded
            ? null
            : TokenColumnsLayout.fitting(
                PAD,
                rowsTop,
                input.queryLabels(),
                input.keyLabels(),
                measure::width,
                rowHeight,
                LINE_GAP,
                LABEL_BOX_WIDTH);
    columnsRight = right;
    width = Math.max(right, status == null ? 0 : status.x + status.width) + PAD;
    height = rowsTop + rowCount() * rowHeight + PAD;
  }

  /** Computes the layout, with vector cells at their {@linkplain #cellWidth(int) target width}. */
  static NeuronLayout compute(Input input, TextMeasure measure) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(measure, "measure");
    return new NeuronLayout(input, measure, input.expanded() ? cellWidth(input.headSize()) : 0);
  }

  /**
   * This layout with narrower vector cells, so that {@link #size()} is at most {@code width} wide:
   * the widest whole-pixel cells that fit, never wider than this layout's and never narrower than
   * {@code minCellWidth} (cells already narrower do not shrink), and never narrower than what
   * narrows the picture (a column as wide as its title stays so). When even that is too wide, the
   * result is wider than {@code width}. Returns this layout when it fits already, and when
   * collapsed (there are no cells to narrow).
   *
   * @param width the width the whole picture may take, margins included
   * @param minCellWidth the narrowest cell, at least 1
   * @throws IllegalArgumentException if {@code minCellWidth} is below 1
   */
  NeuronLayout fittedTo(int width, int minCellWidth) {
    if (minCellWidth < 1) {
      throw new IllegalArgumentException(
          "the narrowest vector cell must be at least 1 pixel, got " + minCellWidth);
    }
    if (!expanded || this.width <= width) {
      return this;
    }
    int narrowest = Math.min(minCellWidth, cellWidth);
    int fitting = cellWidth;
    // Cells narrower than a title that holds its column wide gain nothing: stop there.
    while (fitting > narrowest
        && widthWithCells(fitting) > width
        && widthWithCells(fitting - 1) < widthWithCells(fitting)) {
      fitting--;
    }
    return fitting == cellWidth ? this : new NeuronLayout(input, measure, fitting);
  }

  /**
   * The width of the picture with cells {@code cells} wide: the vector columns, as wide as their
   * cells or their titles, change; the status line does not.
   */
  private int widthWithCells(int cells) {
    int right = columnsRight;
    for (Column column : VECTOR_COLUMNS) {
      int index = column.ordinal();
      right += Math.max(headSize * cells, titleWidth[index]) - columnWidth[index];
    }
    return Math.max(right, status.x + status.width) + PAD;
  }

  /**
   * Width of one vector cell for {@code headSize} dimensions: as wide as fits {@link
   * #TARGET_VECTOR_WIDTH}, between {@link #MIN_CELL_WIDTH} and {@link #MAX_CELL_WIDTH}; wider heads
   * scroll.
   */
  static int cellWidth(int headSize) {
    if (headSize <= 0) {
      throw new IllegalArgumentException("head size " + headSize + " must be positive");
    }
    return Math.max(MIN_CELL_WIDTH, Math.min(MAX_CELL_WIDTH, TARGET_VECTOR_WIDTH / headSize));
  }

  private int labelWidth(List<String> labels) {
    return TokenColumnsLayout.boxWidth(labels, measure::width, LABEL_BOX_WIDTH);
  }

  /** Puts a column at {@code x}, wide enough for content and title; returns its right edge. */
  private int place(Column column, int x, int contentWidth, String title) {
    columnX[column.ordinal()] = x;
    titleWidth[column.ordinal()] = measure.width(title);
    columnWidth[column.ordinal()] = Math.max(contentWidth, titleWidth[column.ordinal()]);
    return x + columnWidth[column.ordinal()];
  }

  /** Whether the layout is expanded. */
  boolean expanded() {
    return expanded;
  }

  /** The whole picture's size. */
  Dimension size() {
    return new Dimension(width, height);
  }

  /** The height of a token row for text measured by {@code measure}, before any layout. */
  static int rowHeight(TextMeasure measure) {
    return Math.max(measure.height() + 2 * CELL_INSET, MIN_ROW_HEIGHT);
  }

  /** Height of one token row. */
  int rowHeight() {
    return rowHeight;
  }

  /** Width of one vector cell (expanded), else 0. */
  int cellWidth() {
    return cellWidth;
  }

  /** Height of vector cells and the side of score squares. */
  int cellHeight() {
    return rowHeight - 2 * CELL_INSET;
  }

  /** Head size the vector columns are laid out for (expanded), else 0. */
  int headSize() {
    return headSize;
  }

  /** Top of the first token row. */
  int rowsTop() {
    return rowsTop;
  }

  /** Number of rows below the titles: the most of query rows, key rows and list rows. */
  int rowCount() {
    int list = listRows > 0 ? listRows + LIST_HEADER_ROWS : 0;
    return Math.max(Math.max(queryRows, keyRows), list);
  }

  /** Entries reserved in the contribution list. */
  int listRows() {
    return listRows;
  }

  /** Whether the layout has {@code column}. */
  boolean has(Column column) {
    return columnX[column.ordinal()] >= 0;
  }

  /** Left edge of {@code column}. */
  int x(Column column) {
    return checkColumn(column) ? columnX[column.ordinal()] : -1;
  }

  /** Width of {@code column} (content or title, the wider). */
  int width(Column column) {
    checkColumn(column);
    return columnWidth[column.ordinal()];
  }

  private boolean checkColumn(Column column) {
    if (!has(column)) {
      throw new IllegalArgumentException(
          "no column " + column + " in " + (expanded ? "expanded" : "collapsed") + " layout");
    }
    return true;
  }

  /**
   * The status line for a message, the placeholder or the selected pair, as wide as the picture
   * inside its margins; null when collapsed without a message.
   */
  Rectangle statusBounds() {
    return status == null ? null : new Rectangle(status.x, status.y, width - 2 * PAD, rowHeight);
  }

  /** The title cell of {@code column}. */
  Rectangle titleBounds(Column column) {
    return new Rectangle(x(column), titleTop, width(column), rowHeight);
  }

  /** Top edge of row {@code row}. */
  int rowTop(int row) {
    return rowsTop + row * rowHeight;
  }

  /** The full-width band of row {@code row}, for scrolling it into view. */
  Rectangle rowBand(int row) {
    return new Rectangle(0, rowTop(row), width, rowHeight);
  }

  /** The box of a token in {@code QUERY_TOKENS} or {@code KEY_TOKENS}. */
  Rectangle tokenBounds(Column column, int row) {
    return new Rectangle(x(column), rowTop(row), width(column), rowHeight);
  }

  /** The row of cells of a vector column ({@code QUERY}, {@code KEY} or {@code PRODUCT}). */
  Rectangle vectorBounds(Column column, int row) {
    return new Rectangle(x(column), rowTop(row) + CELL_INSET, headSize * cellWidth, cellHeight());
  }

  /** One cell of a vector column. */
  Rectangle cellBounds(Column column, int row, int dim) {
    Objects.checkIndex(dim, headSize);
    return new Rectangle(
        x(column) + dim * cellWidth, rowTop(row) + CELL_INSET, cellWidth, cellHeight());
  }

  /** The score square of key row {@code row}. */
  Rectangle scoreBounds(int row) {
    return new Rectangle(x(Column.SCORE), rowTop(row) + CELL_INSET, cellHeight(), cellHeight());
  }

  /** The two token columns of collapsed mode, as the head view lays them out; null if expanded. */
  TokenColumnsLayout tokenColumns() {
    return tokenColumns;
  }

  /** Where connectors and lines leave query row {@code row}. */
  Point queryAnchor(int row) {
    int x = expanded ? x(Column.QUERY) + headSize * cellWidth : (int) tokenColumns.leftAnchorX();
    return new Point(x, rowTop(row) + rowHeight / 2);
  }

  /** Where connectors and lines reach key row {@code row}. */
  Point keyAnchor(int row) {
    int x = expanded ? x(Column.KEY) : (int) tokenColumns.rightAnchorX();
    return new Point(x, rowTop(row) + rowHeight / 2);
  }

  /**
   * A cell of the contribution list: {@code row} 0 is the pair, 1 the headers, then entries; {@code
   * subColumn} indexes {@link NeuronText#CONTRIBUTION_HEADERS}.
   */
  Rectangle listCell(int row, int subColumn) {
    Objects.checkIndex(subColumn, listX.length);
    return new Rectangle(
        x(Column.CONTRIBUTIONS) + listX[subColumn], rowTop(row), listWidth[subColumn], rowHeight);
  }

  /** The first row that {@code clip} touches (0 if above the rows). */
  int firstRow(Rectangle clip) {
    return Math.max(0, Math.min(rowCount(), Math.floorDiv(clip.y - rowsTop, rowHeight)));
  }

  /** One past the last row that {@code clip} touches. */
  int endRow(Rectangle clip) {
    int bottom = clip.y + clip.height;
    return Math.max(0, Math.min(rowCount(), Math.floorDiv(bottom - rowsTop - 1, rowHeight) + 1));
  }

  /** What lies at {@code (x, y)}, or null if nothing does (gaps, titles, margins). */
  Hit hitTest(int x, int y) {
    if (y < rowsTop) {
      return null;
    }
    int row = (y - rowsTop) / rowHeight;
    for (Column column : Column.values()) {
      if (!has(column) || x < x(column) || x >= x(column) + width(column)) {
        continue;
      }
      return switch (column) {
        case QUERY_TOKENS -> row < queryRows ? new Hit(column, row, -1) : null;
        case QUERY -> row < queryRows ? new Hit(column, row, dimAt(column, x)) : null;
        case KEY, PRODUCT -> row < keyRows ? new Hit(column, row, dimAt(column, x)) : null;
        case SCORE, KEY_TOKENS -> row < keyRows ? new Hit(column, row, -1) : null;
        case CONTRIBUTIONS -> {
          int entry = row - LIST_HEADER_ROWS;
          yield entry >= 0 && entry < listRows ? new Hit(column, entry, -1) : null;
        }
      };
    }
    return null;
  }

  private int dimAt(Column column, int x) {
    int dim = (x - x(column)) / cellWidth;
    return dim < headSize ? dim : -1;
  }
}
