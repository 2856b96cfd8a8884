package dev.attnviz.tensorflow;

import dev.attnviz.core.testing.ModelOptionMistakes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model option mistakes of {@link ModelOptionMistakes} get the same reason and message here as
 * in the DJL backend (its {@code SharedOptionRulesTest} runs the same list).
 */
class SharedOptionRulesTest {

  @Test
  void sameMistakesGiveTheSameErrorsAsEveryBackend(@TempDir Path temp) throws Exception {
    Path model =
        TinySavedModel.export(
            temp.resolve("m"), 1, l -> "encoder/layer_" + l + "/attention/self", false);

    ModelOptionMistakes.assertSameErrors(new TensorFlowProviderFactory(), model);
    ModelOptionMistakes.assertUnknownOptionRefused(new TensorFlowProviderFactory(), model);
  }
}
