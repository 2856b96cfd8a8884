package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pool that lets computes reuse predictors: reuse, bounds, closing, threads. */
class ReusePoolTest {

  /** Stands for a predictor: knows whether it was closed, and how often. */
  private static final class Resource {
    final int id;
    final AtomicInteger closes = new AtomicInteger();

    Resource(int id) {
      this.id = id;
    }
  }

  private final AtomicInteger made = new AtomicInteger();
  private final List<Resource> all = new ArrayList<>();

  private ReusePool<Resource> pool(int maxIdle) {
    return new ReusePool<>(
        () -> {
          Resource r = new Resource(made.incrementAndGet());
          synchronized (all) {
            all.add(r);
          }
          return r;
        },
        r -> r.closes.incrementAndGet(),
        maxIdle);
  }

  @Test
  void reusesAnObjectThatCameBack() {
    ReusePool<Resource> pool = pool(2);

    Resource first = pool.take();
    pool.giveBack(first);
    Resource second = pool.take();

    assertSame(first, second);
    assertEquals(1, made.get());
    assertEquals(0, first.closes.get());
    assertEquals(1, pool.openCount());
  }

  @Test
  void keepsNoMoreThanMaxIdleAndClosesTheRest() {
    ReusePool<Resource> pool = pool(2);
    List<Resource> taken = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      taken.add(pool.take());
    }
    assertEquals(5, made.get());
    assertEquals(5, pool.openCount());

    taken.forEach(pool::giveBack);

    assertEquals(2, pool.idleCount());
    assertEquals(2, pool.openCount());
    assertEquals(3, all.stream().filter(r -> r.closes.get() == 1).count());
  }

  @Test
  void aDiscardedObjectIsClosedNotReused() {
    ReusePool<Resource> pool = pool(2);
    Resource broken = pool.take();

    pool.discard(broken);
    Resource next = pool.take();

    assertEquals(1, broken.closes.get());
    assertFalse(broken == next, "a discarded object came back");
    assertEquals(1, pool.openCount());
  }

  @Test
  void closeClosesIdleObjectsAndLaterReturnsAndRefusesTakes() {
    ReusePool<Resource> pool = pool(4);
    Resource idle = pool.take();
    Resource busy = pool.take();
    pool.giveBack(idle);

    pool.close();
    assertEquals(1, idle.closes.get());
    assertEquals(0, busy.closes.get(), "an object in use was closed under its user");
    assertEquals(1, pool.openCount());

    pool.giveBack(busy);
    assertEquals(1, busy.closes.get());
    assertEquals(0, pool.openCount());
    IllegalStateException e = assertThrows(IllegalStateException.class, pool::take);
    assertEquals("the pool is closed", e.getMessage());

    pool.close();
    assertEquals(1, idle.closes.get(), "closed twice");
  }

  @Test
  void aFailingFactoryLeavesNothingCounted() {
    ReusePool<Resource> pool =
        new ReusePool<>(
            () -> {
              throw new IllegalStateException("no memory for a predictor");
            },
            r -> r.closes.incrementAndGet(),
            2);

    IllegalStateException e = assertThrows(IllegalStateException.class, pool::take);

    assertEquals("no memory for a predictor", e.getMessage());
    assertEquals(0, pool.openCount());
  }

  @Test
  void closeTriesEveryObjectAndReportsTheFirstFailure() {
    List<Integer> closed = new ArrayList<>();
    ReusePool<Resource> pool =
        new ReusePool<>(
            () -> new Resource(made.incrementAndGet()),
            r -> {
              closed.add(r.id);
              throw new IllegalStateException("cannot close " + r.id);
            },
            3);
    List<Resource> taken = List.of(pool.take(), pool.take(), pool.take());
    taken.forEach(pool::giveBack);

    IllegalStateException e = assertThrows(IllegalStateException.class, pool::close);

    assertEquals(3, closed.size());
    assertEquals(2, e.getSuppressed().length);
    assertEquals(0, pool.openCount());
  }

  @Test
  void threadsThatComeAndGoLeaveAtMostMaxIdleObjects() throws Exception {
    ReusePool<Resource> pool = pool(2);
    Set<Resource> inUse = ConcurrentHashMap.newKeySet();
    AtomicInteger sharedUse = new AtomicInteger();
    for (int wave = 0; wave < 50; wave++) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        Thread thread =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  for (int i = 0; i < 20; i++) {
                    Resource r = pool.take();
                    if (!inUse.add(r)) {
                      sharedUse.incrementAndGet();
                    }
                    Thread.yield();
                    inUse.remove(r);
                    pool.giveBack(r);
                  }
                });
        thread.start();
        threads.add(thread);
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertTrue(pool.openCount() <= 2, "wave " + wave + ": " + pool.openCount() + " open");
    }

    assertEquals(0, sharedUse.get(), "an object served two threads at once");
    assertEquals(pool.idleCount(), pool.openCount());
    synchronized (all) {
      long open = all.stream().filter(r -> r.closes.get() == 0).count();
      assertEquals(pool.openCount(), open);
      assertTrue(all.stream().allMatch(r -> r.closes.get() <= 1), "an object closed twice");
    }
    pool.close();
    synchronized (all) {
      assertTrue(all.stream().allMatch(r -> r.closes.get() == 1), "an object left open");
    }
  }

  @Test
  void rejectsANegativeBound() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool(-1));
    assertEquals("maxIdle must not be negative: -1", e.getMessage());
  }
}
