package dev.attnviz.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Properties;

/**
 * Remembers the SHA-256 of model files, so that opening an unchanged model again does not read it
 * in full: an entry in {@code <cache>/djl/checksums/} records a file's path, size, modification
 * time and file key (inode) with its checksum, and is trusted while all of them still match, as
 * build tools trust file stamps. Entries are written atomically; an unwritable cache only means the
 * checksum is computed every time.
 */
final class ChecksumMemo {

  private final Path folder;

  /** Creates a memo under the attnviz cache root. */
  ChecksumMemo(Path cacheRoot) {
    this.folder = cacheRoot.resolve("djl").resolve("checksums");
  }

  /** Returns the SHA-256 of {@code file}, from the memo if the file is unchanged. */
  String sha256(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    String stamp = stamp(absolute);
    Path entry = folder.resolve(Checksums.sha256(absolute.toString()) + ".properties");
    Properties recorded = read(entry);
    if (absolute.toString().equals(recorded.getProperty("path"))
        && stamp.equals(recorded.getProperty("stamp"))
        && recorded.getProperty("sha256") != null) {
      return recorded.getProperty("sha256");
    }
    String sha256 = Checksums.sha256(absolute);
    if (stamp.equals(stamp(absolute))) {
      Properties updated = new Properties();
      updated.setProperty("path", absolute.toString());
      updated.setProperty("stamp", stamp);
      updated.setProperty("sha256", sha256);
      try {
        CacheFiles.write(entry, out -> updated.store(out, "checksum of a model file"));
      } catch (IOException unwritable) {
        // Only a missed shortcut: the checksum is right, the next open computes it again.
        return sha256;
      }
    }
    return sha256;
  }

  private static String stamp(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return attributes.size() + " " + attributes.lastModifiedTime() + " " + attributes.fileKey();
  }

  private static Properties read(Path entry) {
    Properties properties = new Properties();
    if (Files.isRegularFile(entry)) {
      try (InputStream in = Files.newInputStream(entry)) {
        properties.load(in);
      } catch (IOException | IllegalArgumentException damaged) {
        // A damaged entry is recomputed and replaced.
        return new Properties();
      }
    }
    return properties;
  }
}
