package dev.attnviz.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The arrays of an {@code .npz} file: a zip archive (stored or deflated) of {@code .npy} files, as
 * {@code numpy.savez} and {@code numpy.savez_compressed} write it. Arrays are opened by key, the
 * file name without {@code .npy}.
 */
final class NpzArchive implements Closeable {

  private static final String SUFFIX = ".npy";
  private static final int BUFFER_BYTES = 1 << 16;

  private final ZipFile zip;
  private final Map<String, ZipEntry> entries;

  private NpzArchive(ZipFile zip, Map<String, ZipEntry> entries) {
    this.zip = zip;
    this.entries = entries;
  }

  /** Opens the archive and lists its arrays. */
  static NpzArchive open(Path file) throws InvalidFileException, IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException | EOFException e) {
      // The central directory sits at the end: a cut file loses it first. Records that point past
      // the end of the file make ZipFile run out of bytes (EOFException) instead.
      throw new InvalidFileException(
          "it is not a complete .npz (zip) archive (" + InvalidFileException.detail(e) + ")",
          "The file is probably truncated; save it again and make sure it is copied completely",
          e);
    }
    try {
      return new NpzArchive(zip, arrays(zip));
    } catch (IllegalArgumentException e) {
      zip.close();
      // ZipFile decodes names and comments as UTF-8 when listing, and reports bad ones this way.
      throw new InvalidFileException(
          "it is not a valid .npz (zip) archive: an entry is not valid text ("
              + InvalidFileException.detail(e)
              + ")",
          "The file is damaged; save it again with numpy.savez",
          e);
    }
  }

  private static Map<String, ZipEntry> arrays(ZipFile zip) {
    Map<String, ZipEntry> entries = new TreeMap<>();
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry entry = all.nextElement();
      if (!entry.isDirectory() && entry.getName().endsWith(SUFFIX)) {
        String key = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
        entries.putIfAbsent(key, entry);
      }
    }
    return entries;
  }

  /** The keys of all arrays, sorted. */
  Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /** Whether an array with this key is present. */
  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Opens the array with this key and reads its header. */
  NpyArray open(String key) throws InvalidFileException, IOException {
    ZipEntry entry = entries.get(key);
    if (entry == null) {
      throw new IllegalArgumentException("no array " + key);
    }
    InputStream in = new BufferedInputStream(zip.getInputStream(entry), BUFFER_BYTES);
    try {
      NpyHeader header = NpyHeader.read(in, key + SUFFIX);
      return new NpyArray(key, header, in, entry.getSize());
    } catch (EOFException | ZipException e) {
      throw new InvalidFileException(
          key + SUFFIX + " is damaged (" + InvalidFileException.detail(e) + ")",
          "Save the file again and make sure it is copied completely",
          e);
    }
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
