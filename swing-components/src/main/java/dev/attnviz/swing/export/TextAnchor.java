package dev.attnviz.swing.export;

import java.awt.RenderingHints;

/**
 * Where a string drawn next is anchored, for vector export: a rendering hint that painting code
 * sets (under {@link #KEY}) before {@code drawString} of text it aligned to the right or centred.
 *
 * <p>Painting code positions such text with Java's font metrics. An SVG viewer substitutes its own
 * font, so a right-aligned column positioned that way would be ragged there; with this hint the SVG
 * writer anchors the text at the column's edge ({@code text-anchor="end"}) or centre ({@code
 * "middle"}) instead. Raster graphics ignore the hint. Immutable.
 */
public final class TextAnchor {

  /** The rendering hint key; values are {@code TextAnchor} or {@code null} (start, as drawn). */
  public static final RenderingHints.Key KEY =
      new RenderingHints.Key(0x41747476) {
        @Override
        public boolean isCompatibleValue(Object value) {
          return value == null || value instanceof TextAnchor;
        }

        @Override
        public String toString() {
          return "attnviz text anchor";
        }
      };

  /** Which point of the text the anchor x is. */
  public enum Side {
    /** The text's centre is at x. */
    MIDDLE,
    /** The text's right end is at x. */
    END
  }

  private final Side side;
  private final float x;

  private TextAnchor(Side side, float x) {
    this.side = side;
    this.x = x;
  }

  /**
   * Text whose right end is at {@code x} (user space of the graphics it is set on).
   *
   * @param x the right end, in user space
   * @return the anchor
   */
  public static TextAnchor end(float x) {
    return new TextAnchor(Side.END, x);
  }

  /**
   * Text centred on {@code x} (user space of the graphics it is set on).
   *
   * @param x the centre, in user space
   * @return the anchor
   */
  public static TextAnchor middle(float x) {
    return new TextAnchor(Side.MIDDLE, x);
  }

  /**
   * The anchored point of the text.
   *
   * @return END or MIDDLE
   */
  public Side side() {
    return side;
  }

  /**
   * The anchor's x, in user space.
   *
   * @return the x, in user space
   */
  public float x() {
    return x;
  }

  @Override
  public String toString() {
    return side + "@" + x;
  }
}
