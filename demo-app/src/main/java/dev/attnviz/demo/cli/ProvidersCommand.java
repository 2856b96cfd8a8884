package dev.attnviz.demo.cli;

import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code attnviz providers}: lists the attention providers found on the class path. */
@Command(
    name = "providers",
    mixinStandardHelpOptions = true,
    description = "List the attention providers (backends) found, with their default models.")
final class ProvidersCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (AttentionProviderFactory factory : AttentionProviders.discover().factories()) {
      out.printf(
          "%-12s %s; default model %s; %s%n",
          factory.name(),
          factory.description(),
          factory.defaultModelName(),
          factory.capabilities());
    }
    return Cli.OK;
  }
}
