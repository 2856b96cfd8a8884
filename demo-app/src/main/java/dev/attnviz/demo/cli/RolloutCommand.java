package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.demo.OutputFiles;
import dev.attnviz.swing.export.ShownMatrix;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attnviz rollout}: the attention rollout over all layers, as a CSV matrix. */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = {
      "Write the attention rollout (Abnar & Zuidema 2020) after the last layer as CSV:",
      "a header row of key tokens, then one row per query token."
    })
final class RolloutCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Output file.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!input.hasInput()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--input=FILE'");
    }
    AttentionData data = input.read();
    Rollout rollout = Rollout.of(data, input.kind(data));
    Matrix result = rollout.result();
    Tokens tokens = rollout.tokens();
    float[] values = new float[result.rows() * result.cols()];
    for (int i = 0; i < result.rows(); i++) {
      for (int j = 0; j < result.cols(); j++) {
        values[i * result.cols() + j] = (float) result.get(i, j);
      }
    }
    OutputFiles.writeCsv(
        new ShownMatrix(
            "rollout after layer " + (rollout.layerCount() - 1),
            tokens.strings(),
            tokens.strings(),
            values),
        out);
    return Cli.OK;
  }
}
