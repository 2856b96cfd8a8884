package dev.attnviz.swing.analysis;

import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * The result of the latest of a series of computations for one view. Small work runs at once on the
 * calling thread; large work runs on a shared background thread and its result is handed back on
 * the Event Dispatch Thread only if no newer request came in meanwhile, so a view never shows a
 * result for older data. Work that has not started when a newer request arrives is skipped. A
 * failure is kept as a message for the view to show, and logged.
 *
 * <p>Use on the Event Dispatch Thread; only the work runs elsewhere.
 *
 * @param <T> the result type, immutable so that it may cross threads
 */
final class LatestResult<T> {

  /**
   * Work estimated to take up to this many nanoseconds runs at once on the calling thread: 20 ms,
   * about a frame; longer work goes to the background thread.
   */
  static final long DEFAULT_SYNCHRONOUS_LIMIT_NANOS = 20_000_000;

  private static final System.Logger LOG = System.getLogger(LatestResult.class.getName());

  /** One thread for all views: analyses queue rather than compete for the two cores of a laptop. */
  private static final ExecutorService BACKGROUND =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "attnviz-analysis");
            thread.setDaemon(true);
            return thread;
          });

  private final AtomicLong generation = new AtomicLong();
  private final Runnable onUpdate;
  private long synchronousLimitNanos = DEFAULT_SYNCHRONOUS_LIMIT_NANOS;
  private Object data;
  private Object what;
  private T value;
  private String error;
  private boolean pending;

  /**
   * @param onUpdate runs on the EDT whenever the value, the error or the pending state changed
   */
  LatestResult(Runnable onUpdate) {
    this.onUpdate = Objects.requireNonNull(onUpdate, "onUpdate");
  }

  /**
   * Asks for {@code work}'s result for {@code data} (compared by identity: data is immutable and
   * too large to compare by value) and {@code what} (compared with {@code equals}). Nothing happens
   * if that result is already there or on its way.
   *
   * @param estimatedNanos how long the work is expected to take, to decide where it runs
   */
  void request(Object data, Object what, long estimatedNanos, Supplier<T> work) {
    Objects.requireNonNull(data, "data");
    if (data == this.data && Objects.equals(what, this.what) && (pending || value != null)) {
      return;
    }
    long ticket = generation.incrementAndGet();
    this.data = data;
    this.what = what;
    value = null;
    error = null;
    if (estimatedNanos <= synchronousLimitNanos) {
      pending = false;
      finish(ticket, work);
      return;
    }
    pending = true;
    onUpdate.run();
    BACKGROUND.execute(
        () -> {
          if (generation.get() == ticket) {
            Outcome<T> outcome = run(work);
            SwingUtilities.invokeLater(() -> deliver(ticket, outcome));
          }
        });
  }

  /** Forgets the result and any computation on its way: there is nothing to compute. */
  void clear() {
    generation.incrementAndGet();
    boolean changed = data != null || pending;
    data = null;
    what = null;
    value = null;
    error = null;
    pending = false;
    if (changed) {
      onUpdate.run();
    }
  }

  private void finish(long ticket, Supplier<T> work) {
    deliver(ticket, run(work));
  }

  private void deliver(long ticket, Outcome<T> outcome) {
    if (generation.get() != ticket) {
      return;
    }
    pending = false;
    value = outcome.value();
    error = outcome.error();
    onUpdate.run();
  }

  private static <T> Outcome<T> run(Supplier<T> work) {
    try {
      return new Outcome<>(Objects.requireNonNull(work.get(), "result"), null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "analysis failed", e);
      return new Outcome<>(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private record Outcome<T>(T value, String error) {}

  /** The result of the latest request, or null while computing, after a failure or without one. */
  T value() {
    return value;
  }

  /** Whether the latest request is still being computed. */
  boolean isPending() {
    return pending;
  }

  /** Why the latest request failed, or null. */
  String error() {
    return error;
  }

  /**
   * Waits until the background thread has run everything queued so far, so that their results are
   * posted to the EDT; for tests, off the EDT.
   *
   * @throws IllegalStateException on the EDT, where waiting would block the results it waits for
   */
  static void awaitBackground() throws InterruptedException, ExecutionException {
    if (SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("awaitBackground() would block the EDT");
    }
    BACKGROUND.submit(() -> {}).get();
  }

  /** Sets the estimated time up to which work runs at once on the calling thread; for tests. */
  void setSynchronousLimit(long nanos) {
    synchronousLimitNanos = nanos;
  }
}
