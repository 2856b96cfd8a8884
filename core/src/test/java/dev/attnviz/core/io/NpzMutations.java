package dev.attnviz.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations that know the layers of an {@code .npz}: the {@code .npy} header (shape, data type,
 * memory order, keys, declared length, format version), the array data, the set of zip entries
 * (dropped, duplicated, renamed to {@code ../x} or {@code /x}, swapped, marked as symbolic links),
 * and the zip records themselves (lying checksums and sizes, comments that are not text, stored and
 * deflated); then, sometimes, format-blind {@link ByteMutations} over the whole archive.
 */
final class NpzMutations {

  private static final Pattern SHAPE = Pattern.compile("'shape': \\(([^)]*)\\)");
  private static final Pattern DESCR = Pattern.compile("'descr': '([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order': (True|False)");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private static final String[] SHAPES = {
    "()",
    "(0,)",
    "(1,)",
    "(5,)",
    "(1, 5)",
    "(3, 5)",
    "(2, 2, 5)",
    "(2, 2, 5, 5, 5)",
    "(2, 3, 5, 5)",
    "(0, 0, 0, 0)",
    "(0, 1, 1, 500000000)",
    "(0, 1, 1, 2000000000)",
    "(1, 1, 1, 2147483647)",
    "(1, 1, 5, 2147483648)",
    "(100000, 100000, 100000, 100000)",
    "(99999999999999999999,)",
    "(-1, 5)",
    "(2L, 2L, 5L, 5L)",
    "(2, 2, 5, 5,, )",
    "(" + "1, ".repeat(40) + ")",
  };

  private static final String[] DESCRS = {
    "<f4",
    ">f4",
    "<f8",
    ">f8",
    "<f2",
    "|f4",
    "<i8",
    "<u8",
    "|u1",
    "|i1",
    "|b1",
    "<c8",
    "|O",
    "|O8",
    "<U1",
    "<U0",
    "<U5",
    "<U999999999",
    ">U3",
    "|S0",
    "|S1",
    "|S4194304",
    "<V8",
    "<M8[ns]",
    "",
    "<",
    "f4",
    "<f16"
  };

  private static final String[] KEY_EDITS = {
    "'descr': '<f4', ",
    "'fortran_order': False, ",
    "'shape': (), ",
    "'__reduce__': 'os.system', ",
    "'descr': [('a', '<f4')], ",
    "'shape': [2, 2], ",
    "'fortran_order': None, ",
    "\"descr\": \"<f4\", ",
  };

  private static final String[] NAMES = {
    "../attention.npy",
    "/attention.npy",
    "a/../attention.npy",
    "dir/attention.npy",
    "attention.NPY",
    "attention.npy/",
    "attention",
    "tokens.npy",
    "attention.npy",
    "sentence_b_start.npy",
    "model_name.npy",
    "causal.npy",
    "queries.npy",
    "keys.npy",
    "cross_attention.npy",
    "C:\\attention.npy",
    "",
  };

  private NpzMutations() {}

  /** One to three mutations of the archive's entries, sometimes followed by raw byte damage. */
  static byte[] mutate(byte[] seed, Random random) {
    List<RawZip.Entry> entries = new ArrayList<>(RawZip.read(seed));
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && !entries.isEmpty(); i++) {
      once(entries, random);
    }
    byte[] zip = RawZip.write(entries);
    return random.nextInt(4) == 0 ? ByteMutations.any(zip, random) : zip;
  }

  private static void once(List<RawZip.Entry> entries, Random random) {
    int index = random.nextInt(entries.size());
    RawZip.Entry entry = entries.get(index);
    switch (random.nextInt(16)) {
      case 0, 1, 2 -> entries.set(index, entry.withData(editHeader(entry.data(), random)));
      case 3 -> entries.set(index, entry.withData(editData(entry.data(), random)));
      case 4 -> entries.set(index, entry.withName(NAMES[random.nextInt(NAMES.length)]));
      case 5 -> entries.remove(index);
      case 6 ->
          entries.add(
              random.nextInt(entries.size() + 1),
              entries.get(random.nextInt(entries.size())).withName(entry.name()));
      case 7 -> {
        RawZip.Entry other = entries.get(random.nextInt(entries.size()));
        entries.set(index, entry.withData(other.data()));
      }
      case 8 -> entries.set(index, entry.asSymlink().withData(symlinkTarget(random)));
      case 9 -> entries.set(index, entry.withCrcDelta(1 + random.nextInt(1000)));
      case 10 ->
          entries.set(
              index,
              entry.withCentralSizeDelta(
                  random.nextBoolean() ? -1 - random.nextInt(64) : 1L << random.nextInt(31)));
      case 11 -> entries.set(index, entry.withDeflated(!entry.deflated()));
      case 12 -> {
        byte[] comment = new byte[1 + random.nextInt(8)];
        random.nextBytes(comment);
        entries.set(index, entry.withComment(comment));
      }
      case 13 -> entries.set(index, overstated(entry, random));
      case 14 -> entries.set(index, agreeingLie(entry, random));
      default -> entries.set(index, strings(entry, random));
    }
  }

  /**
   * A header and a zip record that agree on far more data than the entry's compressed bytes can
   * unpack to: both numbers come from the file, so only the real bytes can expose the lie.
   */
  private static RawZip.Entry agreeingLie(RawZip.Entry entry, Random random) {
    Npy parsed = Npy.parse(entry.data());
    if (parsed == null) {
      return entry;
    }
    String[] shapes = {"(1, 15, 16384, 4096)", "(1, 1, 4, 100000000)", "(100000000,)"};
    Npy lying = parsed.withHeader(replaceGroup(parsed.header(), SHAPE, pick(shapes, random)));
    long declared;
    try {
      declared = Math.multiplyExact(elements(lying.header()), itemSize(lying.header()));
    } catch (ArithmeticException | NumberFormatException e) {
      return entry; // an earlier mutation left a number too large to lie with
    }
    byte[] bytes = lying.toBytes();
    long claimed = Math.min(0xffff_ffffL, bytes.length - lying.data().length + declared);
    return entry
        .withDeflated(random.nextBoolean())
        .withData(bytes)
        .withCentralSizeDelta(claimed - bytes.length);
  }

  /**
   * Replaces the entry by strings: as many as the attention has rows or far more, short or of the
   * longest width there is, their data really there (up to 256 KB, which deflate to a few
   * kilobytes) or only claimed.
   */
  private static RawZip.Entry strings(RawZip.Entry entry, Random random) {
    int count = new int[] {1, 5, 2_000, 100_000}[random.nextInt(4)];
    int width = new int[] {1, 7, 4096, 1 << 20}[random.nextInt(4)];
    long dataBytes = 4L * count * width;
    byte[] header = NpyWriter.header("<U" + width, false, count);
    byte[] data = new byte[(int) Math.min(dataBytes, 256 << 10)];
    for (int i = 0; i < data.length; i += 4) {
      data[i] = (byte) ('a' + random.nextInt(3));
    }
    byte[] npy = NpyWriter.raw(header, data);
    long claimed = Math.min(0xffff_ffffL, header.length + dataBytes);
    return entry
        .withDeflated(true)
        .withData(npy)
        .withCentralSizeDelta(random.nextBoolean() ? claimed - npy.length : 0);
  }

  private static long elements(String header) {
    Matcher shape = SHAPE.matcher(header);
    long count = 1;
    if (shape.find()) {
      Matcher digits = DIGITS.matcher(shape.group(1));
      while (digits.find()) {
        count = Math.multiplyExact(count, Long.parseLong(digits.group()));
      }
    }
    return count;
  }

  private static long itemSize(String header) {
    Matcher descr = DESCR.matcher(header);
    if (!descr.find()) {
      return 4;
    }
    Matcher digits = DIGITS.matcher(descr.group(1));
    long size = digits.find() ? Long.parseLong(digits.group()) : 4;
    return descr.group(1).contains("U") ? size * 4 : size;
  }

  /**
   * A header that declares far more elements than the data holds, with a central directory that
   * claims the data is there: only reading can find out, so nothing may be sized by the claim.
   */
  private static RawZip.Entry overstated(RawZip.Entry entry, Random random) {
    Npy parsed = Npy.parse(entry.data());
    if (parsed == null) {
      return entry;
    }
    String[] shapes = {
      "(100000000,)", "(1, 100000000)", "(1, 1, 10000, 10000)", "(2, 12, 4096, 4096)"
    };
    String shape = shapes[random.nextInt(shapes.length)];
    return entry
        .withDeflated(true)
        .withData(parsed.withHeader(replaceGroup(parsed.header(), SHAPE, shape)).toBytes())
        .withCentralSizeDelta(1L << (24 + random.nextInt(7)));
  }

  private static byte[] symlinkTarget(Random random) {
    String[] targets = {"/etc/passwd", "../attention.npy", "/proc/self/environ", "tokens.npy"};
    return targets[random.nextInt(targets.length)].getBytes(StandardCharsets.UTF_8);
  }

  /** The parts of an {@code .npy}: magic and version, the header text, and the data. */
  private record Npy(byte major, String header, byte[] data) {

    static Npy parse(byte[] npy) {
      if (npy.length < 10 || npy[0] != (byte) 0x93) {
        return null;
      }
      byte major = npy[6];
      int lengthBytes = major == 1 ? 2 : 4;
      if (npy.length < 8 + lengthBytes) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
      long length = lengthBytes == 2 ? buffer.getShort(8) & 0xffff : buffer.getInt(8) & 0xffffffffL;
      int start = 8 + lengthBytes;
      if (start + length > npy.length) {
        return null;
      }
      String header = new String(npy, start, (int) length, StandardCharsets.ISO_8859_1);
      return new Npy(major, header, Arrays.copyOfRange(npy, start + (int) length, npy.length));
    }

    byte[] toBytes() {
      byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
      int lengthBytes = major == 1 ? 2 : 4;
      ByteBuffer out =
          ByteBuffer.allocate(8 + lengthBytes + text.length + data.length)
              .order(ByteOrder.LITTLE_ENDIAN);
      out.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
      out.put(major).put((byte) 0);
      if (lengthBytes == 2) {
        out.putShort((short) text.length);
      } else {
        out.putInt(text.length);
      }
      return out.put(text).put(data).array();
    }

    Npy withHeader(String newHeader) {
      return new Npy(major, newHeader, data);
    }
  }

  private static byte[] editHeader(byte[] npy, Random random) {
    Npy parsed = Npy.parse(npy);
    if (parsed == null) {
      return ByteMutations.any(npy, random);
    }
    String header = parsed.header();
    return switch (random.nextInt(9)) {
      case 0 -> parsed.withHeader(replaceGroup(header, SHAPE, pick(SHAPES, random))).toBytes();
      case 1 -> parsed.withHeader(tweakShapeNumber(header, random)).toBytes();
      case 2 -> parsed.withHeader(replaceGroup(header, DESCR, pick(DESCRS, random))).toBytes();
      case 3 ->
          parsed
              .withHeader(
                  replaceGroup(
                      header, FORTRAN, pick(new String[] {"True", "False", "None", "1"}, random)))
              .toBytes();
      case 4 ->
          parsed.withHeader(header.replaceFirst("\\{", "{" + pick(KEY_EDITS, random))).toBytes();
      case 5 -> parsed.withHeader(header.replaceFirst("'[a-z_]+': [^,]*, ", "")).toBytes();
      case 6 -> lieAboutHeaderLength(npy, random);
      case 7 -> changeVersion(parsed, random);
      default ->
          parsed
              .withHeader(
                  new String(
                      ByteMutations.any(header.getBytes(StandardCharsets.ISO_8859_1), random),
                      StandardCharsets.ISO_8859_1))
              .toBytes();
    };
  }

  private static String pick(String[] choices, Random random) {
    return choices[random.nextInt(choices.length)];
  }

  private static String replaceGroup(String text, Pattern pattern, String replacement) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    String value =
        pattern == SHAPE ? replacement.substring(1, replacement.length() - 1) : replacement;
    return text.substring(0, m.start(1)) + value + text.substring(m.end(1));
  }

  /** Changes one dimension: to 0, by one, times a thousand, or to a huge value. */
  private static String tweakShapeNumber(String header, Random random) {
    Matcher shape = SHAPE.matcher(header);
    if (!shape.find()) {
      return header;
    }
    List<int[]> numbers = new ArrayList<>();
    Matcher digits = DIGITS.matcher(header).region(shape.start(1), shape.end(1));
    while (digits.find()) {
      numbers.add(new int[] {digits.start(), digits.end()});
    }
    if (numbers.isEmpty()) {
      return header;
    }
    int[] chosen = numbers.get(random.nextInt(numbers.size()));
    if (chosen[1] - chosen[0] > 15) {
      // Already absurd (an earlier mutation); leave it.
      return header;
    }
    long value = Long.parseLong(header.substring(chosen[0], chosen[1]));
    long changed =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> value + 1;
          case 2 -> Math.max(0, value - 1);
          case 3 -> value * 1000;
          default -> Long.MAX_VALUE / (1 + random.nextInt(1000));
        };
    return header.substring(0, chosen[0]) + changed + header.substring(chosen[1]);
  }

  private static byte[] lieAboutHeaderLength(byte[] npy, Random random) {
    byte[] out = npy.clone();
    out[8] = (byte) random.nextInt(256);
    out[9] = (byte) random.nextInt(256);
    return out;
  }

  private static byte[] changeVersion(Npy parsed, Random random) {
    byte[] out = parsed.toBytes();
    out[6] = (byte) new int[] {0, 1, 2, 3, 4, 255}[random.nextInt(6)];
    out[7] = (byte) (random.nextInt(4) == 0 ? 1 : 0);
    return out;
  }

  /** Damages the numbers: NaN, infinity, negative, above one, or cut or grown data. */
  private static byte[] editData(byte[] npy, Random random) {
    Npy parsed = Npy.parse(npy);
    if (parsed == null || parsed.data().length == 0) {
      return ByteMutations.any(npy, random);
    }
    byte[] data = parsed.data().clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        int at = random.nextInt(data.length);
        byte[] nan = {(byte) 0x7f, (byte) 0xc0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0x80, 0};
        for (int i = 0; i < nan.length && at + i < data.length; i++) {
          data[at + i] = nan[(i + random.nextInt(nan.length)) % nan.length];
        }
      }
      case 1 -> data = Arrays.copyOf(data, random.nextInt(data.length));
      case 2 -> data = Arrays.copyOf(data, data.length + 1 + random.nextInt(64));
      default -> data = ByteMutations.flipBits(data, random);
    }
    return new Npy(parsed.major(), parsed.header(), data).toBytes();
  }
}
