package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.io.SafeText;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Turns a failure into the one line a command-line user sees. */
final class CliErrors {

  private CliErrors() {}

  /** Whether the failure is the user's choice of option rather than the work: exit code 2. */
  static boolean isUsage(Exception exception) {
    return exception instanceof AttentionException e
        && e.reason() == AttentionException.Reason.PROVIDER_NOT_FOUND;
  }

  static String describe(CommandLine failed, Exception exception) {
    // Messages may quote a file's content or a path; a terminal must not obey what they hold.
    return SafeText.escapeControls(
        failed.getCommandSpec().qualifiedName() + ": " + message(exception));
  }

  private static String message(Exception exception) {
    if (exception instanceof AttentionException) {
      return exception.getMessage();
    }
    if (exception instanceof NoSuchFileException missing) {
      return missing.getReason() == null
          ? "no such file: " + missing.getFile()
          : missing.getFile() + ": " + missing.getReason();
    }
    if (exception instanceof AccessDeniedException denied) {
      return "permission denied: "
          + denied.getFile()
          + (denied.getReason() == null ? "" : " (" + denied.getReason() + ")");
    }
    if (exception instanceof FileSystemException failed && failed.getReason() != null) {
      // AtomicFiles and the readers name the path and say what went wrong.
      return failed.getMessage();
    }
    if (exception instanceof IOException) {
      return "cannot read or write a file: " + exception.getMessage();
    }
    if (exception instanceof IllegalArgumentException) {
      return exception.getMessage();
    }
    return "unexpected error (" + exception + "); run again with --verbose for details";
  }
}
