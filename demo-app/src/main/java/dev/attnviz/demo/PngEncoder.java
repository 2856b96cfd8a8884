package dev.attnviz.demo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an ARGB image as an 8-bit RGBA PNG, the format ImageIO writes for it, three to five times
 * faster: every row is filtered with "Up" (the difference to the row above; a heatmap's rows
 * repeat, so most bytes become 0) instead of ImageIO's trial of all five filters per row through a
 * new raster per row, and the pixels are read straight from the image's array. Heatmap pictures
 * come out a fifth of ImageIO's size; pictures of lines about the same (a 12 × 6 model view of
 * lines: 3.0 MB against 2.8 MB). The model view of a GPT-2-medium dump (2,872 × 4,232 pixels) took
 * 0.8–1.0 s of CPU to encode with ImageIO, a fifth of the whole {@code render}.
 */
final class PngEncoder {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int FILTER_UP = 2;

  /** ImageIO's default deflate level for PNG: a good size for little time on these pictures. */
  private static final int LEVEL = 4;

  private static final int CHUNK_BYTES = 1 << 16;

  private PngEncoder() {}

  /**
   * Writes {@code image} as a PNG; the stream is flushed, not closed.
   *
   * @param image a {@link BufferedImage#TYPE_INT_ARGB} image, what the exporter draws into
   * @param out where the file's bytes go
   * @throws IOException if writing fails
   */
  static void write(BufferedImage image, OutputStream out) throws IOException {
    if (image.getType() != BufferedImage.TYPE_INT_ARGB) {
      throw new IllegalArgumentException("not an ARGB image: type " + image.getType());
    }
    int width = image.getWidth();
    int height = image.getHeight();
    int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    DataOutputStream data = new DataOutputStream(out);
    data.write(SIGNATURE);
    byte[] header = new byte[13];
    putInt(header, 0, width);
    putInt(header, 4, height);
    header[8] = 8; // bits per sample
    header[9] = 6; // RGBA; compression, filter method and interlace stay 0
    chunk(data, "IHDR", header, header.length);
    Deflater deflater = new Deflater(LEVEL);
    try {
      byte[] line = new byte[1 + 4 * width];
      byte[] previous = new byte[4 * width];
      byte[] current = new byte[4 * width];
      byte[] compressed = new byte[CHUNK_BYTES];
      int filled = 0;
      for (int y = 0; y < height; y++) {
        int offset = y * width;
        for (int x = 0; x < width; x++) {
          int pixel = argb[offset + x];
          int i = 4 * x;
          current[i] = (byte) (pixel >>> 16);
          current[i + 1] = (byte) (pixel >>> 8);
          current[i + 2] = (byte) pixel;
          current[i + 3] = (byte) (pixel >>> 24);
        }
        line[0] = FILTER_UP;
        for (int i = 0; i < current.length; i++) {
          line[1 + i] = (byte) (current[i] - previous[i]);
        }
        deflater.setInput(line);
        while (!deflater.needsInput()) {
          filled = drain(deflater, data, compressed, filled);
        }
        byte[] swap = previous;
        previous = current;
        current = swap;
      }
      deflater.finish();
      while (!deflater.finished()) {
        filled = drain(deflater, data, compressed, filled);
      }
      if (filled > 0) {
        chunk(data, "IDAT", compressed, filled);
      }
    } finally {
      deflater.end();
    }
    chunk(data, "IEND", new byte[0], 0);
    data.flush();
  }

  /** Deflates into {@code buffer} after {@code filled} bytes, writing an IDAT chunk when full. */
  private static int drain(Deflater deflater, DataOutputStream out, byte[] buffer, int filled)
      throws IOException {
    int total = filled + deflater.deflate(buffer, filled, buffer.length - filled);
    if (total == buffer.length) {
      chunk(out, "IDAT", buffer, total);
      return 0;
    }
    return total;
  }

  private static void chunk(DataOutputStream out, String type, byte[] bytes, int length)
      throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(length);
    out.write(name);
    out.write(bytes, 0, length);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(bytes, 0, length);
    out.writeInt((int) crc.getValue());
  }

  private static void putInt(byte[] bytes, int at, int value) {
    bytes[at] = (byte) (value >>> 24);
    bytes[at + 1] = (byte) (value >>> 16);
    bytes[at + 2] = (byte) (value >>> 8);
    bytes[at + 3] = (byte) value;
  }
}
