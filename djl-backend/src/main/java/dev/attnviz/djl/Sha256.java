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

/** SHA-256 checksums as lower-case hex strings. */
final class Sha256 {

  private Sha256() {}

  /** Returns the checksum of a file's content. */
  static String of(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 20];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Returns the checksum of a string's UTF-8 bytes. */
  static String of(String text) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Copies {@code in} to {@code out} and returns the checksum of the bytes copied.
   *
   * @return the hex checksum
   */
  static String copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest digest = newDigest();
    DigestOutputStream hashing = new DigestOutputStream(out, digest);
    in.transferTo(hashing);
    hashing.flush();
    return HexFormat.of().formatHex(digest.digest());
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
