package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/** Turns a failure into the one line a command-line user sees. */
final class CliErrors {

  private CliErrors() {}

  static String describe(CommandLine failed, Exception exception) {
    return failed.getCommandSpec().qualifiedName() + ": " + message(exception);
  }

  private static String message(Exception exception) {
    if (exception instanceof AttentionException) {
      return exception.getMessage();
    }
    if (exception instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (exception instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
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
