package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.io.AttentionFiles;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that read attention from a saved file, and pick a kind of it. */
final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Attention file: attnviz JSON or NumPy .npz (docs/FORMAT.md).")
  Path input;

  @Option(
      names = "--tokens",
      paramLabel = "FILE.txt",
      description = "Tokens for an .npz without them, one per line (UTF-8).")
  Path tokens;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Attention kind: self, encoder, decoder or cross (default: the first present).")
  String kind;

  /** Whether a file was given. */
  boolean hasInput() {
    return input != null;
  }

  /** Reads the file. */
  AttentionData read() throws AttentionException {
    if (input.toString().isEmpty()) {
      // Path.of("") is the working folder; the user named no file.
      throw new ParameterException(command.commandLine(), "--input is empty; name a file");
    }
    return tokens == null ? AttentionFiles.read(input) : AttentionFiles.read(input, tokens);
  }

  /**
   * The chosen kind, checked against {@code data}.
   *
   * @throws ParameterException (a usage error) naming the kinds if it is unknown or absent
   */
  AttentionKind kind(AttentionData data) {
    if (kind == null) {
      return data.kindList().get(0);
    }
    try {
      AttentionKind chosen = AttentionKind.fromId(kind);
      data.attention(chosen);
      return chosen;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--kind: " + e.getMessage());
    }
  }
}
