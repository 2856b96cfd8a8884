package dev.attnviz.demo;

import dev.attnviz.core.io.AtomicFiles;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Writes the pictures and tables of the command line and the app through {@link AtomicFiles}, so a
 * failure keeps the earlier file, and checks a PNG's memory before drawing it.
 */
public final class OutputFiles {

  /**
   * Heap a PNG needs per pixel: the ARGB image (4 bytes) and the encoder's filtered rows, which
   * stay well below one more copy. Checked: BERT-base's model view at scale 13.41, the largest this
   * allows in a 1 GB heap, renders in 36 s (resident 1.06 GB); scale 16 needed 2.9 GB.
   */
  static final double BYTES_PER_PIXEL = 5;

  /** The free heap: what it may still grow to, less what is in use. */
  static final LongSupplier FREE_HEAP =
      () -> {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
      };

  private OutputFiles() {}

  /**
   * Draws {@code view} at {@code scale} and writes it as a PNG.
   *
   * @param view the view to draw, as it is laid out now
   * @param scale the device scale, e.g. 2 for a HiDPI picture; above 0
   * @param out the file to create or replace
   * @throws IllegalArgumentException if the image would not fit in the free memory; the message
   *     names the largest scale that fits
   * @throws IOException naming the path if it cannot be written
   */
  public static void writePng(ExportableView view, double scale, Path out) throws IOException {
    writePng(view, scale, ExportBackground.WHITE, out);
  }

  /**
   * Draws {@code view} on {@code background} at {@code scale} and writes it as a PNG.
   *
   * @param view the view to draw
   * @param scale pixels per point
   * @param background what the picture is drawn on
   * @param out the file to write
   * @throws IllegalArgumentException if the image would not fit in the free memory; the message
   *     names the largest scale that fits
   * @throws IOException naming the path if it cannot be written
   */
  public static void writePng(
      ExportableView view, double scale, ExportBackground background, Path out) throws IOException {
    writePng(view, scale, background, out, FREE_HEAP);
  }

  static void writePng(ExportableView view, double scale, Path out, LongSupplier freeHeap)
      throws IOException {
    writePng(view, scale, ExportBackground.WHITE, out, freeHeap);
  }

  private static void writePng(
      ExportableView view,
      double scale,
      ExportBackground background,
      Path out,
      LongSupplier freeHeap)
      throws IOException {
    requireMemory(view.exportSize(), scale, freeHeap.getAsLong());
    BufferedImage image = ViewExporter.toImage(view, scale, background);
    PhaseTiming.mark("drawn");
    // The exporter draws into an ARGB image, which the encoder takes as it is.
    AtomicFiles.write(out, stream -> PngEncoder.write(image, stream));
  }

  /** Fails if a picture of {@code size} points at {@code scale} would not fit in {@code free}. */
  static void requireMemory(Dimension size, double scale, long free) {
    double pixels =
        Math.ceil(Math.max(1, size.width) * scale) * Math.ceil(Math.max(1, size.height) * scale);
    double needed = pixels * BYTES_PER_PIXEL;
    if (needed <= free) {
      return;
    }
    // Pixels grow with the square of the scale; floor to two decimals so the advice fits.
    double fits = Math.floor(scale * Math.sqrt(free / needed) * 100) / 100;
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "a %.0f x %.0f pixel image at scale %s needs %,d MB of memory, but only %,d MB is"
                + " free; %s",
            Math.ceil(Math.max(1, size.width) * scale),
            Math.ceil(Math.max(1, size.height) * scale),
            trim(scale),
            (long) Math.ceil(needed / 1e6),
            Math.max(0, free) / 1_000_000,
            fits > 0
                ? "the largest scale that fits is " + trim(fits)
                : "give Java more memory, e.g. " + HeapAdvice.command()));
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
  }

  /**
   * Writes {@code view} on white as an SVG file (UTF-8).
   *
   * @param view the view to draw, as it is laid out now
   * @param out the file to create or replace
   * @throws IOException naming the path if it cannot be written; an earlier file there is left
   *     untouched
   */
  public static void writeSvg(ExportableView view, Path out) throws IOException {
    writeSvg(view, ExportBackground.WHITE, out);
  }

  /**
   * Writes {@code view} on {@code background} as an SVG file (UTF-8).
   *
   * @param view the view to draw
   * @param background what the picture is drawn on
   * @param out the file to write
   * @throws IOException naming the path if it cannot be written
   */
  public static void writeSvg(ExportableView view, ExportBackground background, Path out)
      throws IOException {
    byte[] svg = ViewExporter.toSvg(view, background).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out, stream -> stream.write(svg));
  }

  /**
   * Writes {@code matrix} as CSV (see {@link ViewExporter#writeCsv(ShownMatrix, Writer)}).
   *
   * @param matrix the numbers the view shows
   * @param out the file to create or replace
   * @throws IOException naming the path if it cannot be written; an earlier file there is left
   *     untouched
   */
  public static void writeCsv(ShownMatrix matrix, Path out) throws IOException {
    writeCsv(matrix, java.util.List.of(), out);
  }

  /**
   * Writes {@code matrix} as CSV after comment lines with {@code metadata}.
   *
   * @param matrix the numbers the view shows
   * @param metadata lines written first as CSV comment lines, e.g. the model and the input
   * @param out the file to create or replace
   * @throws IOException naming the path if it cannot be written; an earlier file there is left
   *     untouched
   */
  public static void writeCsv(ShownMatrix matrix, java.util.List<String> metadata, Path out)
      throws IOException {
    AtomicFiles.write(
        out,
        stream -> {
          Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
          ViewExporter.writeCsv(matrix, metadata, writer);
          writer.flush();
        });
  }
}
