package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line: exit code, stdout and stderr.
 *
 * @param code the exit code
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr
 */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The lines attnviz itself wrote to stderr (native libraries may add their own). */
  String errorLines() {
    StringBuilder lines = new StringBuilder();
    for (String line : err.split("\n")) {
      if (line.startsWith("attnviz")) {
        lines.append(line).append('\n');
      }
    }
    return lines.toString();
  }

  /** Asserts a usage error (exit 2) told in one line that contains {@code message}. */
  void assertUsage(String message) {
    assertEquals(Cli.USAGE, code, this::toString);
    assertOneLine(message);
  }

  /** Asserts a failure (exit 1) told in one line that contains {@code message}. */
  void assertFailure(String message) {
    assertEquals(Cli.FAILURE, code, this::toString);
    assertOneLine(message);
  }

  /** Asserts one line of attnviz's own on stderr, containing {@code message}, and no trace. */
  void assertOneLine(String message) {
    String lines = errorLines();
    assertEquals(1, lines.split("\n").length, this::toString);
    assertTrue(lines.contains(message), this::toString);
    assertFalse(err.contains("\tat "), () -> "no stack trace: " + this);
  }

  @Override
  public String toString() {
    return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
