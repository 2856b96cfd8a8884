package dev.attnviz.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.ModelSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The same mistakes in model options, with the one reason and message every backend must give for
 * them. Each backend runs them through its own factory, so the backends cannot drift apart again.
 */
public final class ModelOptionMistakes {

  /**
   * One mistake.
   *
   * @param options the options set
   * @param reason the reason every backend gives
   * @param message the message every backend gives
   */
  public record Mistake(Map<String, String> options, Reason reason, String message) {}

  /** The mistakes, each with its expected failure. */
  public static final List<Mistake> ALL =
      List.of(
          new Mistake(
              Map.of(ModelSource.ATTENTION_PATTERN, "(unclosed(?<layer>\\d+)"),
              Reason.MODEL_INVALID,
              "The model option attentionPattern = '(unclosed(?<layer>\\d+)' is not a valid"
                  + " regular expression: Unclosed group."),
          new Mistake(
              Map.of(ModelSource.ATTENTION_PATTERN, "layer(\\d+)/Softmax"),
              Reason.MODEL_INVALID,
              "The model option attentionPattern = 'layer(\\d+)/Softmax' has no group for the layer"
                  + " index. Mark it with (?<layer>\\d+), e.g."
                  + " '/blocks\\.(?<layer>\\d+)/attn/Softmax_output_0'."),
          new Mistake(
              Map.of(ModelSource.QUERY_PATTERN, "q(?<layer>\\d+)"),
              Reason.MODEL_INVALID,
              "The model option queryPattern needs the option keyPattern too: queries and keys"
                  + " come together. Set both, or neither."),
          new Mistake(
              Map.of(ModelSource.CAUSAL, "yes"),
              Reason.MODEL_INVALID,
              "The model option causal is 'yes'; use true or false."),
          new Mistake(
              Map.of(ModelSource.MAX_TOKENS, "0.5"),
              Reason.MODEL_INVALID,
              "The model option maxTokens is '0.5'; use a whole number of at least 2."),
          new Mistake(
              Map.of(ModelSource.TOKENIZER, "/no/such/tokenizer.json"),
              Reason.MODEL_NOT_FOUND,
              "The model option tokenizer = '/no/such/tokenizer.json' names a file that does not"
                  + " exist."));

  private ModelOptionMistakes() {}

  /** Opens {@code model} with each mistake and checks the reason and message. */
  public static void assertSameErrors(AttentionProviderFactory factory, Path model) {
    for (Mistake mistake : ALL) {
      ModelSource source = ModelSource.of(model);
      for (Map.Entry<String, String> option : mistake.options().entrySet()) {
        source = source.withOption(option.getKey(), option.getValue());
      }
      ModelSource withMistake = source;
      AttentionException e =
          assertThrows(AttentionException.class, () -> factory.open(withMistake).close());
      assertEquals(mistake.reason(), e.reason(), mistake.message());
      assertEquals(mistake.message(), e.getMessage());
    }
  }

  /** An option no backend knows is refused, naming the backend and the known options. */
  public static void assertUnknownOptionRefused(AttentionProviderFactory factory, Path model) {
    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> factory.open(ModelSource.of(model).withOption("atentionPattern", "x")).close());
    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertEquals(
        true,
        e.getMessage()
                .startsWith(
                    "The model option atentionPattern is unknown to the "
                        + factory.name()
                        + " backend. Known options: attentionPattern, causal, keyPattern,")
            && e.getMessage().contains("maxTokens, queryPattern")
            && e.getMessage().endsWith("tokenizer."),
        e.getMessage());
  }
}
