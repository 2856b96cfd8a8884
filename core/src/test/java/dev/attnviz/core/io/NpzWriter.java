package dev.attnviz.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds {@code .npz} archives for tests: each array is a {@code <key>.npy} entry, stored (as
 * {@code numpy.savez}) or deflated (as {@code numpy.savez_compressed}). Test-only.
 */
final class NpzWriter {

  private final Map<String, byte[]> arrays = new LinkedHashMap<>();

  /** Adds an array under {@code key} (the entry {@code key.npy}). */
  NpzWriter put(String key, byte[] npy) {
    arrays.put(key, npy);
    return this;
  }

  /** The archive with stored entries, as {@code numpy.savez} writes. */
  byte[] stored() {
    return zip(false);
  }

  /** The archive with deflated entries, as {@code numpy.savez_compressed} writes. */
  byte[] deflated() {
    return zip(true);
  }

  private byte[] zip(boolean deflate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> array : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(array.getKey() + ".npy");
        byte[] data = array.getValue();
        if (deflate) {
          entry.setMethod(ZipEntry.DEFLATED);
        } else {
          CRC32 crc = new CRC32();
          crc.update(data);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(data.length);
          entry.setCompressedSize(data.length);
          entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
