package dev.attnviz.swing.render;

import java.awt.Graphics2D;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;

/**
 * Device-scale helpers, in one place: how many device pixels a user-space pixel covers, and drawing
 * cached device-resolution images so that one image pixel lands on one device pixel.
 */
public final class HiDpi {

  private HiDpi() {}

  /**
   * The device scale of {@code g}: 1 on a plain screen or image, 2 on a 200% HiDPI screen or under
   * {@code g.scale(2, 2)}. Taken from the transform's larger axis, at least a tiny positive value.
   *
   * @param g the graphics
   * @return device pixels per user-space pixel, positive
   */
  public static double scale(Graphics2D g) {
    AffineTransform t = g.getTransform();
    double sx = Math.hypot(t.getScaleX(), t.getShearY());
    double sy = Math.hypot(t.getShearX(), t.getScaleY());
    return Math.max(1e-3, Math.max(sx, sy));
  }

  /**
   * Whether {@code g}'s transform is a plain scale plus translation (no rotation or shear).
   *
   * @param g the graphics
   * @return true if the transform neither rotates nor shears
   */
  public static boolean isAxisAligned(Graphics2D g) {
    AffineTransform t = g.getTransform();
    return t.getShearX() == 0 && t.getShearY() == 0 && t.getScaleX() > 0 && t.getScaleY() > 0;
  }

  /**
   * Whether whole user-space pixels land on whole device pixels under {@code g}'s transform: no
   * rotation or shear, whole-number scales and translation. Then a rectangle at whole coordinates
   * covers whole device pixels, and filling it antialiased gives exactly the pixels of an aliased
   * fill (no partly covered edge), only through Java2D's much faster antialiased pipeline for
   * translucent colours.
   *
   * @param g the graphics to paint into
   * @return true if integer rectangles stay on the device's pixel grid
   */
  public static boolean onWholePixels(Graphics2D g) {
    AffineTransform t = g.getTransform();
    return t.getShearX() == 0
        && t.getShearY() == 0
        && isWhole(t.getScaleX())
        && isWhole(t.getScaleY())
        && isWhole(t.getTranslateX())
        && isWhole(t.getTranslateY());
  }

  /**
   * Sets {@code g} up for crisp fills of rectangles at whole coordinates: antialiasing on where
   * {@code g} draws pixels and {@link #onWholePixels} holds (same pixels, many times faster for
   * translucent colours: aliased translucent fills go through a slow general pipeline that builds a
   * raster per rectangle), off otherwise, so that cells never blur at fractional scales.
   *
   * @param g the graphics whose antialiasing hint is set
   */
  public static void crispCells(Graphics2D g) {
    g.setRenderingHint(
        RenderingHints.KEY_ANTIALIASING,
        drawsPixels(g) && onWholePixels(g)
            ? RenderingHints.VALUE_ANTIALIAS_ON
            : RenderingHints.VALUE_ANTIALIAS_OFF);
  }

  /**
   * Whether {@code g} draws into pixels (an image or a screen), not into a vector format: an SVG
   * generator has no device configuration and would write the hint into the file (antialiased cells
   * would lose their crisp edges in the SVG viewer), a printer draws at its own resolution.
   */
  static boolean drawsPixels(Graphics2D g) {
    GraphicsConfiguration configuration = g.getDeviceConfiguration();
    return configuration != null
        && configuration.getDevice().getType() != GraphicsDevice.TYPE_PRINTER;
  }

  private static boolean isWhole(double value) {
    return value == Math.rint(value);
  }

  /**
   * The size in device pixels of {@code userSize} user-space pixels at {@code scale}.
   *
   * @param userSize a size in user-space pixels
   * @param scale device pixels per user-space pixel
   * @return the size in device pixels, at least 1
   */
  public static int devicePixels(int userSize, double scale) {
    return Math.max(1, (int) Math.ceil(userSize * scale - 1e-9));
  }

  /**
   * Draws {@code image}, made at device resolution for {@code bounds} (user space), so that its
   * pixels map one to one onto device pixels when the transform allows it; otherwise scales it into
   * {@code bounds}.
   *
   * @param g the graphics
   * @param image the image, in device pixels
   * @param bounds where it goes, in user space
   */
  public static void drawDeviceImage(Graphics2D g, Image image, Rectangle bounds) {
    if (!isAxisAligned(g)) {
      g.drawImage(image, bounds.x, bounds.y, bounds.width, bounds.height, null);
      return;
    }
    AffineTransform t = g.getTransform();
    double dx = t.getTranslateX() + bounds.x * t.getScaleX();
    double dy = t.getTranslateY() + bounds.y * t.getScaleY();
    Graphics2D device = (Graphics2D) g.create();
    try {
      device.setTransform(new AffineTransform());
      device.drawImage(image, (int) Math.round(dx), (int) Math.round(dy), null);
    } finally {
      device.dispose();
    }
  }
}
