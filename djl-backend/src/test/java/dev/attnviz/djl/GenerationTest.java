package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generation's edges: cancelling, models without a head, targets where there is no decoder. */
class GenerationTest {

  @TempDir static Path cache;

  private static AttentionProvider open(String model) throws AttentionException {
    return new DjlProviderFactory(cache).open(ModelSource.of(HfExports.folder(model)));
  }

  @Test
  void anInterruptStopsGenerationAfterTheCurrentToken() throws Exception {
    List<String> heard = new ArrayList<>();
    try (AttentionProvider provider = open("gpt2-tiny-lm")) {
      AttentionRequest request =
          AttentionRequest.builder()
              .setTextA("The cat sat")
              .optMaxNewTokens(50)
              .optGenerationListener(
                  (n, max, token) -> {
                    heard.add(token);
                    if (n == 3) {
                      Thread.currentThread().interrupt();
                    }
                  })
              .build();

      AttentionException e =
          assertThrows(AttentionException.class, () -> provider.compute(request));

      assertEquals(Reason.CANCELLED, e.reason());
      assertEquals(3, heard.size());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void modelsWithoutAHeadOrADecoderSaySo() throws Exception {
    try (AttentionProvider gpt2 = open("gpt2-tiny-hf");
        AttentionProvider bart = open("bart-tiny-hf")) {
      AttentionException generate =
          assertThrows(
              AttentionException.class,
              () ->
                  gpt2.compute(
                      AttentionRequest.builder().setTextA("The cat").optMaxNewTokens(2).build()));
      AttentionException target =
          assertThrows(
              AttentionException.class,
              () ->
                  gpt2.compute(
                      AttentionRequest.builder().setTextA("The cat").optTarget("Le chat").build()));
      AttentionException derived =
          assertThrows(
              AttentionException.class,
              () ->
                  bart.compute(
                      AttentionRequest.builder().setTextA("The cat").optTarget("Le chat").build()));

      assertEquals(Reason.UNSUPPORTED, generate.reason());
      assertTrue(generate.getMessage().contains("cannot generate: it has no language-model head"));
      assertTrue(target.getMessage().contains("is not an encoder-decoder model"));
      assertTrue(derived.getMessage().contains("has no decoder_input_ids input"));
      assertTrue(bart.capabilities().contains(Capability.ENCODER_DECODER));
      assertTrue(!bart.capabilities().contains(Capability.GENERATION));
    }
  }
}
