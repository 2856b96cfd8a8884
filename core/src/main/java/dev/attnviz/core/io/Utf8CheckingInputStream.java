package dev.attnviz.core.io;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and fails at the first one that breaks UTF-8 (RFC 3629): overlong forms such
 * as {@code C0 AF} for {@code /}, surrogates, code points above U+10FFFF, stray continuation bytes,
 * and a sequence cut by the end. Jackson decodes overlong forms without complaint, which lets a
 * file smuggle characters past anything that looks for the real ones.
 */
final class Utf8CheckingInputStream extends FilterInputStream {

  /** The first byte that is not UTF-8. */
  static final class MalformedException extends CharConversionException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    MalformedException(long offset) {
      super("not valid UTF-8 at byte " + offset);
      this.offset = offset;
    }

    /** Bytes from the start of the stream to the bad one. */
    long offset() {
      return offset;
    }
  }

  private long position;

  /** Continuation bytes still expected in the current sequence. */
  private int pending;

  /** Bounds of the next continuation byte (unsigned); narrower after E0, ED, F0 and F4. */
  private int low = 0x80;

  private int high = 0xbf;

  Utf8CheckingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      end();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int n = super.read(bytes, offset, length);
    if (n < 0) {
      end();
    }
    for (int i = offset; i < offset + n; i++) {
      byte b = bytes[i];
      if (b >= 0 && pending == 0) {
        position++;
      } else {
        check(b & 0xff);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would go unchecked; read them instead.
    byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check(int b) throws MalformedException {
    if (pending > 0) {
      if (b < low || b > high) {
        throw new MalformedException(position);
      }
      pending--;
      low = 0x80;
      high = 0xbf;
    } else if (b >= 0xc2 && b <= 0xdf) {
      pending = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      pending = 2;
      low = b == 0xe0 ? 0xa0 : 0x80;
      high = b == 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      pending = 3;
      low = b == 0xf0 ? 0x90 : 0x80;
      high = b == 0xf4 ? 0x8f : 0xbf;
    } else if (b >= 0x80) {
      throw new MalformedException(position);
    }
    position++;
  }

  private void end() throws MalformedException {
    if (pending > 0) {
      throw new MalformedException(position);
    }
  }
}
