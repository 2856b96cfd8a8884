package dev.attnviz.core;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * The chunks of a {@link Tensor4D#ofComputedMatrices computed tensor}: each computed by its {@link
 * Tensor4D.MatrixSource} when first asked for, once (threads that ask while it is computed wait),
 * and kept; the source is dropped once every chunk is there. Thread-safe.
 */
final class ComputedChunks {

  /** Numbers of a chunk from which its matrices are computed in parallel. */
  private static final long PARALLEL_ELEMENTS = 1 << 16;

  private final int heads;
  private final int matrixElements;
  private final long matrices;
  private final int matricesPerChunk;

  /** Each chunk, null until computed. */
  private final AtomicReferenceArray<FloatBuffer> chunks;

  /** One lock per chunk, so that a chunk is computed once. */
  private final Object[] locks;

  /** Chunks still null; when none is left, {@link #source} is dropped. */
  private final AtomicInteger missing;

  /** Computes the matrices; null once every chunk is computed. */
  private volatile Tensor4D.MatrixSource source;

  /**
   * Chunks of {@code matricesPerChunk} matrices of {@code matrixElements} numbers each, of a tensor
   * with {@code matrices} matrices, {@code heads} per layer.
   */
  ComputedChunks(
      int heads,
      int matrixElements,
      long matrices,
      int matricesPerChunk,
      Tensor4D.MatrixSource source) {
    this.heads = heads;
    this.matrixElements = matrixElements;
    this.matrices = matrices;
    this.matricesPerChunk = matricesPerChunk;
    int count = (int) ((matrices + matricesPerChunk - 1) / matricesPerChunk);
    this.chunks = new AtomicReferenceArray<>(count);
    this.locks = new Object[count];
    Arrays.setAll(locks, c -> new Object());
    this.missing = new AtomicInteger(count);
    this.source = source;
  }

  /** Chunk {@code c}, computed first if it is not yet. */
  FloatBuffer chunk(int c) {
    FloatBuffer chunk = chunks.get(c);
    return chunk != null ? chunk : compute(c);
  }

  /** The bytes of the chunks computed so far. */
  long computedBytes() {
    long bytes = 0;
    for (int c = 0; c < chunks.length(); c++) {
      FloatBuffer chunk = chunks.get(c);
      bytes += chunk == null ? 0 : (long) chunk.capacity() * Float.BYTES;
    }
    return bytes;
  }

  private FloatBuffer compute(int c) {
    if (Thread.holdsLock(locks[c])) {
      // This thread is computing chunk c already and asks for it again: a fork-join worker that,
      // while it waits for its share of the computation, runs another task that reads the chunk.
      // Waiting for itself would never end, so it computes the chunk once more, for that task.
      return FloatBuffer.wrap(values(c)).asReadOnlyBuffer();
    }
    synchronized (locks[c]) {
      FloatBuffer chunk = chunks.get(c);
      if (chunk != null) {
        return chunk;
      }
      chunk = FloatBuffer.wrap(values(c)).asReadOnlyBuffer();
      chunks.set(c, chunk);
      if (missing.decrementAndGet() == 0) {
        source = null;
      }
      return chunk;
    }
  }

  /** The numbers of chunk {@code c}, computed by the source (still set: chunk c is missing). */
  private float[] values(int c) {
    long first = (long) c * matricesPerChunk;
    int count = (int) Math.min(matricesPerChunk, matrices - first);
    float[] values = new float[count * matrixElements];
    Tensor4D.MatrixSource from = source;
    IntStream each = IntStream.range(0, count);
    if ((long) count * matrixElements >= PARALLEL_ELEMENTS) {
      each = each.parallel();
    }
    each.forEach(
        m -> {
          long index = first + m;
          from.compute((int) (index / heads), (int) (index % heads), values, m * matrixElements);
        });
    return values;
  }
}
