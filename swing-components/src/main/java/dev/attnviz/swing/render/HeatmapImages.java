package dev.attnviz.swing.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.FloatBuffer;

/**
 * Renders a block of an attention matrix into an image of any size, for heatmap thumbnails. When
 * the image has fewer pixels than the matrix has cells, each pixel shows the largest weight of the
 * cells it covers, so that a single strong weight never disappears (a mean would wash it out).
 * Thread-safe: touches only its arguments.
 */
public final class HeatmapImages {

  private HeatmapImages() {}

  /**
   * Returns an opaque {@code width × height} image of the matrix block {@code [rowStart, rowStart +
   * rows) × [columnStart, columnStart + columns)}.
   *
   * @param matrix row-major values, {@code stride} per row
   * @throws IllegalArgumentException if a size is not positive
   */
  public static BufferedImage render(
      FloatBuffer matrix,
      int stride,
      int rowStart,
      int columnStart,
      int rows,
      int columns,
      int width,
      int height,
      HeatColorScale scale) {
    if (rows < 1 || columns < 1 || width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "cannot render " + rows + " x " + columns + " cells into " + width + " x " + height);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] columnFrom = bins(columns, width);
    float[] columnMax = new float[columns];
    float[] row = new float[columns];
    for (int py = 0; py < height; py++) {
      int r0 = (int) ((long) py * rows / height);
      int r1 = Math.max(r0 + 1, (int) ((long) (py + 1) * rows / height));
      java.util.Arrays.fill(columnMax, 0f);
      for (int r = r0; r < r1; r++) {
        // One bulk copy per row, then Math.max, which the JIT vectorises (a compare and branch
        // per weight, mispredicted on real attention, was most of a 1,024-token model view).
        matrix.get((rowStart + r) * stride + columnStart, row);
        for (int c = 0; c < columns; c++) {
          columnMax[c] = Math.max(columnMax[c], row[c]);
        }
      }
      int offset = py * width;
      for (int px = 0; px < width; px++) {
        int c0 = columnFrom[px];
        int c1 = Math.max(c0 + 1, columnFrom[px + 1]);
        float max = 0f;
        for (int c = c0; c < c1; c++) {
          max = Math.max(max, columnMax[c]);
        }
        pixels[offset + px] = scale.rgb(max);
      }
    }
    return image;
  }

  /** For each of {@code pixels} pixels the first cell it covers; entry {@code pixels} = cells. */
  private static int[] bins(int cells, int pixels) {
    int[] from = new int[pixels + 1];
    for (int p = 0; p <= pixels; p++) {
      from[p] = Math.min(cells - 1, (int) ((long) p * cells / pixels));
    }
    from[pixels] = cells;
    return from;
  }
}
