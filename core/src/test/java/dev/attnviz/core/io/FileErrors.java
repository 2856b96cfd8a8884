package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Runs a read that must fail and returns its message after the checks every failure must pass. */
final class FileErrors {

  private FileErrors() {}

  /**
   * Asserts that {@code read} fails with {@link AttentionException.Reason#FILE_INVALID} and a
   * message that names {@code file}, and returns the message.
   */
  static String messageOf(Path file, Executable read) {
    AttentionException e = assertThrows(AttentionException.class, read);
    assertEquals(AttentionException.Reason.FILE_INVALID, e.reason(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("Cannot open " + file + ": "),
        () -> "message does not name the file: " + e.getMessage());
    return e.getMessage();
  }

  /** Asserts that {@code message} contains every one of {@code parts}. */
  static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), () -> "expected '" + part + "' in: " + message);
    }
  }
}
