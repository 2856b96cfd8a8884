package dev.attnviz.demo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code attnviz}: the command line's root; the commands do the work. */
@Command(
    name = "attnviz",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = {
      "Transformer attention from real models, as data files and figures.",
      "Without arguments, java -jar attnviz.jar opens the desktop app."
    },
    subcommands = {
      ExportCommand.class,
      RenderCommand.class,
      StatsCommand.class,
      RolloutCommand.class,
      ProvidersCommand.class,
      CommandLine.HelpCommand.class
    })
final class RootCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  /** Whether {@code --verbose} was given to the failed command or any parent. */
  static boolean isVerbose(CommandLine failed) {
    for (CommandLine c = failed; c != null; c = c.getParent()) {
      if (c.getCommand() instanceof RootCommand root && root.verbose) {
        return true;
      }
      if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
