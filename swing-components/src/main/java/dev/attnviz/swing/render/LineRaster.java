package dev.attnviz.swing.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Antialiased straight lines of one colour, rasterised in Java into a device-resolution layer and
 * drawn with one image copy, for the many long lines of a token-columns picture: stroking each line
 * through Java2D's antialiasing pipeline costs per line and per pixel of length (a few hundred
 * lines across a 512-token detail pane took 10-20 ms, three quarters of a model view's selection
 * repaint), here 2-5 ms.
 *
 * <p>Each pixel keeps the fraction of the background that still shows through; a line of opacity
 * {@code a} covering a fraction {@code f} of a pixel multiplies it by {@code 1 - a f}, which is
 * exactly source-over of antialiased lines of one colour drawn one after another. A line is drawn
 * one device pixel column at a time (one row at a time where it is steep): the run its thickness
 * covers there (widened by its slope), each pixel taking the part of it that it holds, as {@link
 * LineDensityImages} draws thumbnails.
 *
 * <p>Only for targets whose transform is a scale plus translation (see {@link #over}); the caller
 * strokes otherwise (export, rotation). Use on one thread.
 */
final class LineRaster {

  private final AffineTransform transform;
  private final int left;
  private final int top;
  private final int width;
  private final int height;
  private final float[] clear;

  private LineRaster(AffineTransform transform, int left, int top, int width, int height) {
    this.transform = transform;
    this.left = left;
    this.top = top;
    this.width = width;
    this.height = height;
    this.clear = new float[width * height];
    Arrays.fill(clear, 1f);
  }

  /**
   * A transparent layer over {@code area} (user space) of {@code g}, at device resolution; null if
   * {@code g} rotates or shears, draws into a vector format (strokes stay lines there), or the area
   * is empty.
   */
  static LineRaster over(Graphics2D g, Rectangle2D area) {
    if (!HiDpi.drawsPixels(g) || !HiDpi.isAxisAligned(g) || area.isEmpty()) {
      return null;
    }
    AffineTransform t = g.getTransform();
    Rectangle2D device = t.createTransformedShape(area).getBounds2D();
    int x0 = (int) Math.floor(device.getMinX());
    int y0 = (int) Math.floor(device.getMinY());
    int x1 = (int) Math.ceil(device.getMaxX());
    int y1 = (int) Math.ceil(device.getMaxY());
    if (x1 <= x0 || y1 <= y0) {
      return null;
    }
    return new LineRaster(t, x0, y0, x1 - x0, y1 - y0);
  }

  /**
   * Adds a line from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}), user space, {@code x0 <
   * x1}, with butt ends.
   *
   * @param lineWidth thickness in user-space pixels
   * @param alpha opacity, 0 to 1
   */
  void line(double x0, double y0, double x1, double y1, double lineWidth, float alpha) {
    double sx = transform.getScaleX();
    double sy = transform.getScaleY();
    double dx0 = transform.getTranslateX() + x0 * sx - left;
    double dx1 = transform.getTranslateX() + x1 * sx - left;
    double dy0 = transform.getTranslateY() + y0 * sy - top;
    double dy1 = transform.getTranslateY() + y1 * sy - top;
    addLine(clear, width, height, dx0, dy0, dx1, dy1, lineWidth * Math.sqrt(sx * sy), alpha);
  }

  /**
   * Adds a line from ({@code x0}, {@code y0}) to ({@code x1}, {@code y1}), {@code x0 < x1}, in
   * pixels of a {@code width} × {@code height} layer of transparencies ({@code clear},
   * column-major: {@code height} per column), with butt ends.
   *
   * @param thickness the line's thickness, in pixels
   * @param alpha its opacity, 0 to 1
   */
  static void addLine(
      float[] clear,
      int width,
      int height,
      double x0,
      double y0,
      double x1,
      double y1,
      double thickness,
      float alpha) {
    if (Math.abs(y1 - y0) <= x1 - x0) {
      // Shallow: one run per pixel column, across the rows (stride 1 in the column-major layer).
      sweep(clear, x0, y0, x1, y1, thickness, alpha, width, height, height, 1);
    } else if (y0 < y1) {
      // Steep: one run per pixel row, across the columns (stride height), so that the line's
      // edges are antialiased along its length instead of stepping from one column to the next.
      sweep(clear, y0, x0, y1, x1, thickness, alpha, height, width, 1, height);
    } else {
      sweep(clear, y1, x1, y0, x0, thickness, alpha, height, width, 1, height);
    }
  }

  /**
   * Draws a line from (a0, b0) to (a1, b1), {@code a0 < a1}, as one run along b per whole step of
   * a: its thickness measured along b, each pixel taking the part of the run it holds, the first
   * and last steps the part of the line's length they hold. Pixel (a, b) is {@code a * aStride + b
   * * bStride}.
   */
  private static void sweep(
      float[] clear,
      double a0,
      double b0,
      double a1,
      double b1,
      double thickness,
      float alpha,
      int aSize,
      int bSize,
      int aStride,
      int bStride) {
    double slope = (b1 - b0) / (a1 - a0);
    float half = (float) (0.5 * thickness * Math.sqrt(1 + slope * slope));
    int from = Math.max(0, (int) Math.floor(a0));
    int to = Math.min(aSize, (int) Math.ceil(a1));
    for (int a = from; a < to; a++) {
      // Whole steps inside the line have their centre and all of their length; the ends less.
      boolean end = a < a0 || a + 1 > a1;
      double center = end ? Math.min(a1, Math.max(a0, a + 0.5)) : a + 0.5;
      float along = end ? (float) (Math.min(a + 1, a1) - Math.max(a, a0)) : 1f;
      float b = (float) (b0 + (center - a0) * slope);
      float runStart = Math.max(0f, b - half);
      float runEnd = Math.min(bSize, b + half);
      if (runEnd > runStart) {
        run(clear, a * aStride, bStride, runStart, runEnd, alpha * along);
      }
    }
  }

  /**
   * Covers pixels {@code start} to {@code end} along b (fractions at both ends) with {@code ink}.
   */
  private static void run(
      float[] clear, int offset, int stride, float start, float end, float ink) {
    int first = (int) start;
    int last = Math.min((int) end, (int) Math.ceil(end) - 1);
    if (first >= last) {
      clear[offset + first * stride] *= 1f - ink * (end - start);
      return;
    }
    clear[offset + first * stride] *= 1f - ink * (first + 1 - start);
    float whole = 1f - ink;
    for (int p = first + 1; p < last; p++) {
      clear[offset + p * stride] *= whole;
    }
    clear[offset + last * stride] *= 1f - ink * (end - last);
  }

  /** Draws the lines added so far into {@code g} in {@code color}, pixel for pixel. */
  void paint(Graphics2D g, Color color) {
    // Premultiplied: the format Java2D blends from without converting each pixel first.
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] premultiplied = new int[256];
    for (int a = 1; a < 256; a++) {
      premultiplied[a] =
          a << 24
              | (color.getRed() * a + 127) / 255 << 16
              | (color.getGreen() * a + 127) / 255 << 8
              | (color.getBlue() * a + 127) / 255;
    }
    for (int px = 0; px < width; px++) {
      int column = px * height;
      for (int py = 0; py < height; py++) {
        float c = clear[column + py];
        if (c < 1f) {
          pixels[py * width + px] = premultiplied[(int) (255f * (1f - c) + 0.5f)];
        }
      }
    }
    Graphics2D device = (Graphics2D) g.create();
    try {
      device.setTransform(new AffineTransform());
      device.drawImage(image, left, top, null);
    } finally {
      device.dispose();
    }
  }
}
