package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Geometry of two token columns with a line area between them: query tokens on the left, key tokens
 * on the right, one row per token. Pure arithmetic, no painting: used by the head view, the model
 * view's detail pane and any other view that draws tokens in two columns, and tested without a
 * screen.
 *
 * <pre>
 *   x                 leftAnchorX     rightAnchorX
 *   | [  left box  ] |--- lines ---| [ right box ] |
 * </pre>
 *
 * <p>Positions are display positions (0 = first shown token of that side). Immutable.
 */
public final class TokenColumnsLayout {

  /** Horizontal space between a token's text and its box edge. */
  public static final int TEXT_PADDING = 4;

  /** Space between a box and the start of its lines. */
  public static final int ANCHOR_GAP = 2;

  /** The widest a label box grows when the view has room, so that long words show in full. */
  public static final int FULL_LABEL_WIDTH = 320;

  /** Line-area width wanted for no tokens, and what each token a side adds to it. */
  private static final int BASE_LINE_AREA = 150;

  private static final int LINE_AREA_PER_TOKEN = 4;

  private final int x;
  private final int y;
  private final int leftCount;
  private final int rightCount;
  private final int leftWidth;
  private final int rightWidth;
  private final int rowHeight;
  private final int lineAreaWidth;

  /**
   * Creates a layout.
   *
   * @param x left edge of the left column
   * @param y top edge of the first row
   * @param leftCount number of left (query) tokens
   * @param rightCount number of right (key) tokens
   * @param leftWidth width of a left token box
   * @param rightWidth width of a right token box
   * @param rowHeight height of one token row, at least 1
   * @param lineAreaWidth width between the two columns, at least {@code 2 * ANCHOR_GAP}
   * @throws IllegalArgumentException if a size is out of range
   */
  public TokenColumnsLayout(
      int x,
      int y,
      int leftCount,
      int rightCount,
      int leftWidth,
      int rightWidth,
      int rowHeight,
      int lineAreaWidth) {
    if (leftCount < 0 || rightCount < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative: " + leftCount + ", " + rightCount);
    }
    if (rowHeight < 1 || leftWidth < 0 || rightWidth < 0 || lineAreaWidth < 2 * ANCHOR_GAP) {
      throw new IllegalArgumentException(
          "invalid sizes: row height "
              + rowHeight
              + ", box widths "
              + leftWidth
              + "/"
              + rightWidth
              + ", line area "
              + lineAreaWidth);
    }
    this.x = x;
    this.y = y;
    this.leftCount = leftCount;
    this.rightCount = rightCount;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.rowHeight = rowHeight;
    this.lineAreaWidth = lineAreaWidth;
  }

  /**
   * Creates a layout whose box widths fit the widest label (plus padding), capped at {@code
   * maxBoxWidth}.
   *
   * @param x left edge, in pixels
   * @param y top edge, in pixels
   * @param leftLabels the query labels, one per row
   * @param rightLabels the key labels, one per row
   * @param rowHeight height of one token row, in pixels
   * @param lineAreaWidth width of the area between the columns, in pixels
   * @param maxBoxWidth the widest a label box may be, in pixels
   * @return the layout
   * @param textWidth measures a label, e.g. {@code colors.text()::width}
   */
  public static TokenColumnsLayout fitting(
      int x,
      int y,
      List<String> leftLabels,
      List<String> rightLabels,
      ToIntFunction<String> textWidth,
      int rowHeight,
      int lineAreaWidth,
      int maxBoxWidth) {
    return new TokenColumnsLayout(
        x,
        y,
        leftLabels.size(),
        rightLabels.size(),
        boxWidth(leftLabels, textWidth, maxBoxWidth),
        boxWidth(rightLabels, textWidth, maxBoxWidth),
        rowHeight,
        lineAreaWidth);
  }

  /**
   * The width of a label box that fits the widest of {@code labels} with {@link #TEXT_PADDING} on
   * both sides, at most {@code max}.
   *
   * @param labels the labels of one column
   * @param textWidth measures a label in pixels
   * @param max the widest box allowed, in pixels
   * @return the box width, in pixels
   */
  public static int boxWidth(List<String> labels, ToIntFunction<String> textWidth, int max) {
    int widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, textWidth.applyAsInt(label));
    }
    return Math.min(max, widest + 2 * TEXT_PADDING);
  }

  /**
   * The width of the line area between the two token columns for {@code tokens} rows a side: about
   * 150 to 250 pixels for short inputs, so that lines keep readable angles and stay close to the
   * tokens, growing with the token count (longer columns need a wider area for the same angles),
   * within {@code [min, max]} and the {@code room} the view has, but never below {@code min}.
   *
   * @param tokens the number of rows on a side
   * @param room the width available for the line area, in pixels
   * @param min the narrowest area, in pixels
   * @param max the widest area, in pixels
   * @return the width, in pixels
   */
  public static int lineAreaFor(int tokens, int room, int min, int max) {
    long wanted = BASE_LINE_AREA + (long) LINE_AREA_PER_TOKEN * Math.max(0, tokens);
    long area = Math.min(Math.min(wanted, max), room);
    return (int) Math.max(min, area);
  }

  /**
   * Left edge.
   *
   * @return the x of the left column's left edge, in pixels
   */
  public int x() {
    return x;
  }

  /**
   * Top edge.
   *
   * @return the y of the first row's top, in pixels
   */
  public int y() {
    return y;
  }

  /**
   * Number of left tokens.
   *
   * @return the number of query tokens (rows of the left column)
   */
  public int leftCount() {
    return leftCount;
  }

  /**
   * Number of right tokens.
   *
   * @return the number of key tokens (rows of the right column)
   */
  public int rightCount() {
    return rightCount;
  }

  /**
   * Height of one row.
   *
   * @return the row height, in pixels
   */
  public int rowHeight() {
    return rowHeight;
  }

  /**
   * Width of a left box.
   *
   * @return the left label box width, in pixels
   */
  public int leftWidth() {
    return leftWidth;
  }

  /**
   * Width of a right box.
   *
   * @return the right label box width, in pixels
   */
  public int rightWidth() {
    return rightWidth;
  }

  /**
   * Number of tokens on {@code side}.
   *
   * @param side query (left) or key (right)
   * @return the token count of that column
   */
  public int count(TokenRef.Side side) {
    return side == TokenRef.Side.QUERY ? leftCount : rightCount;
  }

  /**
   * The whole area: both columns and the lines between them.
   *
   * @return a new rectangle, in pixels
   */
  public Rectangle bounds() {
    return new Rectangle(
        x, y, leftWidth + lineAreaWidth + rightWidth, Math.max(leftCount, rightCount) * rowHeight);
  }

  /**
   * The area between the columns where lines run, full height.
   *
   * @return a new rectangle, in pixels
   */
  public Rectangle lineArea() {
    Rectangle bounds = bounds();
    return new Rectangle(x + leftWidth, y, lineAreaWidth, bounds.height);
  }

  /**
   * The box of the token at display position {@code position} of {@code side}.
   *
   * @param side query (left) or key (right)
   * @param position a display position on that side
   * @return a new rectangle, in pixels
   */
  public Rectangle box(TokenRef.Side side, int position) {
    boolean left = side == TokenRef.Side.QUERY;
    int columnX = left ? x : x + leftWidth + lineAreaWidth;
    return new Rectangle(
        columnX, y + position * rowHeight, left ? leftWidth : rightWidth, rowHeight);
  }

  /**
   * Where lines leave the left column.
   *
   * @return the x where lines start, in pixels
   */
  public double leftAnchorX() {
    return x + leftWidth + ANCHOR_GAP;
  }

  /**
   * Where lines reach the right column.
   *
   * @return the x where lines end, in pixels
   */
  public double rightAnchorX() {
    return x + leftWidth + lineAreaWidth - ANCHOR_GAP;
  }

  /**
   * Vertical centre of row {@code position}.
   *
   * @param position a display row
   * @return the y of the row's centre, in pixels
   */
  public double rowCenterY(int position) {
    return y + position * rowHeight + rowHeight / 2.0;
  }

  /**
   * The anchor point of a token: where its lines start or end.
   *
   * @param side query (left) or key (right)
   * @param position a display position on that side
   * @return the anchor, in pixels
   */
  public Point2D anchor(TokenRef.Side side, int position) {
    return new Point2D.Double(
        side == TokenRef.Side.QUERY ? leftAnchorX() : rightAnchorX(), rowCenterY(position));
  }

  /**
   * The display position of the token box at ({@code px}, {@code py}), or null if none.
   *
   * @param px x, in pixels
   * @param py y, in pixels
   * @return the side and position hit, or null
   */
  public Hit hitTest(int px, int py) {
    if (py < y) {
      return null;
    }
    int row = (py - y) / rowHeight;
    if (px >= x && px < x + leftWidth && row < leftCount) {
      return new Hit(TokenRef.Side.QUERY, row);
    }
    int rightX = x + leftWidth + lineAreaWidth;
    if (px >= rightX && px < rightX + rightWidth && row < rightCount) {
      return new Hit(TokenRef.Side.KEY, row);
    }
    return null;
  }

  /**
   * The first row of a column of {@code count} rows whose box reaches down to or below {@code top};
   * {@code count} if none does.
   *
   * @param top a y, in pixels
   * @param count the number of rows of the column
   * @return the row index, 0 to {@code count}
   */
  public int firstRowBelow(double top, int count) {
    int row = (int) Math.floor((top - y) / rowHeight);
    return Math.max(0, Math.min(count, row));
  }

  /**
   * The last row whose box starts at or above {@code bottom}, or -1 if none; at most count-1.
   *
   * @param bottom a y, in pixels
   * @param count the number of rows of the column
   * @return the row index, -1 to {@code count - 1}
   */
  public int lastRowAbove(double bottom, int count) {
    int row = (int) Math.floor((bottom - y) / rowHeight);
    return Math.min(count - 1, Math.max(-1, row));
  }

  /**
   * A token box found by {@link #hitTest}.
   *
   * @param side the column
   * @param position the display position in that column
   */
  public record Hit(TokenRef.Side side, int position) {}
}
