package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.io.AttentionFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that read attention from a saved file, and pick a kind of it. */
final class InputOptions {

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
    return tokens == null ? AttentionFiles.read(input) : AttentionFiles.read(input, tokens);
  }

  /**
   * The chosen kind, checked against {@code data}.
   *
   * @throws IllegalArgumentException naming the kinds present if the data lacks it
   */
  AttentionKind kind(AttentionData data) {
    if (kind == null) {
      return data.kindList().get(0);
    }
    AttentionKind chosen = AttentionKind.fromId(kind);
    data.attention(chosen);
    return chosen;
  }
}
