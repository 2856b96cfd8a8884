package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.testing.ModelOptionMistakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelOptionsTest {

  private static ModelOptions parse(Map<String, String> options) throws AttentionException {
    ModelSource source = ModelSource.of(Path.of("m"));
    for (Map.Entry<String, String> option : options.entrySet()) {
      source = source.withOption(option.getKey(), option.getValue());
    }
    return ModelOptions.parse(source, "test", Set.of("extra"));
  }

  @Test
  void everyMistakeGetsItsReasonAndMessage() {
    for (ModelOptionMistakes.Mistake mistake : ModelOptionMistakes.ALL) {
      AttentionException e = assertThrows(AttentionException.class, () -> parse(mistake.options()));
      assertEquals(mistake.reason(), e.reason(), mistake.message());
      assertEquals(mistake.message(), e.getMessage());
    }
  }

  @Test
  void validOptionsAreParsed(@TempDir Path temp) throws Exception {
    Path tokenizer = Files.writeString(temp.resolve("tokenizer.json"), "{}");
    ModelOptions options =
        parse(
            Map.of(
                ModelSource.ATTENTION_PATTERN,
                "a(?<layer>\\d+)",
                ModelSource.QUERY_PATTERN,
                "q(?<layer>\\d+)",
                ModelSource.KEY_PATTERN,
                "k(?<layer>\\d+)",
                ModelSource.CAUSAL,
                " TRUE ",
                ModelSource.MAX_TOKENS,
                "64",
                ModelSource.TOKENIZER,
                tokenizer.toString(),
                "extra",
                "x"));

    assertEquals("a(?<layer>\\d+)", options.attention().orElseThrow().pattern());
    assertEquals("q(?<layer>\\d+)", options.query().orElseThrow().pattern());
    assertEquals("k(?<layer>\\d+)", options.key().orElseThrow().pattern());
    assertEquals(true, options.causal().orElseThrow());
    assertEquals(64, options.maxTokens().getAsInt());
    assertEquals(tokenizer, options.tokenizer().orElseThrow());
    assertEquals("x", options.value("extra").orElseThrow());
  }

  @Test
  void queryAndKeyPatternsWithoutAnAttentionPatternAreAccepted() throws Exception {
    ModelOptions options =
        parse(
            Map.of(
                ModelSource.QUERY_PATTERN, "q(?<layer>\\d+)",
                ModelSource.KEY_PATTERN, "k(?<layer>\\d+)"));

    assertTrue(options.attention().isEmpty());
    assertTrue(options.query().isPresent());
  }

  @Test
  void unknownOptionIsRefusedListingTheKnownOnes() {
    AttentionException e =
        assertThrows(AttentionException.class, () -> parse(Map.of("atentionPattern", "x")));

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertEquals(
        "The model option atentionPattern is unknown to the test backend. Known options:"
            + " attentionPattern, causal, extra, keyPattern, maxTokens, queryPattern, tokenizer.",
        e.getMessage());
  }
}
