package dev.attnviz.core.io;

import dev.attnviz.core.Tensor4D;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The most bytes one byte of deflated data can unpack to: a deflate block repeats at most 258
   * bytes per code of at least two bits, so 1,032 to 1 (zlib's technical details say the same).
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  private static final Pattern BAD_METHOD = Pattern.compile("bad compression method: (\\d+)");

  /** Zip compression methods by their number in the zip specification (APPNOTE 4.4.5). */
  private static final Map<Integer, String> METHOD_NAMES =
      Map.of(
          9, "Deflate64",
          12, "bzip2",
          14, "LZMA",
          93, "Zstandard",
          95, "XZ",
          98, "PPMd",
          99, "AES encryption");

  private final ZipFile zip;
  private final Map<String, ZipEntry> entries;
  private final long fileBytes;
  private final Path file;
  private Map<String, Long> storedOffsets;

  private NpzArchive(ZipFile zip, Map<String, ZipEntry> entries, long fileBytes, Path file) {
    this.zip = zip;
    this.entries = entries;
    this.fileBytes = fileBytes;
    this.file = file;
  }

  /** Opens the archive and lists its arrays. */
  static NpzArchive open(Path file) throws InvalidFileException, IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw unsupportedEntry(e);
    } catch (EOFException e) {
      throw incomplete(e);
    }
    try {
      return new NpzArchive(zip, arrays(zip), Files.size(file), file);
    } catch (InvalidFileException | IOException e) {
      zip.close();
      throw e;
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

  /**
   * Names what {@link ZipFile} refused: it only reads stored and deflated entries without
   * encryption, and says so in its message; anything else is a damaged or cut archive.
   */
  private static InvalidFileException unsupportedEntry(ZipException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("encrypted entry")) {
      return new InvalidFileException(
          "it is an encrypted (password-protected) zip archive",
          "Unpack it with its password and save the arrays again with numpy.savez",
          e);
    }
    Matcher method = BAD_METHOD.matcher(message);
    if (method.find()) {
      int id = Integer.parseInt(method.group(1));
      return new InvalidFileException(
          "its entries are compressed with "
              + METHOD_NAMES.getOrDefault(id, "zip compression method " + id)
              + ", which attnviz does not read (only stored or deflated entries)",
          "Save it with numpy.savez or numpy.savez_compressed, or repack it with plain zip",
          e);
    }
    return incomplete(e);
  }

  /**
   * The central directory sits at the end: a cut file loses it first. Records that point past the
   * end of the file make ZipFile run out of bytes (EOFException) instead.
   */
  private static InvalidFileException incomplete(IOException e) {
    return new InvalidFileException(
        "it is not a complete .npz (zip) archive (" + InvalidFileException.detail(e) + ")",
        "The file is probably truncated; save it again and make sure it is copied completely",
        e);
  }

  private static Map<String, ZipEntry> arrays(ZipFile zip) throws InvalidFileException {
    Map<String, ZipEntry> entries = new TreeMap<>();
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry entry = all.nextElement();
      if (!entry.isDirectory() && entry.getName().endsWith(SUFFIX)) {
        String key = entry.getName().substring(0, entry.getName().length() - SUFFIX.length());
        // ZipFile opens an entry by name, and finds the last of equal names while listing gives
        // the first: a second entry would be read in place of the one whose sizes were checked.
        // NumPy never writes one.
        if (entries.putIfAbsent(key, entry) != null) {
          throw new InvalidFileException(
              "it holds two entries named " + entry.getName(),
              "The file is damaged or was altered; save it again with numpy.savez");
        }
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
      return new NpyArray(key, header, in, storedSize(entry));
    } catch (EOFException | ZipException e) {
      throw new InvalidFileException(
          key + SUFFIX + " is damaged (" + InvalidFileException.detail(e) + ")",
          "Save the file again and make sure it is copied completely",
          e);
    }
  }

  /**
   * Maps the data of an array whose entry is stored (not compressed) and whose values are C-ordered
   * float32, instead of copying it into the heap; returns null when the array cannot be mapped (it
   * is then read by copying). The mapped range is checked to lie inside the file and inside the
   * entry before anything is mapped.
   */
  Tensor4D mapFloats(NpyArray array, int d0, int d1, int d2, int d3) throws IOException {
    NpyHeader header = array.header();
    long elements = (long) d0 * d1 * d2 * d3;
    if (header.dtype().kind() != 'f'
        || header.dtype().itemSize() != Float.BYTES
        || header.fortranOrder()
        || elements == 0) {
      return null;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (storedOffsets == null) {
        storedOffsets = ZipDataOffsets.storedEntries(channel);
      }
      ZipEntry entry = entries.get(array.name());
      Long entryStart = storedOffsets.get(entry.getName());
      long bytes = elements * Float.BYTES;
      if (entryStart == null
          || entry.getMethod() != ZipEntry.STORED
          || header.length() + bytes > entry.getCompressedSize()
          || entryStart + header.length() + bytes > channel.size()) {
        return null;
      }
      if ((long) d2 * d3 * Float.BYTES > Tensor4D.MAX_ELEMENTS) {
        return null; // one matrix is larger than a mapping can be: read by copying
      }
      return Tensor4D.mapFile(
          file, entryStart + header.length(), header.dtype().order(), d0, d1, d2, d3);
    }
  }

  /**
   * What the entry can really hold: the size its record claims, but never more than its compressed
   * bytes (which cannot exceed the file) can unpack to.
   */
  private StoredSize storedSize(ZipEntry entry) {
    long compressed = entry.getCompressedSize();
    long real = compressed < 0 ? fileBytes : Math.min(compressed, fileBytes);
    boolean deflated = entry.getMethod() == ZipEntry.DEFLATED;
    return new StoredSize(entry.getSize(), real, deflated);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
