package dev.attnviz.swing.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JScrollPane;

/** Paints components into images and checks pixels, for headless Swing tests. */
public final class Pixels {

  /** Allowed difference per channel: Java2D's compositing rounds alpha blends slightly. */
  public static final int TOLERANCE = 2;

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

  /**
   * Puts {@code view} in a scroll pane as a host application does, and makes the pane displayable,
   * so that the view's controls move into the pane's column header and the view itself paints only
   * its content, from (0, 0).
   */
  public static JScrollPane host(JComponent view) {
    JScrollPane pane = new JScrollPane(view);
    pane.addNotify();
    return pane;
  }

  /**
   * Paints {@code component} at its current preferred size, under {@code g.scale(scale, scale)}.
   */
  public static BufferedImage paintAtPreferredSize(JComponent component, double scale) {
    component.setSize(component.getPreferredSize());
    return paint(component, scale);
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

  /** {@code color} (with its alpha) composited over the opaque {@code background}. */
  public static Color over(Color color, Color background) {
    return blend(background, color, color.getAlpha() / 255.0);
  }

  /** The pixel at the centre of user-space {@code box} in an image painted at {@code scale}. */
  public static Color centre(BufferedImage image, Rectangle box, double scale) {
    return at(image, box.x + box.width / 2.0, box.y + box.height / 2.0, scale);
  }

  /** The pixel at user-space ({@code x}, {@code y}) in an image painted at {@code scale}. */
  public static Color at(BufferedImage image, double x, double y, double scale) {
    return at(image, (int) Math.floor(x * scale), (int) Math.floor(y * scale));
  }

  /** Asserts that two colours differ by at most {@link #TOLERANCE} per channel. */
  public static void assertColor(Color expected, Color actual, String what) {
    if (!close(expected, actual)) {
      fail(what + ": expected " + hex(expected) + " but was " + hex(actual));
    }
  }

  /** Whether two colours differ by at most {@link #TOLERANCE} per channel. */
  public static boolean close(Color a, Color b) {
    return distance(a, b) <= TOLERANCE;
  }

  /** Number of pixels inside user-space {@code box} that differ from {@code color}. */
  public static int countOther(BufferedImage image, Rectangle box, double scale, Color color) {
    int count = 0;
    for (int y = (int) (box.y * scale); y < (int) ((box.y + box.height) * scale); y++) {
      for (int x = (int) (box.x * scale); x < (int) ((box.x + box.width) * scale); x++) {
        if (!close(color, at(image, x, y))) {
          count++;
        }
      }
    }
    return count;
  }

  /** A colour as {@code #rrggbb}. */
  public static String hex(Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }
}
