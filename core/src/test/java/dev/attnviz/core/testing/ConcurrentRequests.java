package dev.attnviz.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.OverflowPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Sends requests to one provider from several threads at once, good ones and bad ones mixed, and
 * checks that each gets what it gets when sent alone: the same numbers, or the same failure. A
 * provider that shares state between computes (a tokenizer, a buffer, an error flag) shows it here.
 */
public final class ConcurrentRequests {

  private ConcurrentRequests() {}

  /**
   * Requests that succeed and fail in different ways: one sentence, an empty text (refused), a pair
   * with vectors, a text too long for the model (refused), and the same text truncated.
   *
   * @param tooLong a text with more tokens than the model takes
   */
  public static List<AttentionRequest> goodAndBad(String tooLong) {
    return List.of(
        AttentionRequest.builder().setTextA("The cat sat on the mat").build(),
        AttentionRequest.of("   "),
        AttentionRequest.builder()
            .setTextA("the rabbit hopped")
            .optTextB("the turtle crawled")
            .optQueriesAndKeys(true)
            .build(),
        AttentionRequest.of(tooLong),
        AttentionRequest.builder().setTextA(tooLong).optOverflow(OverflowPolicy.TRUNCATE).build());
  }

  /**
   * What one compute ended in.
   *
   * @param data the result, or null
   * @param failure the exception's reason and message, or null
   */
  public record Outcome(AttentionData data, String failure) {

    static Outcome of(AttentionProvider provider, AttentionRequest request) {
      try {
        return new Outcome(provider.compute(request), null);
      } catch (AttentionException e) {
        return new Outcome(null, e.reason() + ": " + e.getMessage());
      }
    }
  }

  /**
   * Computes each request alone, then every request {@code rounds} times from {@code threads}
   * threads started together (each thread in its own order), and asserts that every outcome equals
   * the lone one: failures exactly, data through {@code sameData} (expected, actual).
   *
   * @return how many concurrent computes were checked
   */
  public static int assertSameAsAlone(
      AttentionProvider provider,
      List<AttentionRequest> requests,
      int threads,
      int rounds,
      BiConsumer<AttentionData, AttentionData> sameData)
      throws Exception {
    List<Outcome> alone = new ArrayList<>();
    for (AttentionRequest request : requests) {
      alone.add(Outcome.of(provider, request));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        workers.add(
            pool.submit(
                () -> {
                  start.await();
                  // Checked as they come: a large model's results do not all fit in the heap.
                  for (int i = 0; i < rounds * requests.size(); i++) {
                    int request = (i + offset) % requests.size();
                    Outcome expected = alone.get(request);
                    Outcome actual = Outcome.of(provider, requests.get(request));
                    String where = "thread " + offset + ", compute " + i;
                    assertEquals(expected.failure(), actual.failure(), where);
                    if (expected.data() != null) {
                      assertNotNull(actual.data(), where);
                      sameData.accept(expected.data(), actual.data());
                    }
                  }
                  return rounds * requests.size();
                }));
      }
      start.countDown();
      int checked = 0;
      for (Future<Integer> worker : workers) {
        try {
          checked += worker.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError failed) {
            throw failed;
          }
          throw e;
        }
      }
      return checked;
    } finally {
      pool.shutdownNow();
    }
  }
}
