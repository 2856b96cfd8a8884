package dev.attnviz.core.io;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What is wrong with a data file and what to do about it, before the file's name is known to the
 * code that finds the problem. The public entry points turn it into an {@link AttentionException}
 * naming the file.
 */
final class InvalidFileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String advice;

  InvalidFileException(String problem, String advice) {
    this(problem, advice, null);
  }

  InvalidFileException(String problem, String advice, Throwable cause) {
    super(problem, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.advice = Objects.requireNonNull(advice, "advice");
  }

  /**
   * Wraps a validation failure of the data model, whose message already says precisely what does
   * not fit.
   *
   * @param where what was being built, e.g. {@code "attention[0]"}; prefixed to the message
   */
  static InvalidFileException wrap(String where, IllegalArgumentException e, String advice) {
    return new InvalidFileException(where + ": " + e.getMessage(), advice, e);
  }

  /**
   * The message of a low-level failure, for a parenthesis in a user message: some, such as the
   * {@link java.io.EOFException} of a zip whose records point past its end, have none.
   */
  static String detail(Exception e) {
    String message = e.getMessage();
    if (message != null && !message.isBlank()) {
      return message;
    }
    return e instanceof java.io.EOFException
        ? "it ends before its own records say it should"
        : e.getClass().getSimpleName();
  }

  /** What is wrong, without the file name. */
  String problem() {
    return problem;
  }

  /** What the user can do. */
  String advice() {
    return advice;
  }

  /** The user-facing exception for {@code file}. */
  AttentionException toAttentionException(Path file) {
    return new AttentionException(
        Reason.FILE_INVALID,
        // The problem may quote the file's content (names, keys, text Jackson saw).
        SafeText.escapeControls("Cannot open " + file + ": " + problem + ". " + advice),
        getCause());
  }
}
