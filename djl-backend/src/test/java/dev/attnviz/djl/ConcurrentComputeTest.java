package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Computes from several threads at once give the same results as one after another. */
class ConcurrentComputeTest {

  /** Requests of different kinds and lengths, for tests that compute from several threads. */
  static final List<AttentionRequest> REQUESTS =
      List.of(
          AttentionRequest.builder().setTextA("The cat sat on the mat").build(),
          AttentionRequest.builder()
              .setTextA("the rabbit quickly hopped")
              .optTextB("The turtle slowly crawled")
              .optQueriesAndKeys(true)
              .build(),
          AttentionRequest.builder()
              .setTextA("A longer sentence about attention, heads, layers and what they see.")
              .optQueriesAndKeys(true)
              .build());

  @Test
  void parallelComputesMatchSequentialOnes() throws Exception {
    AttentionProvider provider = DefaultModel.provider();
    List<AttentionData> expected = new ArrayList<>();
    for (AttentionRequest request : REQUESTS) {
      expected.add(provider.compute(request));
    }
    int threads = 4;
    int rounds = 5;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<AttentionData>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        Callable<List<AttentionData>> worker =
            () -> {
              start.await();
              List<AttentionData> results = new ArrayList<>();
              for (int i = 0; i < rounds * REQUESTS.size(); i++) {
                results.add(provider.compute(REQUESTS.get((i + offset) % REQUESTS.size())));
              }
              return results;
            };
        futures.add(pool.submit(worker));
      }
      start.countDown();

      for (int t = 0; t < threads; t++) {
        List<AttentionData> results = futures.get(t).get();
        for (int i = 0; i < results.size(); i++) {
          int request = (i + t) % REQUESTS.size();
          assertEquals(expected.get(request), results.get(i), "thread " + t + " result " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
