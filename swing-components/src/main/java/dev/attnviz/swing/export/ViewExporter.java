package dev.attnviz.swing.export;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Writes what a view shows to PNG (any scale), SVG (vector) or CSV (the shown matrix).
 *
 * <p>SVG goes through Apache Batik's SVG generator ({@code org.apache.xmlgraphics:batik-svggen}),
 * loaded only when SVG is asked for: PNG and CSV export need no SVG library, and an application
 * that excludes Batik gets a clear {@link IllegalStateException} from the SVG methods alone.
 */
public final class ViewExporter {

  /** The largest PNG side, in pixels, that export will allocate. */
  public static final int MAX_PNG_SIDE = 32_000;

  private ViewExporter() {}

  /**
   * Paints the view on white into a new image at {@code scale} device pixels per user-space pixel.
   *
   * @param view the view to paint
   * @param scale device pixels per user-space pixel
   * @return a new ARGB image
   * @throws IllegalArgumentException if the scale is not positive or the image would be larger than
   *     {@link #MAX_PNG_SIDE} on a side
   */
  public static BufferedImage toImage(ExportableView view, double scale) {
    return toImage(view, scale, ExportBackground.WHITE);
  }

  /**
   * Paints the view on {@code background} into a new image at {@code scale} device pixels per
   * user-space pixel.
   *
   * @param view the view to paint
   * @param scale device pixels per user-space pixel
   * @param background what the picture is drawn on
   * @return a new ARGB image, with alpha 0 around the drawing for {@link
   *     ExportBackground#TRANSPARENT}
   * @throws IllegalArgumentException if the scale is not positive or the image would be larger than
   *     {@link #MAX_PNG_SIDE} on a side
   */
  public static BufferedImage toImage(
      ExportableView view, double scale, ExportBackground background) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(background, "background");
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("scale must be a positive number, got " + scale);
    }
    Dimension size = view.exportSize();
    int width = (int) Math.ceil(Math.max(1, size.width) * scale);
    int height = (int) Math.ceil(Math.max(1, size.height) * scale);
    if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
      throw new IllegalArgumentException(
          "a "
              + width
              + " x "
              + height
              + " image is too large; choose a scale below "
              + String.format("%.2f", scale * MAX_PNG_SIDE / Math.max(width, height)));
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.scale(scale, scale);
      view.paintExport(g, background);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Writes the view on white as a PNG at {@code scale}.
   *
   * @param view the view to paint
   * @param scale device pixels per user-space pixel
   * @param out the file to write
   * @throws IOException if the file cannot be written
   */
  public static void writePng(ExportableView view, double scale, Path out) throws IOException {
    writePng(view, scale, ExportBackground.WHITE, out);
  }

  /**
   * Writes the view on {@code background} as a PNG at {@code scale}.
   *
   * @param view the view to paint
   * @param scale device pixels per user-space pixel
   * @param background what the picture is drawn on
   * @param out the file to write
   * @throws IOException if the file cannot be written
   */
  public static void writePng(
      ExportableView view, double scale, ExportBackground background, Path out) throws IOException {
    BufferedImage image = toImage(view, scale, background);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", png)) {
      throw new IOException("no PNG writer is available in this Java runtime");
    }
    write(out, png.toByteArray());
  }

  /**
   * Returns the view as an SVG document: shapes as vectors, text as text (right-aligned and centred
   * labels anchored so that they stay aligned in any viewer's font), any token legal XML.
   *
   * <p>The picture is drawn on white.
   *
   * @param view the view to draw
   * @return the SVG text
   * @throws IllegalStateException if Apache Batik's SVG generator is not on the class path
   */
  public static String toSvg(ExportableView view) {
    return toSvg(view, ExportBackground.WHITE);
  }

  /**
   * Returns the view on {@code background} as an SVG document; see {@link #toSvg(ExportableView)}.
   * A transparent picture has no background shape.
   *
   * @param view the view to draw
   * @param background what the picture is drawn on
   * @return the SVG text
   * @throws IllegalStateException if Apache Batik's SVG generator is not on the class path
   */
  public static String toSvg(ExportableView view, ExportBackground background) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(background, "background");
    try {
      return SvgDocument.render(view, background);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "SVG export needs Apache Batik's SVG generator (org.apache.xmlgraphics:batik-svggen) on"
              + " the class path: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Writes the view on white as an SVG file (UTF-8); see {@link #toSvg(ExportableView)}.
   *
   * @param view the view to draw
   * @param out the file to write
   * @throws IOException if the file cannot be written
   */
  public static void writeSvg(ExportableView view, Path out) throws IOException {
    writeSvg(view, ExportBackground.WHITE, out);
  }

  /**
   * Writes the view on {@code background} as an SVG file (UTF-8).
   *
   * @param view the view to draw
   * @param background what the picture is drawn on
   * @param out the file to write
   * @throws IOException if the file cannot be written
   */
  public static void writeSvg(ExportableView view, ExportBackground background, Path out)
      throws IOException {
    write(out, toSvg(view, background).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a matrix as CSV (RFC 4180, UTF-8): a header row with an empty corner cell and the column
   * labels, then one row per query with its label and values.
   */
  public static void writeCsv(ShownMatrix matrix, Path out) throws IOException {
    StringWriter csv = new StringWriter();
    writeCsv(matrix, csv);
    write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a matrix as CSV to {@code writer}; see {@link #writeCsv(ShownMatrix, Path)}. */
  public static void writeCsv(ShownMatrix matrix, Writer writer) throws IOException {
    writeCsv(matrix, List.of(), writer);
  }

  /**
   * Writes a matrix as CSV to {@code writer}: first comment lines ({@code # }) with the matrix's
   * title and then {@code metadata} (e.g. {@code "model: bert-base-uncased"}, {@code "kind: self"},
   * {@code "filter: all"}), then a header row and one row per query. Labels are made unique by
   * their shown position ({@code 3:the}), and values are plain decimals, never with an exponent, so
   * that spreadsheets and pandas ({@code comment='#'}) read them as they are.
   */
  public static void writeCsv(ShownMatrix matrix, List<String> metadata, Writer writer)
      throws IOException {
    StringBuilder line = new StringBuilder();
    writer.write(comment(matrix.title()));
    for (String entry : metadata) {
      writer.write(comment(entry));
    }
    List<String> columns = matrix.columnLabels();
    line.append(csvField(""));
    for (int column = 0; column < columns.size(); column++) {
      line.append(',').append(csvField(column + ":" + columns.get(column)));
    }
    writer.write(line.append("\r\n").toString());
    for (int row = 0; row < matrix.rowLabels().size(); row++) {
      line.setLength(0);
      line.append(csvField(row + ":" + matrix.rowLabels().get(row)));
      for (int column = 0; column < columns.size(); column++) {
        line.append(',').append(plain(matrix.value(row, column)));
      }
      writer.write(line.append("\r\n").toString());
    }
  }

  /** One comment line; line breaks inside are flattened so the comment cannot end early. */
  private static String comment(String text) {
    return "# " + text.replaceAll("[\\r\\n]+", " ") + "\r\n";
  }

  /** The shortest decimal that reads back as {@code value}, without an exponent. */
  static String plain(float value) {
    String text = Float.toString(value);
    if (Float.isNaN(value) || Float.isInfinite(value) || text.indexOf('E') < 0) {
      return text;
    }
    return new BigDecimal(text).stripTrailingZeros().toPlainString();
  }

  /** Puts a finished export in its file: the one place every export writes to a path. */
  private static void write(Path out, byte[] content) throws IOException {
    Files.write(out, content);
  }

  /** Quotes a field when it holds a comma, quote, line break or leading/trailing space. */
  static String csvField(String text) {
    boolean quote =
        text.isEmpty()
            || text.contains(",")
            || text.contains("\"")
            || text.contains("\n")
            || text.contains("\r")
            || !text.equals(text.strip());
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
