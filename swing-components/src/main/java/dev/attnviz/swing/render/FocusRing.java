package dev.attnviz.swing.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;

/** The dashed outline a view draws around its content while it has the keyboard focus. */
public final class FocusRing {

  private static final BasicStroke DASHED =
      new BasicStroke(
          1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f);

  private FocusRing() {}

  /**
   * Draws the ring along the inside of {@code area}'s edges, one pixel wide and crisp.
   *
   * @param g the graphics
   * @param color the ring's colour, usually the selection colour
   * @param area the focused area, in user space
   */
  public static void paint(Graphics2D g, Color color, Rectangle area) {
    Graphics2D ring = (Graphics2D) g.create();
    try {
      ring.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      ring.setColor(color);
      ring.setStroke(DASHED);
      ring.drawRect(area.x, area.y, area.width - 1, area.height - 1);
    } finally {
      ring.dispose();
    }
  }
}
