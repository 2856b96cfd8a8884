package dev.attnviz.swing.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/** Paints components into images and checks pixels, for headless Swing tests. */
public final class Pixels {

  private Pixels() {}

  /**
   * Sizes {@code component} to its preferred size (or keeps a size already set), lays it out and
   * paints it into a new image under {@code g.scale(scale, scale)}.
   */
  public static BufferedImage paint(JComponent component, double scale) {
    Dimension size = component.getSize();
    if (size.width <= 0 || size.height <= 0) {
      size = component.getPreferredSize();
      component.setSize(size);
    }
    layoutTree(component);
    BufferedImage image =
        new BufferedImage(
            (int) Math.ceil(size.width * scale),
            (int) Math.ceil(size.height * scale),
            BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(scale, scale);
      component.paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Lays out a component and all its children, as a window would. */
  public static void layoutTree(java.awt.Component component) {
    if (component instanceof java.awt.Container container) {
      container.doLayout();
      for (java.awt.Component child : container.getComponents()) {
        layoutTree(child);
      }
    }
  }

  /** The colour at a pixel, alpha ignored. */
  public static Color at(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y) & 0xffffff);
  }

  /**
   * {@code color} painted with {@code alpha} over {@code background}, as 8-bit compositing does.
   */
  public static Color blend(Color background, Color color, double alpha) {
    return new Color(
        mix(background.getRed(), color.getRed(), alpha),
        mix(background.getGreen(), color.getGreen(), alpha),
        mix(background.getBlue(), color.getBlue(), alpha));
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  /** The largest channel difference of two colours. */
  public static int distance(Color a, Color b) {
    return Math.max(
        Math.abs(a.getRed() - b.getRed()),
        Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
  }

  /**
   * Asserts that some pixel within {@code radius} of ({@code x}, {@code y}) is within {@code
   * tolerance} of {@code expected} (antialiased lines cover the pixel nearest to them fully).
   */
  public static void assertNear(
      BufferedImage image, double x, double y, Color expected, int tolerance, String what) {
    int best = Integer.MAX_VALUE;
    Color bestColor = null;
    int cx = (int) Math.floor(x);
    int cy = (int) Math.floor(y);
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int px = cx + dx;
        int py = cy + dy;
        if (px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight()) {
          continue;
        }
        Color c = at(image, px, py);
        int d = distance(c, expected);
        if (d < best) {
          best = d;
          bestColor = c;
        }
      }
    }
    if (best > tolerance) {
      fail(
          what
              + ": expected "
              + hex(expected)
              + " near ("
              + cx
              + ", "
              + cy
              + ") but the closest was "
              + (bestColor == null ? "none" : hex(bestColor))
              + " (difference "
              + best
              + ")");
    }
  }

  /** Asserts that every pixel within one pixel of ({@code x}, {@code y}) is {@code expected}. */
  public static void assertAll(
      BufferedImage image, double x, double y, Color expected, int tolerance, String what) {
    int cx = (int) Math.floor(x);
    int cy = (int) Math.floor(y);
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        Color c = at(image, cx + dx, cy + dy);
        if (distance(c, expected) > tolerance) {
          fail(
              what
                  + ": expected only "
                  + hex(expected)
                  + " around ("
                  + cx
                  + ", "
                  + cy
                  + ") but ("
                  + (cx + dx)
                  + ", "
                  + (cy + dy)
                  + ") is "
                  + hex(c));
        }
      }
    }
  }

  /** A colour as {@code #rrggbb}. */
  public static String hex(Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }
}
