package dev.attnviz.core.io;

import dev.attnviz.core.Tensor4D;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory-maps float32 data of a file as a {@link Tensor4D}: the numbers stay in the operating
 * system's page cache, are read from the disk only when looked at, and take no Java heap. One
 * mapping is limited to 2 GB, so the data is mapped in chunks of whole matrices.
 */
final class MappedTensors {

  /** Bytes per mapping: far below the 2 GB a buffer can index, so a chunk holds many matrices. */
  static final long CHUNK_BYTES = 1L << 30;

  private MappedTensors() {}

  /**
   * Maps {@code d0 × d1} matrices of {@code d2 × d3} floats from {@code offset}; returns null when
   * one matrix alone is larger than a mapping can be. The caller has checked that the range lies
   * inside the file. The mappings outlive the channel and are released when the tensor is garbage.
   */
  static Tensor4D map(
      FileChannel channel, long offset, ByteOrder order, int d0, int d1, int d2, int d3)
      throws IOException {
    long matrixBytes = (long) d2 * d3 * Float.BYTES;
    if (matrixBytes > Integer.MAX_VALUE - 8L) {
      return null;
    }
    int perChunk = (int) Math.max(1, CHUNK_BYTES / matrixBytes);
    long matrices = (long) d0 * d1;
    List<FloatBuffer> chunks = new ArrayList<>();
    for (long first = 0; first < matrices; first += perChunk) {
      long bytes = Math.min(perChunk, matrices - first) * matrixBytes;
      chunks.add(
          channel
              .map(FileChannel.MapMode.READ_ONLY, offset + first * matrixBytes, bytes)
              .order(order)
              .asFloatBuffer());
    }
    return Tensor4D.ofMatrixChunks(chunks, perChunk, d0, d1, d2, d3);
  }
}
