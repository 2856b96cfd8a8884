package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import dev.attnviz.core.testing.HfGolden;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every tiny Hugging Face export of {@code fixtures/hf-exports} against the PyTorch golden values:
 * attention within 1e-5, queries and keys within 1e-4, tokens identical, for each kind.
 */
class HfExportsGoldenTest {

  @TempDir static Path cache;

  @ParameterizedTest
  @CsvSource({
    "gpt2-tiny-hf, cat",
    "gpt2-tiny-hf, second",
    "bert-tiny-hf-fixed, cat",
    "bert-tiny-hf-fixed, pair",
    "bart-tiny-hf, cat",
    "bart-tiny-hf, second",
    "bart-tiny-hf-optimum, cat-le-chat",
    "bart-tiny-hf-optimum, cat-shifted",
    "bart-tiny-hf-optimum, dog-le-chien",
    "t5-tiny-hf, cat-le-chat",
    "t5-tiny-hf, dog-le-chien",
    "gpt2-tiny-lm, cat",
    "gpt2-tiny-lm, cat-greedy",
    "bart-tiny-lm-optimum, cat-le-chat",
    "bart-tiny-lm-optimum, cat-greedy"
  })
  void eachExportMatchesItsGoldenFile(String model, String caseName) throws Exception {
    HfGolden golden = HfGolden.load(model, caseName);
    List<String> generated = new ArrayList<>();
    try (AttentionProvider provider =
        new DjlProviderFactory(cache).open(ModelSource.of(HfExports.folder(model)))) {
      AttentionData data =
          provider.compute(golden.request((n, max, token) -> generated.add(token)));

      golden.assertMatches(data, 1e-5, 1e-4);
    }
    if (golden.json().has("generatedTokens")) {
      List<String> expected = new ArrayList<>();
      golden.json().get("generatedTokens").forEach(t -> expected.add(t.asText()));
      assertEquals(expected, generated, "generated tokens, in order");
    }
  }

  @Test
  void anAttentionPatternReadsOneKindOfAnyModelEvenBartsFoldedHeads() throws Exception {
    HfGolden golden = HfGolden.load("bart-tiny-hf", "cat");
    ModelSource source =
        ModelSource.of(HfExports.folder("bart-tiny-hf"))
            .withOption(
                ModelSource.ATTENTION_PATTERN,
                "/encoder/layers\\.(?<layer>\\d+)/self_attn/Softmax_output_0");
    try (AttentionProvider provider = new DjlProviderFactory(cache).open(source)) {
      AttentionData data = provider.compute(AttentionRequest.of("The cat sat on the mat"));

      HfGolden.assertClose(
          golden.json().get("kinds").get("encoder").get("attention"),
          data.attention(AttentionKind.SELF).weights(),
          1e-5,
          "encoder attention read as self");
    }
  }

  @Test
  void theBrokenBertExportIsReportedNotDrawn() {
    AttentionException e =
        assertThrows(
            AttentionException.class,
            () ->
                new DjlProviderFactory(cache)
                    .open(ModelSource.of(HfExports.folder("bert-tiny-hf")))
                    .close());

    assertEquals(Reason.MODEL_INVALID, e.reason());
    assertTrue(e.getMessage().contains("gives degenerate attention"), e.getMessage());
    assertTrue(e.getMessage().contains("mislabels its inputs"), e.getMessage());
  }
}
