package dev.attnviz.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code config.json} says about how a model makes sequences: whether it is an encoder-decoder
 * model, whether it keeps its language-model head, and its special ids.
 *
 * @param encoderDecoder {@code is_encoder_decoder}
 * @param languageModel whether {@code architectures} names a class with a language-model head
 *     ({@code …LMHeadModel}, {@code …ForCausalLM}, {@code …ForConditionalGeneration})
 * @param decoderStart {@code decoder_start_token_id}, if set
 * @param eos {@code eos_token_id}, if set
 */
record SequenceConfig(
    boolean encoderDecoder, boolean languageModel, OptionalLong decoderStart, OptionalLong eos) {

  /** The config of a model without {@code config.json}: neither encoder-decoder nor a head. */
  static final SequenceConfig NONE =
      new SequenceConfig(false, false, OptionalLong.empty(), OptionalLong.empty());

  /**
   * Reads {@code config.json}, if there is one.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if it is not valid JSON
   */
  static SequenceConfig read(Optional<Path> config) throws AttentionException {
    if (config.isEmpty()) {
      return NONE;
    }
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(config.get().toFile());
    } catch (IOException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot read " + config.get() + ": it is not valid JSON (" + e.getMessage() + ").",
          e);
    }
    boolean head = false;
    for (JsonNode architecture : json.path("architectures")) {
      String name = architecture.asText();
      head |=
          name.endsWith("LMHeadModel")
              || name.endsWith("ForCausalLM")
              || name.endsWith("ForConditionalGeneration");
    }
    return new SequenceConfig(
        json.path("is_encoder_decoder").asBoolean(false),
        head,
        id(json, "decoder_start_token_id"),
        id(json, "eos_token_id"));
  }

  private static OptionalLong id(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value != null && value.canConvertToLong()
        ? OptionalLong.of(value.asLong())
        : OptionalLong.empty();
  }
}
