package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure inside TensorFlow during a compute reaches the caller as one clear line. */
class ComputeErrorsTest {

  @TempDir Path temp;

  @Test
  void idsBeyondTheEmbeddingTableAreAnAttentionExceptionNotTensorFlowText() throws Exception {
    List<String> longer = new ArrayList<>(TinySavedModel.VOCAB);
    longer.addAll(List.of("dog", "lay", "rug"));
    Path model = TinySavedModel.exportWithEmbedding(temp.resolve("m"), longer);

    try (AttentionProvider provider = new TensorFlowProviderFactory().open(ModelSource.of(model))) {
      assertEquals(
          4, provider.compute(AttentionRequest.of("the cat")).primary().queryTokens().size());

      AttentionException e =
          assertThrows(
              AttentionException.class, () -> provider.compute(AttentionRequest.of("the dog")));

      assertEquals(Reason.INFERENCE_FAILED, e.reason());
      assertTrue(
          e.getMessage()
              .startsWith("TensorFlow failed to compute the attention of m on this input"),
          e.getMessage());
      assertTrue(
          e.getMessage().contains("the tokenizer does not belong to this model"), e.getMessage());
      assertFalse(e.getMessage().contains("org.tensorflow"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
