package dev.attnviz.swing.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Small work at once, large work in the background, and only the latest result shown. Runs on the
 * test thread and drives the EDT explicitly, because it must wait for the background thread.
 */
class LatestResultTest {

  private static final long CHEAP = 1;
  private static final long COSTLY = Long.MAX_VALUE;

  private final AtomicInteger updates = new AtomicInteger();
  private final LatestResult<String> result = new LatestResult<>(updates::incrementAndGet);

  private static void onEdt(Runnable action) throws Exception {
    try {
      SwingUtilities.invokeAndWait(action);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  private static <T> T onEdt(Supplier<T> query) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    onEdt(() -> value.set(query.get()));
    return value.get();
  }

  /** Lets the background thread finish and the EDT run what it posted. */
  private static void settle() throws Exception {
    LatestResult.awaitBackground();
    onEdt(() -> {});
  }

  @Test
  void cheapWorkRunsAtOnceAndOnlyOnce() throws Exception {
    Object data = new Object();
    AtomicInteger runs = new AtomicInteger();
    onEdt(() -> result.request(data, "x", CHEAP, () -> "v" + runs.incrementAndGet()));
    assertEquals("v1", onEdt(result::value));
    assertEquals(1, updates.get());
    onEdt(() -> result.request(data, "x", CHEAP, () -> "v" + runs.incrementAndGet()));
    assertEquals(1, runs.get(), "same data and question: nothing to do");
    onEdt(() -> result.request(new Object(), "x", CHEAP, () -> "v" + runs.incrementAndGet()));
    assertEquals("v2", onEdt(result::value), "other data (by identity): computed again");
  }

  @Test
  void costlyWorkIsPendingUntilItsResultArrivesOnTheEdt() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Boolean> deliveredOnEdt = new AtomicReference<>();
    LatestResult<String> watched =
        new LatestResult<>(() -> deliveredOnEdt.set(SwingUtilities.isEventDispatchThread()));
    onEdt(() -> watched.request(new Object(), null, COSTLY, () -> await(release, "done")));
    assertTrue(onEdt(watched::isPending));
    assertNull(onEdt(watched::value));
    release.countDown();
    settle();
    assertFalse(onEdt(watched::isPending));
    assertEquals("done", onEdt(watched::value));
    assertTrue(deliveredOnEdt.get());
  }

  @Test
  void anOlderResultNeverReplacesANewerOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    onEdt(() -> result.request(new Object(), null, COSTLY, () -> await(release, "old")));
    onEdt(() -> result.request(new Object(), null, CHEAP, () -> "new"));
    int updatesBefore = updates.get();
    release.countDown();
    settle();
    assertEquals("new", onEdt(result::value));
    assertEquals(updatesBefore, updates.get(), "the old result was dropped silently");
  }

  @Test
  void workNotStartedWhenANewerRequestArrivesIsSkipped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LatestResult<String> blocker = new LatestResult<>(() -> {});
    onEdt(() -> blocker.request(new Object(), null, COSTLY, () -> await(release, "block")));
    AtomicInteger skippedRuns = new AtomicInteger();
    onEdt(
        () ->
            result.request(
                new Object(), null, COSTLY, () -> "skipped" + skippedRuns.incrementAndGet()));
    onEdt(() -> result.request(new Object(), null, COSTLY, () -> "latest"));
    release.countDown();
    settle();
    assertEquals(0, skippedRuns.get());
    assertEquals("latest", onEdt(result::value));
  }

  @Test
  void aFailureBecomesAMessageAndClearForgetsEverything() throws Exception {
    onEdt(
        () ->
            result.request(
                new Object(),
                null,
                CHEAP,
                () -> {
                  throw new IllegalStateException("broken input");
                }));
    assertEquals("IllegalStateException: broken input", onEdt(result::error));
    assertNull(onEdt(result::value));
    onEdt(result::clear);
    assertNull(onEdt(result::error));
    assertFalse(onEdt(result::isPending));
  }

  @Test
  void waitingOnTheEdtIsRefused() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    onEdt(
        () -> {
          try {
            LatestResult.awaitBackground();
          } catch (Exception | Error e) {
            thrown.set(e);
          }
        });
    assertThrows(
        IllegalStateException.class,
        () -> {
          throw thrown.get();
        });
  }

  private static String await(CountDownLatch latch, String value) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the work");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return value;
  }
}
