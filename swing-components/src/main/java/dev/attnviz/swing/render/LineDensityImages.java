package dev.attnviz.swing.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Rasterises a head's lines (query rows on the left edge, key rows on the right, opacity = weight)
 * straight into an image, as a density: what stroking every line with source-over would give, at a
 * cost bounded by the image's size instead of the number of lines. Stroking 144 heads of 64 × 64
 * lines took close to a second; here each (left pixel row, right pixel row) pair is one line whose
 * opacity combines those of the token pairs that land on it ({@code 1 - Π(1 - w)}, exactly what
 * source-over gives for lines of one colour on top of each other), and every line is drawn into a
 * buffer of transparencies by {@link LineRaster#addLine}. Tokens keep their exact sub-pixel
 * positions while there are no more of them than pixel rows; beyond that they share the pixel row
 * they fall in. Thread-safe: touches only its arguments.
 */
final class LineDensityImages {

  /** Lines fainter than this (after combining) leave no visible trace and are skipped. */
  private static final float INVISIBLE = 0.5f / 255f;

  private LineDensityImages() {}

  /**
   * The geometry of one thumbnail, in device pixels.
   *
   * @param width image width
   * @param height image height
   * @param inset space kept free at every edge, so that the first and last rows stay inside
   * @param lineWidth line thickness (across the line)
   */
  public record Geometry(int width, int height, double inset, double lineWidth) {
    /** Checks the sizes. */
    public Geometry {
      if (width < 1 || height < 1 || lineWidth <= 0 || inset < 0) {
        throw new IllegalArgumentException(
            "invalid line image " + width + " x " + height + ", line width " + lineWidth);
      }
    }
  }

  /**
   * Renders the lines of a matrix block into an opaque image.
   *
   * @param matrix row-major weights, {@code stride} per row
   * @param rowOffsets for each shown row, the index in {@code matrix} of its first shown column
   * @param columns shown columns (contiguous from each row offset)
   * @param minAlpha single weights below this are culled, like stroked lines
   * @param scale the colours: background for 0, the line colour for full opacity
   */
  public static BufferedImage render(
      FloatBuffer matrix,
      int[] rowOffsets,
      int columns,
      float minAlpha,
      Geometry geometry,
      HeatColorScale scale) {
    int width = geometry.width();
    int height = geometry.height();
    // What still shows of the background per pixel, column by column (see LineRaster).
    float[] clear = new float[width * height];
    Arrays.fill(clear, 1f);
    int rows = rowOffsets.length;
    if (rows > 0 && columns > 0) {
      double span = height - 2 * geometry.inset();
      Bins left = Bins.of(rows, geometry.inset(), span);
      Bins right = Bins.of(columns, geometry.inset(), span);
      float[] pairs = pairTransparencies(matrix, rowOffsets, columns, minAlpha, left, right);
      drawPairs(pairs, left, right, geometry, clear);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    colour(
        clear, width, height, scale, ((DataBufferInt) image.getRaster().getDataBuffer()).getData());
    return image;
  }

  // The three passes are methods of their own, each compiled as a whole after a few calls: as
  // loops of one large method, C2 compiled them through on-stack replacement, and one JVM in
  // three or so kept code that took twice as long (docs/PERFORMANCE.md, "Line thumbnails have two
  // speeds").

  /**
   * What shows of the background through the token pairs that land on each (left bin, right bin)
   * pair: {@code Π(1 - w)}, 1 where none does.
   */
  private static float[] pairTransparencies(
      FloatBuffer matrix, int[] rowOffsets, int columns, float minAlpha, Bins left, Bins right) {
    float[] pairs = new float[left.count() * right.count()];
    Arrays.fill(pairs, 1f);
    int[] rightBin = right.bin;
    for (int r = 0; r < rowOffsets.length; r++) {
      int pairRow = left.bin[r] * right.count();
      int base = rowOffsets[r];
      for (int c = 0; c < columns; c++) {
        float w = matrix.get(base + c);
        if (w >= minAlpha) {
          int at = pairRow + rightBin[c];
          pairs[at] *= 1f - Math.min(1f, w);
        }
      }
    }
    return pairs;
  }

  /** Draws the line of every bin pair that shows into {@code clear}. */
  private static void drawPairs(
      float[] pairs, Bins left, Bins right, Geometry geometry, float[] clear) {
    int width = geometry.width();
    int height = geometry.height();
    double x0 = geometry.inset();
    double x1 = width - geometry.inset();
    double lineWidth = geometry.lineWidth();
    int count = right.count();
    for (int a = 0; a < left.count(); a++) {
      for (int b = 0; b < count; b++) {
        float opacity = 1f - pairs[a * count + b];
        if (opacity >= INVISIBLE) {
          LineRaster.addLine(
              clear, width, height, x0, left.y[a], x1, right.y[b], lineWidth, opacity);
        }
      }
    }
  }

  /** Writes the colour of each pixel's covered share ({@code 1 - clear}) into {@code pixels}. */
  private static void colour(
      float[] clear, int width, int height, HeatColorScale scale, int[] pixels) {
    for (int px = 0; px < width; px++) {
      for (int py = 0; py < height; py++) {
        pixels[py * width + px] = scale.rgb(1f - clear[px * height + py]);
      }
    }
  }

  /**
   * Where the tokens of one side sit: one bin per token, at its exact centre, while they fit one
   * per pixel row; otherwise one bin per pixel row, at the row's centre.
   */
  private record Bins(int[] bin, double[] y) {
    static Bins of(int tokens, double top, double span) {
      double pitch = span / tokens;
      int[] bin = new int[tokens];
      if (pitch >= 1) {
        double[] y = new double[tokens];
        for (int t = 0; t < tokens; t++) {
          bin[t] = t;
          y[t] = top + (t + 0.5) * pitch;
        }
        return new Bins(bin, y);
      }
      int pixels = Math.max(1, (int) Math.floor(span));
      double[] y = new double[pixels];
      for (int p = 0; p < pixels; p++) {
        y[p] = top + (p + 0.5) * span / pixels;
      }
      for (int t = 0; t < tokens; t++) {
        bin[t] = Math.min(pixels - 1, (int) ((t + 0.5) * pitch * pixels / span));
      }
      return new Bins(bin, y);
    }

    int count() {
      return y.length;
    }
  }
}
