package dev.attnviz.demo.cli;

import dev.attnviz.core.io.SafeText;
import dev.attnviz.demo.HeapAdvice;
import dev.attnviz.demo.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;

/**
 * Runs the command line: {@code export}, {@code render}, {@code stats}, {@code rollout} and {@code
 * providers}. Exit codes: 0 success, 2 usage error, 1 any other failure. Errors are one plain line
 * on stderr; {@code --verbose} adds the stack trace.
 */
public final class Cli {

  /** Exit code for success. */
  public static final int OK = 0;

  /** Exit code for a failure that is not a usage error. */
  public static final int FAILURE = 1;

  /** Exit code for a usage error (unknown option, missing or invalid value). */
  public static final int USAGE = 2;

  private Cli() {}

  /**
   * Runs {@code args} and returns the exit code.
   *
   * @param args the command line, without the program name
   * @param out where results and help go
   * @param err where error messages go
   * @return the exit code: {@link #OK}, {@link #USAGE} or {@link #FAILURE}
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RootCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(Cli::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println(CliErrors.describe(failed, exception));
          if (RootCommand.isVerbose(failed)) {
            exception.printStackTrace(failed.getErr());
          }
          return CliErrors.isUsage(exception) ? USAGE : FAILURE;
        });
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // Whatever held the memory is unreachable by now, so a line can still be printed.
      err.println(
          "attnviz: not enough memory for this input ("
              + e.getMessage()
              + "); give Java more, e.g. "
              + HeapAdvice.command()
              + ", or use a smaller input");
      code = FAILURE;
    }
    // PrintWriter keeps write errors to itself; a full disk or a closed pipe behind standard
    // output would otherwise end in success with the output lost.
    if (out.checkError()) {
      err.println(
          "attnviz: could not write to standard output (full disk or closed pipe?);"
              + " the output is incomplete");
      code = code == OK ? FAILURE : code;
    }
    err.flush();
    return code;
  }

  private static int usageError(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    failed
        .getErr()
        .println(
            SafeText.escapeControls(
                failed.getCommandSpec().qualifiedName()
                    + ": "
                    + exception.getMessage()
                    + " (see '"
                    + failed.getCommandSpec().qualifiedName()
                    + " --help')"));
    return USAGE;
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"attnviz " + Version.current()};
    }
  }
}
