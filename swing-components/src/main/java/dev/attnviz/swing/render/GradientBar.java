package dev.attnviz.swing.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.function.DoubleToIntFunction;

/**
 * The colour bar of a legend: one pixel column per step from the low end (left) to the high end
 * (right), framed in the grid colour. Shared by every legend so that they all read alike.
 */
public final class GradientBar {

  private GradientBar() {}

  /**
   * Paints a bar.
   *
   * @param g where to paint; its colour is changed
   * @param bar the bar's bounds, in user space; the frame is drawn one pixel outside them
   * @param rgbAt the ARGB colour at a position from 0 (left edge) to 1 (right edge)
   * @param frame the colour of the frame
   */
  public static void paint(Graphics2D g, Rectangle bar, DoubleToIntFunction rgbAt, Color frame) {
    for (int px = 0; px < bar.width; px++) {
      g.setColor(new Color(rgbAt.applyAsInt(px / (double) (bar.width - 1)), true));
      g.fillRect(bar.x + px, bar.y, 1, bar.height);
    }
    g.setColor(frame);
    g.drawRect(bar.x - 1, bar.y - 1, bar.width + 1, bar.height + 1);
  }
}
