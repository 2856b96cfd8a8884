package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading config.json and tokenizer_config.json, and choosing the token limit. */
class ModelConfigTest {

  @TempDir Path temp;

  private ModelConfig read(String config, String tokenizerConfig) throws Exception {
    Optional<Path> configFile =
        config == null
            ? Optional.empty()
            : Optional.of(Files.writeString(temp.resolve("c"), config));
    Optional<Path> tokenizerFile =
        tokenizerConfig == null
            ? Optional.empty()
            : Optional.of(Files.writeString(temp.resolve("t"), tokenizerConfig));
    return ModelConfig.read(
        new ModelFiles(
            "m", temp.resolve("m.onnx"), temp.resolve("t.json"), configFile, tokenizerFile));
  }

  @Test
  void readsBertAndGpt2Names() throws Exception {
    assertEquals(
        new ModelConfig(OptionalInt.of(12), OptionalInt.of(512), OptionalInt.empty()),
        read("{\"num_attention_heads\": 12, \"max_position_embeddings\": 512}", null));
    assertEquals(
        new ModelConfig(OptionalInt.of(12), OptionalInt.of(1024), OptionalInt.empty()),
        read("{\"n_head\": 12, \"n_positions\": 1024}", null));
  }

  @Test
  void tokenizerLimitFirstThenConfigThenGraphNeverBeyondTheGraph() throws Exception {
    ModelConfig roberta = read("{\"max_position_embeddings\": 514}", "{\"model_max_length\": 512}");
    ModelConfig unlimitedTokenizer =
        read("{\"max_position_embeddings\": 1024}", "{\"model_max_length\": 1e30}");
    ModelConfig nothing = read(null, null);

    assertEquals(512, roberta.maxTokens(514));
    assertEquals(1024, unlimitedTokenizer.maxTokens(0));
    assertEquals(256, unlimitedTokenizer.maxTokens(256));
    assertEquals(128, nothing.maxTokens(128));
    assertEquals(ModelConfig.FALLBACK_MAX_TOKENS, nothing.maxTokens(0));
  }
}
