package dev.attnviz.swing.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.util.Objects;

/**
 * The one text policy of the views: every layout measures and every painter draws text through it,
 * so that a label the layout made room for is drawn in full.
 *
 * <p>Measuring and drawing share one {@link FontRenderContext}: text antialiasing on and fractional
 * metrics on. With fractional metrics, glyph advances are the font's own, not hinted to the device
 * pixel grid, so a string is exactly as wide in user space at scale 1, at 1.5 (a 150% HiDPI screen)
 * and under {@code g.scale(2, 2)} (an export), and the same whatever hints the look and feel set on
 * the component. A component's {@code getFontMetrics} and a {@code Graphics2D}'s own metrics both
 * depend on such hints and on the device scale, which is why views never use them for labels.
 *
 * <p>Painters call {@link #prepare(Graphics2D)} before drawing text. Immutable and thread-safe.
 */
public final class ViewText implements TextMeasure {

  /** Identity transform, antialiased text, fractional metrics: how all view text is measured. */
  public static final FontRenderContext RENDER_CONTEXT =
      new FontRenderContext(
          null, RenderingHints.VALUE_TEXT_ANTIALIAS_ON, RenderingHints.VALUE_FRACTIONALMETRICS_ON);

  private static final String ELLIPSIS = "\u2026";

  private final Font font;
  private final int ascent;
  private final int height;

  private ViewText(Font font) {
    this.font = font;
    LineMetrics line = font.getLineMetrics("Xg", RENDER_CONTEXT);
    this.ascent = Math.round(line.getAscent());
    this.height = Math.max(1, Math.round(line.getAscent() + line.getDescent() + line.getLeading()));
  }

  /**
   * The policy for {@code font}.
   *
   * @param font the font to measure and draw with
   * @return a new policy for that font
   */
  public static ViewText of(Font font) {
    return new ViewText(Objects.requireNonNull(font, "font"));
  }

  /**
   * The font.
   *
   * @return the font; never null
   */
  public Font font() {
    return font;
  }

  /** The advance of {@code text} in user space, rounded up, so a box of this width holds it. */
  @Override
  public int width(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    // A hair below the next integer still counts as that integer: float noise is not a pixel.
    return (int) Math.ceil(font.getStringBounds(text, RENDER_CONTEXT).getWidth() - 1e-3);
  }

  @Override
  public int height() {
    return height;
  }

  /**
   * Distance from the top of a line to its baseline.
   *
   * @return the ascent, in pixels
   */
  public int ascent() {
    return ascent;
  }

  /**
   * The baseline that centres a line of text vertically in {@code box}.
   *
   * @param box the box, in pixels
   * @return the baseline's y, in pixels
   */
  public int baseline(Rectangle box) {
    return box.y + (box.height - height) / 2 + ascent;
  }

  /**
   * Sets the font and the text hints this policy measures with; call before drawing text.
   *
   * @param g the graphics to prepare
   */
  public void prepare(Graphics2D g) {
    g.setFont(font);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  /**
   * {@code text} if it fits in {@code room} pixels, else its longest prefix plus "…" that does, or
   * "" if not even one character with "…" does.
   *
   * @param text the text
   * @param room the width available, in pixels
   * @return the text, cut if needed
   */
  public String fit(String text, int room) {
    if (width(text) <= room) {
      return text;
    }
    // Binary search: width grows with the prefix length.
    int low = 0;
    int high = text.length() - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (width(text.substring(0, middle) + ELLIPSIS) <= room) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    if (low > 0 && Character.isHighSurrogate(text.charAt(low - 1))) {
      low--; // never split a character outside the basic plane
    }
    return low == 0 ? "" : text.substring(0, low) + ELLIPSIS;
  }
}
