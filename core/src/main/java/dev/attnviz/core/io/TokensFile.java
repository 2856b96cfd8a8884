package dev.attnviz.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sidecar text file of tokens for an {@code .npz} without a {@code tokens} array: UTF-8, one
 * token per line, in order. Line ends may be {@code \n} or {@code \r\n}; a byte order mark at the
 * start and empty lines at the end are ignored; any other line, even an empty one, is a token.
 */
final class TokensFile {

  /** Far more tokens than any attention matrix that fits in memory can have. */
  private static final long MAX_BYTES = 64L << 20;

  private TokensFile() {}

  /** Reads the tokens of {@code file}. */
  static List<String> read(Path file) throws InvalidFileException, IOException {
    if (!Files.exists(file)) {
      throw new InvalidFileException(
          "the tokens file " + file + " does not exist", "Check the path of the tokens file");
    }
    if (Files.isDirectory(file)) {
      throw new InvalidFileException(
          "the tokens file " + file + " is a folder", "Give a text file with one token per line");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidFileException(
          "the tokens file "
              + file
              + " is not a regular file but a pipe, FIFO or device, which attnviz does not read",
          "Save the tokens to a text file first, one per line");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new InvalidFileException(
          "the tokens file " + file + " is larger than " + (MAX_BYTES >> 20) + " MB",
          "Give a text file with one token per line");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(
          "the tokens file " + file + " is not UTF-8 text",
          "Save it as UTF-8, e.g. open(path, \"w\", encoding=\"utf-8\") in Python",
          e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> tokens = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      tokens.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isEmpty()) {
      tokens.remove(tokens.size() - 1);
    }
    if (tokens.isEmpty()) {
      throw new InvalidFileException(
          "the tokens file " + file + " is empty", "Write one token per line");
    }
    return tokens;
  }
}
