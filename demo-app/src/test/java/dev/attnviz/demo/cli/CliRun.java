package dev.attnviz.demo.cli;

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

  @Override
  public String toString() {
    return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
