package dev.attnviz.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extracts a zip stream into a folder, refusing entries whose names would land outside it.
 *
 * <p>{@link ZipInputStream} checks each entry's CRC-32 as it is read, so a damaged archive fails
 * here instead of producing a silently corrupt model.
 */
final class ZipUnpacker {

  private ZipUnpacker() {}

  /**
   * Extracts every entry of {@code zip} into {@code target}, which must exist.
   *
   * @return how many files were extracted
   * @throws UnsafeZipEntryException if an entry name is absolute or climbs out with {@code ..}
   * @throws IOException if reading or writing fails, or the archive is damaged or empty
   */
  static int unpack(InputStream zip, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    int files = 0;
    try (ZipInputStream in = new ZipInputStream(zip)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path destination = resolveSafely(root, entry.getName());
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else {
          Files.createDirectories(destination.getParent());
          Files.copy(in, destination);
          files++;
        }
      }
    }
    if (files == 0) {
      throw new IOException("the archive holds no files (is it a zip file?)");
    }
    return files;
  }

  /**
   * Returns where an entry named {@code name} goes inside {@code root}.
   *
   * @throws UnsafeZipEntryException if the name is absolute or escapes {@code root}
   */
  static Path resolveSafely(Path root, String name) throws UnsafeZipEntryException {
    String portable = name.replace('\\', '/');
    boolean absolute =
        portable.startsWith("/") || (portable.length() > 1 && portable.charAt(1) == ':');
    boolean climbs = ("/" + portable + "/").contains("/../");
    Path destination = root.resolve(portable).normalize();
    if (absolute || climbs || !destination.startsWith(root) || destination.equals(root)) {
      throw new UnsafeZipEntryException(name);
    }
    return destination;
  }

  /** A zip entry whose name would write outside the target folder ("zip slip"). */
  static final class UnsafeZipEntryException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsafeZipEntryException(String name) {
      super("refusing zip entry '" + name + "': its name points outside the target folder");
    }
  }
}
