package dev.attnviz.djl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Checksums of files: SHA-256 (hex) to name cache entries, CRC-32 to check that an unpacked file is
 * still intact. CRC-32 runs in native code and reads a 90 MB model in a few tens of milliseconds
 * even in a freshly started JVM, where SHA-256 takes several times longer.
 */
final class Checksums {

  /**
   * Both checksums of some bytes.
   *
   * @param sha256 the SHA-256, lower-case hex
   * @param crc32 the CRC-32
   */
  record Digests(String sha256, long crc32) {}

  private static final int BUFFER = 1 << 20;

  private Checksums() {}

  /** Returns the SHA-256 of a file's content. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns the SHA-256 of a string's UTF-8 bytes. */
  static String sha256(String text) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns the CRC-32 of a file's content. */
  static long crc32(Path file) throws IOException {
    CRC32 crc = new CRC32();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        crc.update(buffer, 0, n);
      }
    }
    return crc.getValue();
  }

  /** Copies {@code in} to {@code out} and returns both checksums of the bytes copied. */
  static Digests copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = newDigest();
    CRC32 crc = new CRC32();
    OutputStream both = new CheckedOutputStream(new DigestOutputStream(out, digest), crc);
    in.transferTo(both);
    both.flush();
    return new Digests(HexFormat.of().formatHex(digest.digest()), crc.getValue());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256; its absence is a broken runtime.
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }
}
