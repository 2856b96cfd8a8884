package dev.attnviz.djl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps a few idle objects that are costly to make and must be closed, so that callers reuse them
 * instead of making one per call. Each object serves one caller at a time; the pool keeps no
 * per-thread state, so threads may come and go without leaving anything behind.
 *
 * <p>An object is made when a caller needs one and none is idle; when it comes back and {@code
 * maxIdle} objects are already idle, or the pool is closed, it is closed at once. So the pool never
 * holds more than {@code maxIdle} objects between calls, however many threads used it.
 *
 * <p>Thread-safe.
 *
 * @param <T> the pooled objects
 */
final class ReusePool<T> implements AutoCloseable {

  private final Supplier<? extends T> factory;
  private final Consumer<? super T> closer;
  private final int maxIdle;
  private final Deque<T> idle = new ArrayDeque<>();
  private long made;
  private long closedCount;
  private boolean closed;

  /**
   * Creates an empty pool.
   *
   * @param factory makes an object when none is idle
   * @param closer closes an object the pool no longer keeps
   * @param maxIdle how many idle objects to keep at most
   * @throws IllegalArgumentException if {@code maxIdle} is negative
   */
  ReusePool(Supplier<? extends T> factory, Consumer<? super T> closer, int maxIdle) {
    if (maxIdle < 0) {
      throw new IllegalArgumentException("maxIdle must not be negative: " + maxIdle);
    }
    this.factory = Objects.requireNonNull(factory, "factory");
    this.closer = Objects.requireNonNull(closer, "closer");
    this.maxIdle = maxIdle;
  }

  /**
   * Takes an idle object, or makes one. Hand it back with {@link #giveBack} after use, or to {@link
   * #discard} if it may be broken.
   *
   * @throws IllegalStateException if the pool is closed
   */
  T take() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the pool is closed");
      }
      T item = idle.pollFirst();
      if (item != null) {
        return item;
      }
      made++;
    }
    // Made outside the lock: other callers need not wait for it.
    try {
      return factory.get();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        made--;
      }
      throw e;
    }
  }

  /** Returns an object taken from this pool, to be reused, or closed if enough are idle. */
  void giveBack(T item) {
    Objects.requireNonNull(item, "item");
    synchronized (this) {
      if (!closed && idle.size() < maxIdle) {
        // Last in, first out: the most recently used object is the likeliest to be in cache.
        idle.addFirst(item);
        return;
      }
    }
    discard(item);
  }

  /** Closes an object taken from this pool instead of reusing it, e.g. after it failed. */
  void discard(T item) {
    Objects.requireNonNull(item, "item");
    try {
      closer.accept(item);
    } finally {
      synchronized (this) {
        closedCount++;
      }
    }
  }

  /** Objects now idle in the pool. */
  synchronized int idleCount() {
    return idle.size();
  }

  /** Objects made and not yet closed: idle ones plus those in use. */
  synchronized long openCount() {
    return made - closedCount;
  }

  /**
   * Closes the idle objects; objects in use are closed when they come back. Idempotent.
   *
   * @throws RuntimeException the first failure to close an object, after trying all of them
   */
  @Override
  public void close() {
    List<T> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayList<>(idle);
      idle.clear();
    }
    RuntimeException first = null;
    for (T item : toClose) {
      try {
        discard(item);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
