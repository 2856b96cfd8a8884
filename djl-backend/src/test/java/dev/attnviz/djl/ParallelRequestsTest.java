package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.ConcurrentRequests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads at once: good and bad requests mixed each get what they get alone, and closing the
 * provider while threads compute lets every compute finish or be refused cleanly. {@link
 * ConcurrentComputeTest} covers parallel good requests.
 */
class ParallelRequestsTest {

  private static final String LONG = "word ".repeat(300);

  @TempDir Path temp;

  @Test
  void goodAndBadRequestsFromSixThreadsEachGetTheirOwnOutcome() throws Exception {
    List<AttentionRequest> requests = ConcurrentRequests.goodAndBad(LONG);

    int checked =
        ConcurrentRequests.assertSameAsAlone(
            DefaultModel.provider(), requests, 6, 3, (a, b) -> assertEquals(a, b));

    assertEquals(6 * 3 * requests.size(), checked);
  }

  @Test
  void closingWhileThreadsComputeLetsEachFinishOrBeRefused() throws Exception {
    AttentionProvider provider =
        new DjlProviderFactory(temp.resolve("cache")).open(ModelSource.embeddedDefault());
    AttentionRequest request =
        AttentionRequest.builder().setTextA(BenchmarkTexts.LONG).optQueriesAndKeys(true).build();
    AttentionData expected = provider.compute(request);
    int threads = 4;
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch running = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  running.countDown();
                  int mine = 0;
                  while (true) {
                    AttentionData data;
                    try {
                      data = provider.compute(request);
                    } catch (IllegalStateException closed) {
                      assertEquals(
                          "the 'djl' provider for all-minilm-l6-v2 is closed", closed.getMessage());
                      return mine;
                    }
                    assertEquals(expected, data);
                    mine++;
                    finished.incrementAndGet();
                  }
                }));
      }
      assertTrue(running.await(1, TimeUnit.MINUTES));
      while (finished.get() < 2 * threads) {
        Thread.sleep(10);
      }
      provider.close();

      int total = 0;
      for (Future<Integer> worker : workers) {
        total += worker.get(1, TimeUnit.MINUTES);
      }
      assertTrue(total >= 2 * threads, total + " computes finished before the close");
      assertThrows(IllegalStateException.class, () -> provider.compute(request));
    } finally {
      pool.shutdownNow();
    }
  }
}
