package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Computes from several threads at once, progress reports, and closing. Opens its own provider of
 * the embedded model, because it closes it.
 */
class ConcurrencyAndLifecycleTest {

  private static final List<AttentionRequest> REQUESTS =
      List.of(
          AttentionRequest.builder()
              .setTextA("The cat sat on the mat")
              .optQueriesAndKeys(true)
              .build(),
          AttentionRequest.builder()
              .setTextA("the rabbit quickly hopped")
              .optTextB("The turtle slowly crawled")
              .build(),
          AttentionRequest.of("Attention is all you need, or so they say."));

  @Test
  void parallelComputesGiveTheSameNumbersAsOneAtATimeAndCloseWaitsForThem() throws Exception {
    List<Stage> stages = new CopyOnWriteArrayList<>();
    TensorFlowAttentionProvider provider =
        (TensorFlowAttentionProvider)
            new TensorFlowProviderFactory()
                .open(ModelSource.embeddedDefault(), (stage, detail) -> stages.add(stage));
    assertEquals(Stage.LOADING, stages.get(stages.size() - 1), "stages " + stages);

    List<AttentionData> alone = new ArrayList<>();
    for (AttentionRequest request : REQUESTS) {
      alone.add(provider.compute(request));
    }
    assertEquals(
        Stage.LOADING,
        stages.get(stages.size() - 1),
        "the open call's listener is not used by later computes: " + stages);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<AttentionData>> together = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (AttentionRequest request : REQUESTS) {
          together.add(pool.submit(() -> provider.compute(request)));
        }
      }
      for (int i = 0; i < together.size(); i++) {
        assertSameNumbers(alone.get(i % REQUESTS.size()), together.get(i).get(2, TimeUnit.MINUTES));
      }

      // The hook runs inside the compute, so close() is called while it runs.
      CountDownLatch computing = new CountDownLatch(1);
      provider.onComputeStarted(computing::countDown);
      Future<AttentionData> running = pool.submit(() -> provider.compute(REQUESTS.get(0)));
      assertTrue(computing.await(1, TimeUnit.MINUTES));
      provider.close();
      assertSameNumbers(alone.get(0), running.get(2, TimeUnit.MINUTES));
    } finally {
      pool.shutdownNow();
    }

    provider.close(); // idempotent
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> provider.compute(REQUESTS.get(0)));
    assertEquals("the 'tensorflow' provider for bert-base-uncased is closed", e.getMessage());
  }

  private static void assertSameNumbers(AttentionData expected, AttentionData actual) {
    assertEquals(expected.primary().queryTokens(), actual.primary().queryTokens());
    assertClose(expected.primary().weights(), actual.primary().weights());
    if (expected.hasVectors()) {
      assertClose(
          expected.primary().queries().orElseThrow(), actual.primary().queries().orElseThrow());
      assertClose(expected.primary().keys().orElseThrow(), actual.primary().keys().orElseThrow());
    }
  }

  private static void assertClose(Tensor4D expected, Tensor4D actual) {
    assertEquals(expected.shape(), actual.shape());
    float[] a = expected.toArray();
    float[] b = actual.toArray();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-5, "element " + i);
    }
  }
}
