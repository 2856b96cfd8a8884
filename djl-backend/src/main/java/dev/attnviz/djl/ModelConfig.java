package dev.attnviz.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The few settings read from a Hugging Face {@code config.json} and {@code tokenizer_config.json}.
 * Both files are optional; every setting may be absent.
 *
 * @param heads attention heads per layer ({@code num_attention_heads}, or {@code n_head} for GPT-2)
 * @param maxPositions positions the model was trained for ({@code max_position_embeddings}, or
 *     {@code n_positions} for GPT-2)
 * @param tokenizerMaxLength the tokenizer's {@code model_max_length}, if it is a real limit
 */
record ModelConfig(OptionalInt heads, OptionalInt maxPositions, OptionalInt tokenizerMaxLength) {

  /** Used when neither the files nor the graph say how long an input may be (BERT's limit). */
  static final int FALLBACK_MAX_TOKENS = 512;

  /** Hugging Face writes a huge {@code model_max_length} (1e30) when there is no limit. */
  private static final long UNLIMITED = 1_000_000;

  /** Reads the config files of {@code files}; absent files give absent settings. */
  static ModelConfig read(ModelFiles files) throws AttentionException {
    Optional<JsonNode> config = json(files.config());
    Optional<JsonNode> tokenizerConfig = json(files.tokenizerConfig());
    return new ModelConfig(
        config.map(c -> firstInt(c, "num_attention_heads", "n_head")).orElse(OptionalInt.empty()),
        config
            .map(c -> firstInt(c, "max_position_embeddings", "n_positions"))
            .orElse(OptionalInt.empty()),
        tokenizerMaxLength(tokenizerConfig, files));
  }

  /**
   * {@code model_max_length}, if it is a real limit. Hugging Face's "no limit" placeholder (about
   * 1e30) counts as absent; anything else that is not a whole number of at least 2 is a broken
   * file.
   */
  private static OptionalInt tokenizerMaxLength(
      Optional<JsonNode> tokenizerConfig, ModelFiles files) throws AttentionException {
    JsonNode value = tokenizerConfig.map(c -> c.get("model_max_length")).orElse(null);
    if (value == null || value.isNull() || (value.isNumber() && value.asDouble() >= UNLIMITED)) {
      return OptionalInt.empty();
    }
    if (!value.isIntegralNumber() || value.asLong() < 2) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          files.tokenizerConfig().orElseThrow()
              + " says model_max_length is "
              + value
              + ", which is not a token count: it must be a whole number of at least 2. Correct"
              + " or remove it, or set the model option "
              + ModelSource.MAX_TOKENS
              + ".");
    }
    return OptionalInt.of(value.asInt());
  }

  /**
   * The most tokens one input may have: the tokenizer's {@code model_max_length}, else the config's
   * position count, else the rows of the graph's position table, else {@value
   * #FALLBACK_MAX_TOKENS}; never more than the graph's position table has rows.
   *
   * @param graphPositionLimit rows of the graph's position embedding table, or 0 if unknown
   */
  int maxTokens(int graphPositionLimit) {
    int limit;
    if (tokenizerMaxLength.isPresent()) {
      limit = tokenizerMaxLength.getAsInt();
    } else if (maxPositions.isPresent()) {
      limit = maxPositions.getAsInt();
    } else {
      limit = graphPositionLimit > 0 ? graphPositionLimit : FALLBACK_MAX_TOKENS;
    }
    return graphPositionLimit > 0 ? Math.min(limit, graphPositionLimit) : limit;
  }

  private static Optional<JsonNode> json(Optional<Path> file) throws AttentionException {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ObjectMapper().readTree(file.get().toFile()));
    } catch (JsonProcessingException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot read " + file.get() + ": it is not valid JSON (" + e.getMessage() + ").",
          e);
    } catch (IOException e) {
      throw ModelFiles.unreadable(file.get(), e);
    }
  }

  private static OptionalInt firstInt(JsonNode json, String... names) {
    for (String name : names) {
      JsonNode value = json.get(name);
      if (value != null
          && value.isNumber()
          && value.asDouble() > 0
          && value.asDouble() < UNLIMITED) {
        return OptionalInt.of(value.asInt());
      }
    }
    return OptionalInt.empty();
  }
}
