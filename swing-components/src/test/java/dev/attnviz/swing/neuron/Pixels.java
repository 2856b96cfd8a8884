package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/** Paints components into images and checks colours at known places. */
final class Pixels {

  /** Allowed difference per channel: Java2D's compositing rounds alpha blends slightly. */
  static final int TOLERANCE = 2;

  private Pixels() {}

  /** Paints {@code component} at its preferred size, scaled by {@code scale}, into a new image. */
  static BufferedImage paint(JComponent component, double scale) {
    Dimension size = component.getPreferredSize();
    component.setSize(size);
    BufferedImage image =
        new BufferedImage(
            (int) Math.ceil(size.width * scale),
            (int) Math.ceil(size.height * scale),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(scale, scale);
      component.paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** {@code color} (with its alpha) composited over the opaque {@code background}. */
  static Color over(Color color, Color background) {
    double a = color.getAlpha() / 255.0;
    return new Color(
        (int) Math.round(color.getRed() * a + background.getRed() * (1 - a)),
        (int) Math.round(color.getGreen() * a + background.getGreen() * (1 - a)),
        (int) Math.round(color.getBlue() * a + background.getBlue() * (1 - a)));
  }

  /** The pixel at the centre of user-space {@code box} in an image painted at {@code scale}. */
  static Color centre(BufferedImage image, Rectangle box, double scale) {
    return at(image, box.x + box.width / 2.0, box.y + box.height / 2.0, scale);
  }

  /** The pixel at user-space {@code (x, y)} in an image painted at {@code scale}. */
  static Color at(BufferedImage image, double x, double y, double scale) {
    return new Color(image.getRGB((int) Math.floor(x * scale), (int) Math.floor(y * scale)));
  }

  /** Asserts that two colours differ by at most {@link #TOLERANCE} per channel. */
  static void assertColor(Color expected, Color actual, String what) {
    assertTrue(
        close(expected, actual),
        () -> what + ": expected " + hex(expected) + " but was " + hex(actual));
  }

  /** Whether two colours differ by at most {@link #TOLERANCE} per channel. */
  static boolean close(Color a, Color b) {
    return Math.abs(a.getRed() - b.getRed()) <= TOLERANCE
        && Math.abs(a.getGreen() - b.getGreen()) <= TOLERANCE
        && Math.abs(a.getBlue() - b.getBlue()) <= TOLERANCE;
  }

  /** Number of pixels inside user-space {@code box} that differ from {@code color}. */
  static int countOther(BufferedImage image, Rectangle box, double scale, Color color) {
    int count = 0;
    for (int y = (int) (box.y * scale); y < (int) ((box.y + box.height) * scale); y++) {
      for (int x = (int) (box.x * scale); x < (int) ((box.x + box.width) * scale); x++) {
        if (!close(color, new Color(image.getRGB(x, y)))) {
          count++;
        }
      }
    }
    return count;
  }

  static String hex(Color color) {
    return String.format("#%06X", color.getRGB() & 0xFFFFFF);
  }
}
