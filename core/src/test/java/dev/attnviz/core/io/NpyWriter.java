package dev.attnviz.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code .npy} arrays byte for byte as NumPy 1.17+ does ({@code numpy.lib.format}, version
 * 1.0): magic, version, little-endian header length, the header dictionary with sorted keys and
 * Python's {@code repr} of each value, 21 spare spaces minus the digits of the growth axis, and
 * space padding so that the data starts at a multiple of 64 bytes, the header ending in a newline.
 * Test-only: the reader is checked against files this writes, and this writer against files NumPy
 * wrote.
 */
public final class NpyWriter {

  private static final int ALIGN = 64;
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  private NpyWriter() {}

  /** The header of an array, data not included. */
  static byte[] header(String descr, boolean fortranOrder, long... shape) {
    StringBuilder dict =
        new StringBuilder("{'descr': '")
            .append(descr)
            .append("', 'fortran_order': ")
            .append(fortranOrder ? "True" : "False")
            .append(", 'shape': ")
            .append(shapeRepr(shape))
            .append(", }");
    if (shape.length > 0) {
      long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length()));
    }
    int length = dict.length() + 1;
    int padding = ALIGN - ((6 + 2 + 2 + length) % ALIGN);
    dict.append(" ".repeat(padding)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer header = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
    header.put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
    return header.array();
  }

  private static String shapeRepr(long[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape)
        .mapToObj(Long::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** A float32 array from values in C order, stored in the given byte and memory order. */
  static byte[] float32(float[] values, ByteOrder order, boolean fortranOrder, long... shape) {
    ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(order);
    for (int index : storageOrder(shape, fortranOrder)) {
      data.putFloat(values[index]);
    }
    return concat(header(descr(order, "f4"), fortranOrder, shape), data.array());
  }

  /** A float64 array from values in C order, stored in the given byte and memory order. */
  static byte[] float64(double[] values, ByteOrder order, boolean fortranOrder, long... shape) {
    ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(order);
    for (int index : storageOrder(shape, fortranOrder)) {
      data.putDouble(values[index]);
    }
    return concat(header(descr(order, "f8"), fortranOrder, shape), data.array());
  }

  /** A little-endian float16 array from raw half-precision bits in C order. */
  static byte[] float16(short[] bits, long... shape) {
    ByteBuffer data = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short b : bits) {
      data.putShort(b);
    }
    return concat(header("<f2", false, shape), data.array());
  }

  /**
   * A unicode array as {@code np.array(strings)} makes it: {@code <U}n with n the longest string's
   * code point count (at least 1), each element UTF-32 padded with NULs.
   */
  static byte[] unicode(List<String> strings, ByteOrder order, long... shape) {
    int width =
        Math.max(
            1, strings.stream().mapToInt(s -> s.codePointCount(0, s.length())).max().orElse(1));
    ByteBuffer data = ByteBuffer.allocate(strings.size() * width * 4).order(order);
    for (String s : strings) {
      int[] codePoints = s.codePoints().toArray();
      for (int c = 0; c < width; c++) {
        data.putInt(c < codePoints.length ? codePoints[c] : 0);
      }
    }
    return concat(header(descr(order, "U" + width), false, shape), data.array());
  }

  /** A 1-D little-endian unicode array. */
  public static byte[] unicode(List<String> strings) {
    return unicode(strings, ByteOrder.LITTLE_ENDIAN, strings.size());
  }

  /** A bytes array ({@code |S}n) holding the UTF-8 encoding of each string, NUL padded. */
  static byte[] bytes(List<String> strings) {
    List<byte[]> encoded = strings.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    int width = Math.max(1, encoded.stream().mapToInt(b -> b.length).max().orElse(1));
    ByteBuffer data = ByteBuffer.allocate(strings.size() * width);
    for (byte[] b : encoded) {
      data.put(Arrays.copyOf(b, width));
    }
    return concat(header("|S" + width, false, strings.size()), data.array());
  }

  /** A 0-d int64 array, as {@code np.savez(x=5)} writes a Python int. */
  static byte[] int64(long value) {
    ByteBuffer data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    return concat(header("<i8", false), data.array());
  }

  /** A 0-d bool array, as {@code np.savez(x=True)} writes a Python bool. */
  static byte[] bool(boolean value) {
    return concat(header("|b1", false), new byte[] {(byte) (value ? 1 : 0)});
  }

  /** A 0-d unicode array, as {@code np.savez(x="name")} writes a Python str. */
  static byte[] string(String value) {
    return unicode(List.of(value), ByteOrder.LITTLE_ENDIAN);
  }

  /** Any header followed by raw data bytes, for malformed arrays. */
  static byte[] raw(byte[] header, byte[] data) {
    return concat(header, data);
  }

  private static String descr(ByteOrder order, String type) {
    return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + type;
  }

  /** The C-order index of each element in storage order. */
  private static int[] storageOrder(long[] shape, boolean fortranOrder) {
    int count = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    int[] order = new int[count];
    int[] index = new int[shape.length];
    for (int k = 0; k < count; k++) {
      int cOffset = 0;
      for (int axis = 0; axis < shape.length; axis++) {
        cOffset = cOffset * (int) shape[axis] + index[axis];
      }
      order[k] = cOffset;
      // Advance the multi-index: last axis fastest in C order, first axis fastest in Fortran.
      for (int step = 0; step < shape.length; step++) {
        int axis = fortranOrder ? step : shape.length - 1 - step;
        if (++index[axis] < shape[axis]) {
          break;
        }
        index[axis] = 0;
      }
    }
    return order;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
