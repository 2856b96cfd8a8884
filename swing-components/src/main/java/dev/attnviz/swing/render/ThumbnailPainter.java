package dev.attnviz.swing.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Paints one head as a model-view thumbnail, without token labels: either lines from each query row
 * (left edge) to each key row (right edge) with opacity = weight, or, when there are too many
 * tokens for lines to be readable, a heatmap of the matrix (level of detail). Thread-safe: the
 * thumbnail cache calls it from worker threads.
 */
public final class ThumbnailPainter {

  /** How a thumbnail draws its head. */
  public enum Style {
    /** One line per (query, key) pair. */
    LINES,
    /** One cell per (query, key) pair, downsampled to the thumbnail's pixels. */
    MATRIX
  }

  private static final int INSET = 2;

  private final Color background;
  private final float minAlpha;

  /**
   * A painter.
   *
   * @param background thumbnail background
   * @param minAlpha line opacity below which lines are culled
   */
  public ThumbnailPainter(Color background, float minAlpha) {
    this.background = Objects.requireNonNull(background, "background");
    this.minAlpha = minAlpha;
  }

  /**
   * The style for a matrix of {@code rows × columns}: lines while both are at most {@code
   * lineLimit} tokens, a heatmap beyond.
   */
  public static Style styleFor(int rows, int columns, int lineLimit) {
    return Math.max(rows, columns) <= lineLimit ? Style.LINES : Style.MATRIX;
  }

  /**
   * Paints the head into {@code cell} (user space of {@code g}); vector output for lines, an image
   * at {@code deviceScale} for a heatmap.
   */
  public void paint(
      Graphics2D g,
      Rectangle cell,
      ShownAttention shown,
      int layer,
      int head,
      Color color,
      Style style,
      double deviceScale) {
    if (shown.rowCount() == 0 || shown.columnCount() == 0) {
      return;
    }
    if (style == Style.MATRIX) {
      BufferedImage image =
          heatmap(
              shown,
              layer,
              head,
              color,
              HiDpi.devicePixels(cell.width, deviceScale),
              HiDpi.devicePixels(cell.height, deviceScale));
      g.drawImage(image, cell.x, cell.y, cell.width, cell.height, null);
      return;
    }
    paintLines(g, cell, shown, layer, head, color);
  }

  /** Renders the thumbnail into a new opaque image of {@code width × height} device pixels. */
  public BufferedImage render(
      ShownAttention shown,
      int layer,
      int head,
      Color color,
      Style style,
      int width,
      int height,
      double deviceScale) {
    if (style == Style.MATRIX && shown.rowCount() > 0 && shown.columnCount() > 0) {
      return heatmap(shown, layer, head, color, width, height);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      g.scale(deviceScale, deviceScale);
      Rectangle cell =
          new Rectangle(
              0, 0, (int) Math.round(width / deviceScale), (int) Math.round(height / deviceScale));
      if (shown.rowCount() > 0 && shown.columnCount() > 0) {
        paintLines(g, cell, shown, layer, head, color);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private BufferedImage heatmap(
      ShownAttention shown, int layer, int head, Color color, int width, int height) {
    return HeatmapImages.render(
        shown.matrix(layer, head),
        shown.keyStride(),
        shown.firstQuery(),
        shown.firstKey(),
        shown.rowCount(),
        shown.columnCount(),
        width,
        height,
        new HeatColorScale(background, color));
  }

  private void paintLines(
      Graphics2D g, Rectangle cell, ShownAttention shown, int layer, int head, Color color) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setStroke(new BasicStroke(1f));
    Color[] alphas = TokenColumnsPainter.alphaTable(color);
    FloatBuffer matrix = shown.matrix(layer, head);
    int rows = shown.rowCount();
    int columns = shown.columnCount();
    int stride = shown.keyStride();
    double x0 = cell.x + INSET;
    double x1 = cell.getMaxX() - INSET;
    double rowPitch = (cell.height - 2.0 * INSET) / rows;
    double columnPitch = (cell.height - 2.0 * INSET) / columns;
    double top = cell.y + INSET;
    Line2D.Float line = new Line2D.Float();
    for (int r = 0; r < rows; r++) {
      double y0 = top + (r + 0.5) * rowPitch;
      int base = shown.queryIndex(r) * stride + shown.firstKey();
      for (int c = 0; c < columns; c++) {
        float alpha = matrix.get(base + c);
        if (alpha < minAlpha) {
          continue;
        }
        g.setColor(alphas[HeatColorScale.step(alpha)]);
        line.setLine(x0, y0, x1, top + (c + 0.5) * columnPitch);
        g.draw(line);
      }
    }
  }
}
