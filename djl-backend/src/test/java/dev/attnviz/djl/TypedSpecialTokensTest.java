package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Special tokens typed into the text are special, as the tokenizer's own special-token set says,
 * and the provider marks exactly the tokens the file readers infer as special from the same
 * strings.
 */
class TypedSpecialTokensTest {

  @TempDir static Path cache;

  @ParameterizedTest
  @CsvSource({
    "bert-tiny-hf-fixed, the cat [SEP] sat, [SEP]",
    "gpt2-tiny-hf, The cat<|endoftext|>sat, <|endoftext|>"
  })
  void typedSpecialTokensAreSpecialAsInFiles(String model, String text, String typed)
      throws Exception {
    try (AttentionProvider provider =
        new DjlProviderFactory(cache).open(ModelSource.of(HfExports.folder(model)))) {
      AttentionData data = provider.compute(AttentionRequest.of(text));

      Tokens tokens = data.primary().queryTokens();
      int index = tokens.strings().indexOf(typed);
      assertTrue(index > 0 && index < tokens.size() - 1, "typed inside the text: " + tokens);
      assertTrue(tokens.isSpecial(index), tokens + " marks " + typed + " special");
      assertEquals(
          Tokens.of(tokens.strings()).specialMask(), tokens.specialMask(), "as files infer");
    }
  }
}
