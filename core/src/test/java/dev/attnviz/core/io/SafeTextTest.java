package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages quote file content, but never as commands to the user's terminal. */
class SafeTextTest {

  @TempDir Path dir;

  @Test
  void escapesControlsAndBidiOverridesAndKeepsLetters() {
    assertEquals(
        "a\\x1b]0;pwned\\x07b\\x0a\\u202eé\\x9bx",
        SafeText.escapeControls("a\u001b]0;pwned\u0007b\n\u202eé\u009bx"));
    String plain = "Ünïcödé tokens ▁the ##ing";
    assertTrue(plain == SafeText.escapeControls(plain), "unchanged text is not copied");
  }

  /**
   * The case: an archive whose entry names hold an escape sequence that clears the screen
   * and retitles the terminal, quoted by the message that lists the arrays.
   */
  @Test
  void aFileCannotSendEscapeSequencesThroughAMessage() throws Exception {
    Path file =
        Files.write(
            dir.resolve("escapes.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of(
                        "\u001b[2J\u001b]0;owned\u0007.npy", NpyWriter.int64(1), false))));

    String message = FileErrors.messageOf(file, () -> AttentionFiles.read(file));

    assertTrue(message.contains("\\x1b[2J\\x1b]0;owned\\x07"), message);
    assertFalse(message.chars().anyMatch(Character::isISOControl), message);
  }
}
