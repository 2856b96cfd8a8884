package dev.attnviz.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@code .npz} of stored entries in the Zip64 layout NumPy uses for large arrays, where
 * an entry's data may be a hole: only the {@code .npy} header and the floats given are written, the
 * rest reads as zeros but takes no disk. A dump of billions of floats then costs milliseconds and a
 * few kilobytes. CRCs are left at 0 ({@link java.util.zip.ZipFile} does not check them for entries
 * it does not inflate, and attnviz maps stored data). Test-only.
 */
public final class SparseNpz {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final long U32 = 0xffffffffL;

  /** One entry: its bytes, then a hole up to {@code length}, with {@code floats} written in it. */
  public record Entry(String name, byte[] start, long length, Map<Long, Float> floats) {}

  private SparseNpz() {}

  /** A float32 C-ordered entry of {@code shape}, zero except {@code floats} (by element index). */
  public static Entry float32(String name, Map<Long, Float> floats, long... shape) {
    return array(name, "<f4", floats, shape);
  }

  /** An entry of {@code descr} items ({@code <f4}, {@code <f8}...), a hole but for the floats. */
  static Entry array(String name, String descr, Map<Long, Float> floats, long... shape) {
    byte[] header = NpyWriter.header(descr, false, shape);
    int itemSize = Integer.parseInt(descr.substring(2));
    long elements = 1;
    for (long d : shape) {
      elements *= d;
    }
    Map<Long, Float> at = new TreeMap<>();
    floats.forEach((index, value) -> at.put(header.length + index * itemSize, value));
    return new Entry(name + ".npy", header, header.length + elements * itemSize, at);
  }

  /** An entry of the given bytes. */
  public static Entry bytes(String name, byte[] data) {
    return new Entry(name + ".npy", data, data.length, Map.of());
  }

  public static void write(Path file, List<Entry> entries) throws IOException {
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.SPARSE)) {
      List<Long> offsets = new ArrayList<>();
      long position = 0;
      for (Entry entry : entries) {
        offsets.add(position);
        byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer local = ByteBuffer.allocate(30 + name.length + 20).order(LE);
        local.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 0);
        local.putInt(0).putInt(0).putInt((int) U32).putInt((int) U32);
        local.putShort((short) name.length).putShort((short) 20).put(name);
        local
            .putShort((short) 1)
            .putShort((short) 16)
            .putLong(entry.length())
            .putLong(entry.length());
        position += write(out, local.flip(), position);
        long dataStart = position;
        write(out, ByteBuffer.wrap(entry.start()), dataStart);
        for (Map.Entry<Long, Float> value : entry.floats().entrySet()) {
          ByteBuffer four = ByteBuffer.allocate(4).order(LE).putFloat(value.getValue()).flip();
          write(out, four, dataStart + value.getKey());
        }
        position = dataStart + entry.length();
      }
      long directory = position;
      for (int i = 0; i < entries.size(); i++) {
        byte[] name = entries.get(i).name().getBytes(StandardCharsets.UTF_8);
        long length = entries.get(i).length();
        ByteBuffer central = ByteBuffer.allocate(46 + name.length + 28).order(LE);
        central.putInt(0x02014b50).putShort((short) 45).putShort((short) 45);
        central.putShort((short) 0).putShort((short) 0).putInt(0).putInt(0);
        central.putInt((int) U32).putInt((int) U32);
        central.putShort((short) name.length).putShort((short) 28).putShort((short) 0);
        central.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) U32).put(name);
        central.putShort((short) 1).putShort((short) 24);
        central.putLong(length).putLong(length).putLong(offsets.get(i));
        position += write(out, central.flip(), position);
      }
      long directoryBytes = position - directory;
      long zip64End = position;
      ByteBuffer end = ByteBuffer.allocate(56 + 20 + 22).order(LE);
      end.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45);
      end.putInt(0).putInt(0).putLong(entries.size()).putLong(entries.size());
      end.putLong(directoryBytes).putLong(directory);
      end.putInt(0x07064b50).putInt(0).putLong(zip64End).putInt(1);
      end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
      end.putShort((short) 0xffff).putShort((short) 0xffff).putInt((int) U32).putInt((int) U32);
      end.putShort((short) 0);
      write(out, end.flip(), position);
    }
  }

  private static int write(FileChannel out, ByteBuffer buffer, long position) throws IOException {
    int n = buffer.remaining();
    while (buffer.hasRemaining()) {
      out.write(buffer, position + n - buffer.remaining());
    }
    return n;
  }
}
