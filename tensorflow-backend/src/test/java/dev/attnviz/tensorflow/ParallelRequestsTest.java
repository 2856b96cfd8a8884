package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.AttentionAssertions;
import dev.attnviz.core.testing.ConcurrentRequests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads at once: good and bad requests mixed each get what they get alone, and closing waits
 * for every running compute, then refuses new ones. {@link ConcurrencyAndLifecycleTest} covers
 * parallel good requests and a close during one compute.
 */
@ExtendWith(DefaultModelExtension.class)
class ParallelRequestsTest {

  private static final String LONG = "word ".repeat(200);

  @TempDir Path temp;

  @Test
  void goodAndBadRequestsFromSixThreadsEachGetTheirOwnOutcome(AttentionProvider provider)
      throws Exception {
    List<AttentionRequest> requests = ConcurrentRequests.goodAndBad(LONG);

    int checked =
        ConcurrentRequests.assertSameAsAlone(
            provider, requests, 6, 2, (a, b) -> AttentionAssertions.assertClose(a, b, 1e-5));

    assertEquals(6 * 2 * requests.size(), checked);
  }

  @Test
  void closeWaitsForEveryRunningComputeThenRefusesNewOnes() throws Exception {
    int threads = 4;
    CountDownLatch inside = new CountDownLatch(threads);
    CountDownLatch release = new CountDownLatch(1);
    Path model =
        TinySavedModel.export(
            temp.resolve("tiny"), 1, l -> "bert/encoder/layer_" + l + "/attention/self", false);
    TensorFlowAttentionProvider provider =
        (TensorFlowAttentionProvider) new TensorFlowProviderFactory().open(ModelSource.of(model));
    // The hook runs inside compute, under the provider's lifecycle lock: holding it here keeps
    // every compute running for as long as the test needs.
    provider.onComputeStarted(
        () -> {
          inside.countDown();
          awaitQuietly(release);
        });
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      List<Future<AttentionData>> computes = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        computes.add(pool.submit(() -> provider.compute(AttentionRequest.of("the cat sat"))));
      }
      assertTrue(inside.await(1, TimeUnit.MINUTES), "all computes started");
      Future<?> close = pool.submit(provider::close);
      Thread.sleep(300);
      assertFalse(close.isDone(), "close waits while computes run");

      release.countDown();
      for (Future<AttentionData> compute : computes) {
        assertEquals(1, compute.get(1, TimeUnit.MINUTES).primary().layerCount());
      }
      close.get(1, TimeUnit.MINUTES);
      assertThrows(
          IllegalStateException.class, () -> provider.compute(AttentionRequest.of("the cat")));
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
