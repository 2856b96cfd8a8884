package dev.attnviz.core.io;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Format-blind mutations of a byte array: bit flips, interesting bytes, truncation, insertion, and
 * duplicated or deleted spans. Each returns a new array; the input is never changed.
 */
final class ByteMutations {

  /** Bytes that tend to matter to parsers: zero, signs, all-ones, ASCII digits and brackets. */
  private static final byte[] INTERESTING = {
    0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff, '0', '9', '-', '[', ']', '{', '}', ',', '"', '\''
  };

  private ByteMutations() {}

  /** One mutation chosen at random. */
  static byte[] any(byte[] in, Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> flipBits(in, random);
      case 1 -> setInterestingByte(in, random);
      case 2 -> truncate(in, random);
      case 3 -> insertRandom(in, random);
      case 4 -> duplicateSpan(in, random);
      case 5 -> deleteSpan(in, random);
      default -> overwriteSpan(in, random);
    };
  }

  /** Flips one to eight random bits. */
  static byte[] flipBits(byte[] in, Random random) {
    byte[] out = in.clone();
    if (out.length == 0) {
      return out;
    }
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return out;
  }

  /** Sets one byte to a value parsers care about. */
  static byte[] setInterestingByte(byte[] in, Random random) {
    byte[] out = in.clone();
    if (out.length > 0) {
      out[random.nextInt(out.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
    }
    return out;
  }

  /** Cuts the end off, anywhere (including to nothing). */
  static byte[] truncate(byte[] in, Random random) {
    return Arrays.copyOf(in, random.nextInt(in.length + 1));
  }

  /** Inserts 1 to 64 random bytes. */
  static byte[] insertRandom(byte[] in, Random random) {
    byte[] extra = new byte[1 + random.nextInt(64)];
    random.nextBytes(extra);
    return splice(in, random.nextInt(in.length + 1), 0, extra);
  }

  /** Copies a span of up to 256 bytes to another place. */
  static byte[] duplicateSpan(byte[] in, Random random) {
    if (in.length == 0) {
      return in.clone();
    }
    int from = random.nextInt(in.length);
    int length = 1 + random.nextInt(Math.min(256, in.length - from));
    return splice(
        in, random.nextInt(in.length + 1), 0, Arrays.copyOfRange(in, from, from + length));
  }

  /** Removes a span of up to 256 bytes. */
  static byte[] deleteSpan(byte[] in, Random random) {
    if (in.length == 0) {
      return in.clone();
    }
    int from = random.nextInt(in.length);
    int length = 1 + random.nextInt(Math.min(256, in.length - from));
    return splice(in, from, length, new byte[0]);
  }

  /** Overwrites a span of up to 16 bytes with random bytes. */
  static byte[] overwriteSpan(byte[] in, Random random) {
    byte[] out = in.clone();
    if (out.length == 0) {
      return out;
    }
    int from = random.nextInt(out.length);
    int length = 1 + random.nextInt(Math.min(16, out.length - from));
    for (int i = from; i < from + length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  /** {@code in} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
  static byte[] splice(byte[] in, int at, int removed, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserted.length);
    out.write(in, 0, at);
    out.writeBytes(inserted);
    out.write(in, at + removed, in.length - at - removed);
    return out.toByteArray();
  }
}
