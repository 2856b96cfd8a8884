package dev.attnviz.swing.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.BitSet;
import java.util.Objects;

/**
 * Paints the head squares: active heads in full colour, inactive ones washed out towards the
 * background, the focused head ringed in the selection colour when the view has keyboard focus.
 */
public final class HeadStripPainter {

  /** How much of the head colour an inactive square keeps. */
  public static final float INACTIVE_OPACITY = 0.25f;

  private final ViewColors colors;

  /**
   * A painter for a theme.
   *
   * @param colors the theme and head palette
   */
  public HeadStripPainter(ViewColors colors) {
    this.colors = Objects.requireNonNull(colors, "colors");
  }

  /**
   * Paints every square.
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the squares are
   * @param showFocus whether to ring the focused head (the view has the focus)
   * @param active which heads are active
   * @param focusHead the focused head, ringed if {@code showFocus}; -1 for none
   */
  public void paint(
      Graphics2D g, HeadStripLayout layout, BitSet active, int focusHead, boolean showFocus) {
    int count = layout.count();
    for (int h = 0; h < count; h++) {
      Rectangle square = layout.square(h);
      Color color = colors.headColor(h, count);
      g.setColor(active.get(h) ? color : washedOut(color, colors.background()));
      g.fill(square);
    }
    if (showFocus && focusHead >= 0 && focusHead < count) {
      Rectangle square = layout.square(focusHead);
      g.setColor(colors.selection());
      g.setStroke(new BasicStroke(2f));
      g.draw(new Rectangle(square.x - 2, square.y - 2, square.width + 3, square.height + 3));
    }
  }

  /**
   * {@code color} at {@link #INACTIVE_OPACITY} over {@code background}.
   *
   * @param color the head's colour
   * @param background the view's background
   * @return the blended, opaque colour
   */
  public static Color washedOut(Color color, Color background) {
    return new HeatColorScale(background, color).color(INACTIVE_OPACITY);
  }
}
