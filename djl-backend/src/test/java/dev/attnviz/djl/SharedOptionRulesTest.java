package dev.attnviz.djl;

import dev.attnviz.core.testing.HfExports;
import dev.attnviz.core.testing.ModelOptionMistakes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model option mistakes of {@link ModelOptionMistakes} get the same reason and message here as
 * in the TensorFlow backend (its {@code SharedOptionRulesTest} runs the same list).
 */
class SharedOptionRulesTest {

  private static final Path MODEL = HfExports.folder("bert-tiny-hf-fixed");

  @Test
  void sameMistakesGiveTheSameErrorsAsEveryBackend() {
    ModelOptionMistakes.assertSameErrors(new DjlProviderFactory(), MODEL);
  }

  @Test
  void unknownOptionIsRefused() {
    ModelOptionMistakes.assertUnknownOptionRefused(new DjlProviderFactory(), MODEL);
  }
}
