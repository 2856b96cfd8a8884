package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor4D#ofComputedMatrices}: matrices computed a layer at a time when first read, once,
 * and kept.
 */
class ComputedMatricesTest {

  /** Writes matrix {@code [l][h]} of 2 × 3: {@code 100 l + 10 h + i} at flat index {@code i}. */
  private static void numbered(int l, int h, float[] dest, int destPos) {
    for (int i = 0; i < 6; i++) {
      dest[destPos + i] = 100 * l + 10 * h + i;
    }
  }

  private static float[] allNumbered(int layers, int heads) {
    float[] all = new float[layers * heads * 6];
    for (int m = 0; m < layers * heads; m++) {
      numbered(m / heads, m % heads, all, m * 6);
    }
    return all;
  }

  @Test
  void computesALayerOnceWhenOneOfItsMatricesIsFirstReadAndReadsLikeAnyTensor() {
    AtomicInteger calls = new AtomicInteger();
    Tensor4D tensor =
        Tensor4D.ofComputedMatrices(
            2,
            3,
            2,
            3,
            (l, h, dest, destPos) -> {
              calls.incrementAndGet();
              numbered(l, h, dest, destPos);
            });
    assertEquals(0, calls.get());
    assertEquals(0, tensor.heapByteSize());
    assertEquals(125, tensor.get(1, 2, 1, 2));
    assertEquals(3, calls.get(), "the three heads of layer 1");
    float[] row = new float[3];
    tensor.copyRow(1, 0, 0, row, 0);
    assertArrayEquals(new float[] {100, 101, 102}, row);
    assertEquals(3, calls.get(), "layer 1 is not computed again");
    assertEquals(3 * 6 * Float.BYTES, tensor.heapByteSize());
    assertThrows(ReadOnlyBufferException.class, () -> tensor.matrix(1, 2).put(0, 7f));

    float[] expected = allNumbered(2, 3);
    assertArrayEquals(expected, tensor.toArray());
    assertEquals(Tensor4D.copyOf(expected, 2, 3, 2, 3), tensor);
    assertEquals(Tensor4D.copyOf(expected, 2, 3, 2, 3).hashCode(), tensor.hashCode());
    assertEquals(6, calls.get());
    assertEquals(36 * Float.BYTES, tensor.heapByteSize());
  }

  @Test
  void aLargeLayerIsComputedInParallelIntoTheSameNumbers() {
    // 16 heads of 128 × 128: above the size from which a layer's heads are shared out.
    Tensor4D tensor =
        Tensor4D.ofComputedMatrices(
            2,
            16,
            128,
            128,
            (l, h, dest, destPos) -> {
              for (int i = 0; i < 128 * 128; i++) {
                dest[destPos + i] = l * 1e6f + h * 1e4f + i;
              }
            });
    assertEquals(1e6f + 15e4f + 128 * 128 - 1, tensor.get(1, 15, 127, 127));
    assertEquals(1e6f + 7e4f + 129, tensor.get(1, 7, 1, 1));
    assertEquals(3e4f, tensor.get(0, 3, 0, 0));
  }

  @Test
  void dropsTheSourceOnceEveryLayerIsComputed() {
    Object held = new Object();
    WeakReference<Object> whatTheSourceHolds = new WeakReference<>(held);
    Tensor4D tensor = computedHolding(held);
    held = null;
    tensor.get(0, 0, 0, 0);
    System.gc();
    assertTrue(whatTheSourceHolds.get() != null, "kept while a layer is left to compute");
    tensor.get(1, 1, 0, 0);
    for (int i = 0; i < 20 && whatTheSourceHolds.get() != null; i++) {
      System.gc();
    }
    assertNull(whatTheSourceHolds.get());
    assertEquals(110, tensor.get(1, 1, 0, 0));
  }

  private static Tensor4D computedHolding(Object held) {
    return Tensor4D.ofComputedMatrices(
        2,
        2,
        2,
        3,
        (l, h, dest, destPos) -> {
          Objects.requireNonNull(held);
          numbered(l, h, dest, destPos);
        });
  }

  @Test
  void aFailedComputationReachesTheReaderAndIsTriedAgain() {
    AtomicInteger calls = new AtomicInteger();
    Tensor4D tensor =
        Tensor4D.ofComputedMatrices(
            1,
            1,
            2,
            3,
            (l, h, dest, destPos) -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the input went away");
              }
              numbered(l, h, dest, destPos);
            });
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> tensor.get(0, 0, 0, 0));
    assertEquals("the input went away", e.getMessage());
    assertEquals(5, tensor.get(0, 0, 1, 2));
  }

  @Test
  void checksShapesAndIndices() {
    Tensor4D tensor = Tensor4D.ofComputedMatrices(1, 2, 2, 2, (l, h, dest, destPos) -> {});
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.get(1, 0, 0, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> tensor.matrix(0, 2));
    assertEquals(0f, tensor.get(0, 1, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Tensor4D.ofComputedMatrices(-1, 1, 1, 1, (l, h, dest, destPos) -> {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Tensor4D.ofComputedMatrices(1, 1, 1 << 16, 1 << 16, (l, h, dest, destPos) -> {}));
  }

  @Test
  void threadsReadingALayerAtOnceWaitForOneComputation() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Tensor4D tensor =
        Tensor4D.ofComputedMatrices(
            1,
            1,
            2,
            3,
            (l, h, dest, destPos) -> {
              calls.incrementAndGet();
              started.countDown();
              try {
                release.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              numbered(l, h, dest, destPos);
            });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Float> first = pool.submit(() -> tensor.get(0, 0, 0, 1));
      started.await(5, TimeUnit.SECONDS);
      Future<Float> second = pool.submit(() -> tensor.get(0, 0, 1, 2));
      release.countDown();
      assertEquals(1f, first.get());
      assertEquals(5f, second.get());
      assertEquals(1, calls.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadThatReadsALayerWhileItComputesItGetsItsNumbersInsteadOfWaitingForItself() {
    // A fork-join worker waiting for its share of a layer can run another task that reads that
    // layer; here the source itself does it once.
    AtomicInteger nestedReads = new AtomicInteger();
    float[] seen = new float[1];
    Tensor4D[] tensor = new Tensor4D[1];
    tensor[0] =
        Tensor4D.ofComputedMatrices(
            2,
            1,
            2,
            3,
            (l, h, dest, destPos) -> {
              if (l == 0 && nestedReads.getAndIncrement() == 0) {
                seen[0] = tensor[0].get(0, 0, 1, 1);
              }
              numbered(l, h, dest, destPos);
            });
    assertEquals(4, tensor[0].get(0, 0, 1, 1));
    assertEquals(4, seen[0]);
    assertEquals(0, tensor[0].heapByteSize() - 6 * Float.BYTES, "layer 0 is kept once");
    assertArrayEquals(allNumbered(2, 1), tensor[0].toArray());
  }
}
