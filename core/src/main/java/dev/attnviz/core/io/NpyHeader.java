package dev.attnviz.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The header of one {@code .npy} array: magic {@code \x93NUMPY}, format version (1.0, 2.0 or 3.0),
 * header length, and the dictionary with data type, memory order and shape.
 *
 * @param dtype the element type
 * @param fortranOrder whether the data is stored column-major (first index fastest)
 * @param shape the dimensions, outermost first; empty for a scalar
 * @param length bytes from the start of the array to its first data byte
 */
record NpyHeader(NpyDtype dtype, boolean fortranOrder, long[] shape, long length) {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** Larger than any header NumPy writes for the arrays attnviz reads; bounds what is read. */
  private static final int MAX_HEADER_BYTES = 65_536;

  /**
   * Reads the header, leaving {@code in} at the first data byte.
   *
   * @param where the array, for messages, e.g. {@code "attention.npy"}
   */
  static NpyHeader read(InputStream in, String where) throws InvalidFileException, IOException {
    try {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InvalidFileException(
            where + " is not a NumPy array (it does not start with \\x93NUMPY)",
            "Save arrays with numpy.savez or numpy.savez_compressed");
      }
      int major = readByte(in);
      int minor = readByte(in);
      int lengthBytes;
      if (major == 1 && minor == 0) {
        lengthBytes = 2;
      } else if ((major == 2 || major == 3) && minor == 0) {
        lengthBytes = 4;
      } else {
        throw new InvalidFileException(
            where
                + " uses .npy format version "
                + major
                + "."
                + minor
                + ", which attnviz does not know",
            "Save it with a NumPy that writes version 1.0, 2.0 or 3.0 (any NumPy since 1.17 does)");
      }
      long headerLength = 0;
      for (int i = 0; i < lengthBytes; i++) {
        headerLength |= (long) readByte(in) << (8 * i);
      }
      if (headerLength > MAX_HEADER_BYTES) {
        throw new InvalidFileException(
            where + " declares a header of " + headerLength + " bytes, far more than NumPy writes",
            "The file is damaged; save the array again");
      }
      byte[] header = in.readNBytes((int) headerLength);
      if (header.length < headerLength) {
        throw new EOFException();
      }
      String text =
          new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      NpyHeaderParser.Fields fields = NpyHeaderParser.parse(text, where);
      return new NpyHeader(
          NpyDtype.parse(fields.descr(), where),
          fields.fortranOrder(),
          fields.shape(),
          MAGIC.length + 2L + lengthBytes + headerLength);
    } catch (EOFException e) {
      throw new InvalidFileException(
          where + " ends inside its header", "The file is truncated; save it again", e);
    }
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  /** Number of elements, or -1 if it does not fit in a {@code long}. */
  long elementCount() {
    long count = 1;
    for (long dim : shape) {
      if (dim != 0 && count > Long.MAX_VALUE / dim) {
        return -1;
      }
      count *= dim;
    }
    return count;
  }

  /** The shape as Python prints it, e.g. {@code (12, 1, 12, 8, 8)}. */
  String shapeText() {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape)
        .mapToObj(Long::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
