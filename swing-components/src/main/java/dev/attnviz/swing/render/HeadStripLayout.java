package dev.attnviz.swing.render;

import java.awt.Rectangle;

/**
 * Geometry of the row of head squares: one square per head, left to right, wrapping onto further
 * rows when {@code maxWidth} is too narrow. Pure arithmetic. Immutable.
 */
public final class HeadStripLayout {

  /** Default side of a square. */
  public static final int DEFAULT_SQUARE = 16;

  /** Default space between squares. */
  public static final int DEFAULT_GAP = 4;

  private final int x;
  private final int y;
  private final int count;
  private final int square;
  private final int gap;
  private final int perRow;

  /**
   * Creates a layout.
   *
   * @param x left edge
   * @param y top edge
   * @param count number of heads
   * @param square side of a square, at least 1
   * @param gap space between squares
   * @param maxWidth width available; at least one square per row
   */
  public HeadStripLayout(int x, int y, int count, int square, int gap, int maxWidth) {
    if (count < 0 || square < 1 || gap < 0) {
      throw new IllegalArgumentException(
          "invalid head strip: " + count + " squares of " + square + ", gap " + gap);
    }
    this.x = x;
    this.y = y;
    this.count = count;
    this.square = square;
    this.gap = gap;
    this.perRow = Math.max(1, (maxWidth - x + gap) / (square + gap));
  }

  /**
   * Number of squares.
   *
   * @return the number of heads
   */
  public int count() {
    return count;
  }

  /**
   * The square of head {@code head}.
   *
   * @param head the head, 0-based
   * @return a new rectangle, in pixels
   */
  public Rectangle square(int head) {
    int row = head / perRow;
    int column = head % perRow;
    return new Rectangle(x + column * (square + gap), y + row * (square + gap), square, square);
  }

  /**
   * Everything.
   *
   * @return a new rectangle around every square, in pixels
   */
  public Rectangle bounds() {
    int rows = count == 0 ? 0 : (count + perRow - 1) / perRow;
    int columns = Math.min(count, perRow);
    return new Rectangle(
        x,
        y,
        Math.max(0, columns * (square + gap) - gap),
        Math.max(0, rows * (square + gap) - gap));
  }

  /**
   * The head whose square holds ({@code px}, {@code py}), or -1.
   *
   * @param px x, in pixels
   * @param py y, in pixels
   * @return the head, 0-based, or -1
   */
  public int headAt(int px, int py) {
    if (px < x || py < y) {
      return -1;
    }
    int column = (px - x) / (square + gap);
    int row = (py - y) / (square + gap);
    if (column >= perRow) {
      return -1;
    }
    int head = row * perRow + column;
    return head < count && square(head).contains(px, py) ? head : -1;
  }
}
