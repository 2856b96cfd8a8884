package dev.attnviz.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the data of each stored (uncompressed) zip entry starts in the file, so that it can be
 * memory-mapped: {@link java.util.zip.ZipFile} reads entries but never tells their position. Reads
 * the central directory (with its Zip64 records, which NumPy writes for large arrays) and each
 * stored entry's local header. {@code ZipFile} has already accepted the archive; anything here that
 * does not add up only means the entry is read by copying, as before.
 */
final class ZipDataOffsets {

  private static final int EOCD_SIGNATURE = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int EOCD_BYTES = 22;
  private static final int MAX_COMMENT = 0xffff;
  private static final long U32 = 0xffffffffL;

  private ZipDataOffsets() {}

  /** The file offset of the data of every stored entry, by entry name; empty if unreadable. */
  static Map<String, Long> storedEntries(FileChannel channel) throws IOException {
    long size = channel.size();
    int tailBytes = (int) Math.min(size, EOCD_BYTES + MAX_COMMENT);
    ByteBuffer tail = read(channel, size - tailBytes, tailBytes);
    int eocd = -1;
    for (int i = tailBytes - EOCD_BYTES; i >= 0; i--) {
      if (tail.getInt(i) == EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      return Map.of();
    }
    long entries = tail.getShort(eocd + 10) & 0xffff;
    long directoryBytes = tail.getInt(eocd + 12) & U32;
    long directoryOffset = tail.getInt(eocd + 16) & U32;
    long eocdInFile = size - tailBytes + eocd;
    if (eocdInFile >= 20) {
      ByteBuffer locator = read(channel, eocdInFile - 20, 20);
      if (locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE) {
        ByteBuffer zip64 = read(channel, locator.getLong(8), 56);
        if (zip64.getInt(0) != ZIP64_EOCD_SIGNATURE) {
          return Map.of();
        }
        entries = zip64.getLong(32);
        directoryBytes = zip64.getLong(40);
        directoryOffset = zip64.getLong(48);
      }
    }
    if (directoryOffset < 0
        || directoryBytes < 0
        || directoryBytes > Integer.MAX_VALUE
        || directoryOffset > size - directoryBytes) {
      return Map.of();
    }
    return stored(channel, read(channel, directoryOffset, (int) directoryBytes), entries, size);
  }

  private static Map<String, Long> stored(
      FileChannel channel, ByteBuffer directory, long entries, long fileSize) throws IOException {
    Map<String, Long> offsets = new HashMap<>();
    int p = 0;
    for (long e = 0; e < entries && p + 46 <= directory.limit(); e++) {
      if (directory.getInt(p) != CENTRAL_SIGNATURE) {
        return Map.of();
      }
      int method = directory.getShort(p + 10) & 0xffff;
      long compressed = directory.getInt(p + 20) & U32;
      long uncompressed = directory.getInt(p + 24) & U32;
      int nameLength = directory.getShort(p + 28) & 0xffff;
      int extraLength = directory.getShort(p + 30) & 0xffff;
      int commentLength = directory.getShort(p + 32) & 0xffff;
      long local = directory.getInt(p + 42) & U32;
      int next = p + 46 + nameLength + extraLength + commentLength;
      if (next > directory.limit()) {
        return Map.of();
      }
      byte[] name = new byte[nameLength];
      directory.get(p + 46, name);
      // Zip64 extra field: the 8-byte values of the fields set to 0xffffffff, in this order.
      for (int x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
        int id = directory.getShort(x) & 0xffff;
        int length = directory.getShort(x + 2) & 0xffff;
        if (id == 1) {
          int v = x + 4;
          if (uncompressed == U32 && v + 8 <= x + 4 + length) {
            v += 8;
          }
          if (compressed == U32 && v + 8 <= x + 4 + length) {
            compressed = directory.getLong(v);
            v += 8;
          }
          if (local == U32 && v + 8 <= x + 4 + length) {
            local = directory.getLong(v);
          }
        }
        x += 4 + length;
      }
      if (method == 0 && local >= 0 && local <= fileSize - 30) {
        ByteBuffer header = read(channel, local, 30);
        long data = local + 30 + (header.getShort(26) & 0xffff) + (header.getShort(28) & 0xffff);
        if (header.getInt(0) == LOCAL_SIGNATURE
            && compressed >= 0
            && data <= fileSize - compressed) {
          offsets.put(new String(name, StandardCharsets.UTF_8), data);
        }
      }
      p = next;
    }
    return offsets;
  }

  private static ByteBuffer read(FileChannel channel, long position, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.flip();
  }
}
