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
    HEATMAP
  }

  /**
   * Space, in user-space pixels, between the thumbnail's frame and what it draws, so that the first
   * and last tokens (e.g. [CLS] and [SEP], where much of BERT's attention goes) are never hidden
   * under the frame.
   */
  public static final int INSET = 2;

  /**
   * Contrast of heatmap thumbnails: weights are drawn at {@code weight^HEATMAP_GAMMA} of the full
   * colour, so that the many weights around 1/n of a long input stay visible (the legend shows the
   * mapping).
   */
  public static final double HEATMAP_GAMMA = 0.5;

  /** The cross over a head whose values are invalid: red on light and dark themes alike. */
  static final Color INVALID = new Color(0xD32F2F);

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
   *
   * @param rows the number of query tokens
   * @param columns the number of key tokens
   * @param lineLimit the most tokens a side drawn as lines
   * @return lines or heatmap
   */
  public static Style styleFor(int rows, int columns, int lineLimit) {
    return Math.max(rows, columns) <= lineLimit ? Style.LINES : Style.HEATMAP;
  }

  /**
   * Paints the head into {@code cell} (user space of {@code g}); vector output for lines, an image
   * at {@code deviceScale} for a heatmap.
   *
   * @param g the graphics to paint into
   * @param cell the thumbnail's box, in user space
   * @param shown the shown attention
   * @param layer the layer, 0-based
   * @param head the head, 0-based
   * @param color the head's colour
   * @param style lines or heatmap
   * @param deviceScale device pixels per user-space pixel, e.g. 2 on a HiDPI screen
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
    if (shown.attention().problem(layer, head).isPresent()) {
      paintInvalid(g, cell.x, cell.y, cell.width, cell.height);
      return;
    }
    if (style == Style.HEATMAP) {
      BufferedImage image =
          heatmap(
              shown,
              layer,
              head,
              color,
              HiDpi.devicePixels(cell.width, deviceScale),
              HiDpi.devicePixels(cell.height, deviceScale),
              deviceScale);
      g.drawImage(image, cell.x, cell.y, cell.width, cell.height, null);
      return;
    }
    paintLines(g, cell, shown, layer, head, color);
  }

  /**
   * Line thickness, in user-space pixels, for a head of {@code tokens} tokens a side: about 2 px
   * for short inputs (as the reference tool draws them), thinning to 1 px as lines crowd.
   *
   * @param tokens the tokens a side
   * @return the line width, 1 to 2 pixels
   */
  public static double lineWidth(int tokens) {
    if (tokens <= 16) {
      return 2.0;
    }
    return tokens <= 40 ? 1.5 : 1.0;
  }

  /**
   * Renders the thumbnail into a new opaque image of {@code width × height} device pixels: lines as
   * a density image ({@link LineDensityImages}, the same picture as stroking each line, at a cost
   * bounded by the image size), or a heatmap.
   *
   * @param shown the shown attention
   * @param layer the layer, 0-based
   * @param head the head, 0-based
   * @param color the head's colour
   * @param style lines or heatmap
   * @param width image width, in device pixels
   * @param height image height, in device pixels
   * @param deviceScale device pixels per user-space pixel
   * @return a new image
   */
  public BufferedImage render(
      ShownAttention shown,
      int layer,
      int head,
      Color color,
      Style style,
      int width,
      int height,
      double deviceScale) {
    int rows = shown.rowCount();
    int columns = shown.columnCount();
    if (shown.attention().problem(layer, head).isPresent()) {
      BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      try {
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        paintInvalid(g, 0, 0, width, height);
      } finally {
        g.dispose();
      }
      return image;
    }
    if (style == Style.HEATMAP && rows > 0 && columns > 0) {
      return heatmap(shown, layer, head, color, width, height, deviceScale);
    }
    int[] offsets = new int[rows];
    for (int r = 0; r < rows; r++) {
      offsets[r] = shown.queryIndex(r) * shown.keyStride() + shown.firstKey();
    }
    return LineDensityImages.render(
        shown.matrix(layer, head),
        offsets,
        columns,
        minAlpha,
        new LineDensityImages.Geometry(
            width, height, INSET * deviceScale, lineWidth(Math.max(rows, columns)) * deviceScale),
        new HeatColorScale(background, color));
  }

  /**
   * The thumbnail drawn the old way, by stroking every line into an image: kept for the benchmark
   * that compares it with {@link #render}, and for tests that the two pictures agree.
   *
   * @param shown the shown attention
   * @param layer the layer, 0-based
   * @param head the head, 0-based
   * @param color the head's colour
   * @param width image width, in pixels
   * @param height image height, in pixels
   * @return a new image
   */
  public BufferedImage renderStroked(
      ShownAttention shown, int layer, int head, Color color, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      if (shown.rowCount() > 0 && shown.columnCount() > 0) {
        paintLines(g, new Rectangle(0, 0, width, height), shown, layer, head, color);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Marks a head whose values are invalid ({@link dev.attnviz.core.Attention#problem}, found when a
   * large dump's head is first looked at) with a red cross instead of drawing a wrong picture; the
   * cell's tooltip says what is wrong.
   */
  private static void paintInvalid(Graphics2D g, int x, int y, int width, int height) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(INVALID);
    g.setStroke(new BasicStroke(Math.max(1.5f, Math.min(width, height) / 16f)));
    int inset = Math.min(width, height) / 5;
    g.drawLine(x + inset, y + inset, x + width - inset, y + height - inset);
    g.drawLine(x + inset, y + height - inset, x + width - inset, y + inset);
  }

  /**
   * The heat scale of heatmap thumbnails, from {@code background} to {@code color}.
   *
   * @param background the view's background, weight 0
   * @param color the full-weight colour
   * @return the scale
   */
  public static HeatColorScale heatmapScale(Color background, Color color) {
    return new HeatColorScale(background, color, HEATMAP_GAMMA);
  }

  /** A heatmap image inset by {@link #INSET} on every side, the frame's inside left background. */
  private BufferedImage heatmap(
      ShownAttention shown,
      int layer,
      int head,
      Color color,
      int width,
      int height,
      double deviceScale) {
    int inset = Math.min(HiDpi.devicePixels(INSET, deviceScale), (Math.min(width, height) - 1) / 2);
    BufferedImage inner =
        shown.readMatrix(
            layer,
            head,
            matrix ->
                HeatmapImages.render(
                    matrix,
                    shown.keyStride(),
                    shown.firstQuery(),
                    shown.firstKey(),
                    shown.rowCount(),
                    shown.columnCount(),
                    width - 2 * inset,
                    height - 2 * inset,
                    heatmapScale(background, color)));
    if (inset == 0) {
      return inner;
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      g.drawImage(inner, inset, inset, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void paintLines(
      Graphics2D g, Rectangle cell, ShownAttention shown, int layer, int head, Color color) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setStroke(
        new BasicStroke((float) lineWidth(Math.max(shown.rowCount(), shown.columnCount()))));
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
