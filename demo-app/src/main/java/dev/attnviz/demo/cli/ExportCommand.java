package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attnviz export}: computes attention and writes the documented JSON format. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Compute attention with a backend and write it as attnviz JSON (docs/FORMAT.md).")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin ComputeOptions compute;

  @Option(names = "--out", paramLabel = "FILE.json", required = true, description = "Output file.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!compute.hasText()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--text=TEXT'");
    }
    AttentionData data = compute.compute(false);
    AttentionJson.write(data, out);
    data.truncation().ifPresent(t -> spec.commandLine().getErr().println(t.message()));
    return Cli.OK;
  }
}
