package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The provider reuses its predictors: results stay the same, threads that come and go leave neither
 * predictors, threads nor native memory behind, and closing releases every predictor.
 */
class PredictorReuseTest {

  private static final List<AttentionRequest> REQUESTS = ConcurrentComputeTest.REQUESTS;

  /** A leak of one compute's outputs is about 1 MB here; 40 waves of threads would leak 240 MB. */
  private static final long ALLOWED_GROWTH_BYTES = 64L << 20;

  /** The number of OS threads of this process, native ones (ONNX Runtime's) included. */
  private static long osThreads() throws IOException {
    return statusField("Threads:");
  }

  private static long statusField(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no " + name + " line in /proc/self/status");
  }

  private static DjlAttentionProvider openDefault() throws Exception {
    return (DjlAttentionProvider) new DjlProviderFactory().open(ModelSource.embeddedDefault());
  }

  private static List<AttentionData> sequential(DjlAttentionProvider provider) throws Exception {
    List<AttentionData> results = new ArrayList<>();
    for (AttentionRequest request : REQUESTS) {
      results.add(provider.compute(request));
    }
    return results;
  }

  /** Runs {@code perThread} computes on each of {@code threads} new threads, started together. */
  private static List<Throwable> wave(
      DjlAttentionProvider provider, List<AttentionData> expected, int threads, int perThread)
      throws InterruptedException {
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    int r = (i + offset) % REQUESTS.size();
                    AttentionData data = provider.compute(REQUESTS.get(r));
                    if (!expected.get(r).equals(data)) {
                      throw new AssertionError("request " + r + " gave another result");
                    }
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      thread.start();
      started.add(thread);
    }
    start.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    return new ArrayList<>(failures);
  }

  @Test
  void threadsThatComeAndGoLeaveNoPredictorThreadOrNativeMemoryBehind() throws Exception {
    try (DjlAttentionProvider provider = openDefault()) {
      List<AttentionData> expected = sequential(provider);
      // Warm-up waves: JIT, allocator arenas and ONNX Runtime's thread pool settle first.
      for (int wave = 0; wave < 5; wave++) {
        assertEquals(List.of(), wave(provider, expected, 3, 3));
      }
      System.gc();
      long threadsBefore = osThreads();
      long residentBefore = NativeMemoryTest.residentBytes();

      for (int wave = 0; wave < 40; wave++) {
        assertEquals(List.of(), wave(provider, expected, 3, 3), "wave " + wave);
        long open = provider.predictors().openCount();
        assertTrue(
            open <= DjlAttentionProvider.MAX_IDLE_PREDICTORS,
            "wave " + wave + " left " + open + " predictors open");
        assertEquals(open, provider.predictors().idleCount(), "predictors neither idle nor closed");
      }
      System.gc();
      long threadsAfter = osThreads();
      long growth = NativeMemoryTest.residentBytes() - residentBefore;

      System.out.printf(
          "OS threads %d before, %d after 120 short-lived threads; VmRSS growth %d KB%n",
          threadsBefore, threadsAfter, growth >> 10);
      // The JVM starts and stops a few threads of its own (compiler, GC, common pool); a leak of
      // one thread per wave or per compute thread would add 40 or 120.
      assertTrue(
          threadsAfter <= threadsBefore + 4,
          "threads left behind: " + threadsBefore + " before, " + threadsAfter + " after");
      assertTrue(
          growth < ALLOWED_GROWTH_BYTES, "resident memory grew by " + (growth >> 20) + " MB");
    }
  }

  @Test
  void closeWaitsForRunningComputesThenReleasesEveryPredictor() throws Exception {
    DjlAttentionProvider provider = openDefault();
    List<AttentionData> expected = sequential(provider);
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Queue<String> refusals = new ConcurrentLinkedQueue<>();
    CountDownLatch computing = new CountDownLatch(4);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; ; i++) {
                    int r = (i + offset) % REQUESTS.size();
                    AttentionData data = provider.compute(REQUESTS.get(r));
                    if (!expected.get(r).equals(data)) {
                      throw new AssertionError("request " + r + " gave another result");
                    }
                    computing.countDown();
                  }
                } catch (IllegalStateException e) {
                  refusals.add(e.getMessage());
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    computing.await();

    provider.close();
    for (Thread thread : threads) {
      thread.join();
    }

    // Computes that held the provider when close() came finished with the right result; later ones
    // were refused. A compute cut short by close() would fail inside ONNX Runtime instead.
    assertEquals(List.of(), new ArrayList<>(failures));
    assertEquals(4, refusals.size());
    refusals.forEach(m -> assertEquals("the 'djl' provider for all-minilm-l6-v2 is closed", m));
    assertEquals(0, provider.predictors().openCount(), "predictors left open after close");
    assertEquals(0, provider.predictors().idleCount());
  }
}
