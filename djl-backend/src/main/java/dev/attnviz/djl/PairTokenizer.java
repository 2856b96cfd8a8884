package dev.attnviz.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.RequestTokenizer;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Hugging Face tokenizer set up for attention: special tokens added, never padded, and truncated
 * only when the request allows it. A {@code tokenizer.json} may carry its own padding and
 * truncation (all-MiniLM-L6-v2's pads and cuts to 128); both are switched off, and overlong input
 * is measured first, then rejected or cut to the model's limit with {@code longest_first} (for a
 * pair, tokens come off the longer sentence first), as the request says.
 *
 * <p>Thread-safe: the native tokenizer is immutable once built.
 */
final class PairTokenizer implements AutoCloseable {

  private final HuggingFaceTokenizer whole;
  private final HuggingFaceTokenizer truncating;
  private final int maxTokens;

  private PairTokenizer(
      HuggingFaceTokenizer whole, HuggingFaceTokenizer truncating, int maxTokens) {
    this.whole = whole;
    this.truncating = truncating;
    this.maxTokens = maxTokens;
  }

  /**
   * Loads a {@code tokenizer.json}.
   *
   * @param file the tokenizer file
   * @param maxTokens the model's limit, special tokens included
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if the file cannot be loaded
   */
  static PairTokenizer open(Path file, int maxTokens) throws AttentionException {
    Map<String, String> options = new HashMap<>();
    options.put("addSpecialTokens", "true");
    options.put("padding", "false");
    options.put("modelMaxLength", String.valueOf(maxTokens));
    options.put("truncation", "false");
    HuggingFaceTokenizer whole = load(file, options);
    options.put("truncation", "true");
    options.put("maxLength", String.valueOf(maxTokens));
    try {
      return new PairTokenizer(whole, load(file, options), maxTokens);
    } catch (AttentionException | RuntimeException e) {
      whole.close();
      throw e;
    }
  }

  private static HuggingFaceTokenizer load(Path file, Map<String, String> options)
      throws AttentionException {
    try {
      return HuggingFaceTokenizer.newInstance(file, options);
    } catch (IOException | RuntimeException e) {
      // The native library reports a malformed file as a RuntimeException.
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot load the tokenizer "
              + file
              + " ("
              + e.getMessage()
              + "). It must be a Hugging Face tokenizer.json, as saved by"
              + " tokenizer.save_pretrained().",
          e);
    }
  }

  /** The most tokens one input may have. */
  int maxTokens() {
    return maxTokens;
  }

  /**
   * Tokenizes a request.
   *
   * @param request the text (and second text) with the overflow policy
   * @param modelName for messages
   * @throws AttentionException with {@link Reason#INPUT_EMPTY} if the text is blank or yields no
   *     token, or {@link Reason#INPUT_TOO_LONG} if it is too long and truncation is not allowed
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

  /** Releases both native tokenizers. Idempotent. */
  @Override
  public void close() {
    whole.close();
    truncating.close();
  }
}
