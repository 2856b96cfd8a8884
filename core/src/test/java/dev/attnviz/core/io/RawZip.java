package dev.attnviz.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Writes zip archives byte by byte, with control over what {@link java.util.zip.ZipOutputStream}
 * never lets through: duplicate names, names with {@code ..} or a leading {@code /}, symbolic-link
 * attributes, and sizes or checksums that lie. Test-only: for the fuzzer and the isolation tests.
 */
final class RawZip {

  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
  private static final int UNIX_SYMLINK_MODE = 0120777;
  private static final int MADE_BY_UNIX = 3 << 8 | 20;

  /**
   * One entry as it will be written.
   *
   * @param name the entry name, as is
   * @param data the uncompressed content
   * @param deflated whether to deflate it (else stored)
   * @param symlink whether the central directory marks it as a Unix symbolic link (whose target is
   *     the content)
   * @param crcDelta added to the true CRC-32 in both headers (0: honest)
   * @param centralSizeDelta added to the true uncompressed size in the central directory only
   * @param comment the entry's comment in the central directory, as raw bytes
   */
  record Entry(
      String name,
      byte[] data,
      boolean deflated,
      boolean symlink,
      int crcDelta,
      long centralSizeDelta,
      byte[] comment) {

    /** An honest entry. */
    static Entry of(String name, byte[] data, boolean deflated) {
      return new Entry(name, data, deflated, false, 0, 0, new byte[0]);
    }

    Entry withName(String newName) {
      return new Entry(newName, data, deflated, symlink, crcDelta, centralSizeDelta, comment);
    }

    Entry withData(byte[] newData) {
      return new Entry(name, newData, deflated, symlink, crcDelta, centralSizeDelta, comment);
    }

    Entry withDeflated(boolean newDeflated) {
      return new Entry(name, data, newDeflated, symlink, crcDelta, centralSizeDelta, comment);
    }

    Entry asSymlink() {
      return new Entry(name, data, deflated, true, crcDelta, centralSizeDelta, comment);
    }

    Entry withCrcDelta(int delta) {
      return new Entry(name, data, deflated, symlink, delta, centralSizeDelta, comment);
    }

    Entry withCentralSizeDelta(long delta) {
      return new Entry(name, data, deflated, symlink, crcDelta, delta, comment);
    }

    Entry withComment(byte[] newComment) {
      return new Entry(name, data, deflated, symlink, crcDelta, centralSizeDelta, newComment);
    }
  }

  private RawZip() {}

  /** The entries of an archive, in order, as honest entries with their compression method. */
  static List<Entry> read(byte[] zip) {
    List<Entry> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(Entry.of(e.getName(), in.readAllBytes(), e.getMethod() == ZipEntry.DEFLATED));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** The archive of {@code entries}, in order. */
  static byte[] write(List<Entry> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Entry entry : entries) {
      byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
      byte[] stored = entry.deflated() ? deflate(entry.data()) : entry.data();
      CRC32 crc = new CRC32();
      crc.update(entry.data());
      int checksum = (int) crc.getValue() + entry.crcDelta();
      int method = entry.deflated() ? ZipEntry.DEFLATED : ZipEntry.STORED;
      int offset = out.size();

      ByteBuffer local = little(30 + name.length);
      local.putInt(LOCAL_HEADER).putShort((short) 20).putShort((short) 0x0800);
      local.putShort((short) method).putShort((short) 0).putShort((short) 0x21);
      local.putInt(checksum).putInt(stored.length).putInt(entry.data().length);
      local.putShort((short) name.length).putShort((short) 0).put(name);
      out.writeBytes(local.array());
      out.writeBytes(stored);

      ByteBuffer header = little(46 + name.length + entry.comment().length);
      header.putInt(CENTRAL_HEADER).putShort((short) MADE_BY_UNIX).putShort((short) 20);
      header.putShort((short) 0x0800).putShort((short) method);
      header.putShort((short) 0).putShort((short) 0x21);
      header.putInt(checksum).putInt(stored.length);
      header.putInt((int) (entry.data().length + entry.centralSizeDelta()));
      header.putShort((short) name.length).putShort((short) 0);
      header.putShort((short) entry.comment().length).putShort((short) 0).putShort((short) 0);
      header.putInt(entry.symlink() ? UNIX_SYMLINK_MODE << 16 : 0100644 << 16);
      header.putInt(offset).put(name).put(entry.comment());
      central.writeBytes(header.array());
    }
    int centralOffset = out.size();
    out.writeBytes(central.toByteArray());
    ByteBuffer end = little(22);
    end.putInt(END_OF_CENTRAL_DIRECTORY).putShort((short) 0).putShort((short) 0);
    end.putShort((short) entries.size()).putShort((short) entries.size());
    end.putInt(central.size()).putInt(centralOffset).putShort((short) 0);
    out.writeBytes(end.array());
    return out.toByteArray();
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] deflate(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }
}
