package dev.attnviz.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads whole matrices of a memory-mapped tensor from its file with positional reads, for passes
 * that look at every number of a matrix once: value checks, thumbnails, statistics. The first touch
 * of each mapped page costs a page fault, and on the build machine (a virtual machine, where page
 * faults are dear) a first pass over a 1.6 GB dump through its mapping took three times as long as
 * reading the same bytes with {@code read(2)}, as {@code cat} does (docs/PERFORMANCE.md, "Reading
 * mapped dumps"). Random access (hover, tooltips) still goes through the mapping.
 *
 * <p>Each thread reads into one direct buffer of its own, lent to a pass for the length of the call
 * (no array allocated per matrix), and remembers which matrix it holds, so that checking a head and
 * then drawing its thumbnail on the same thread read the file once. A read that fails for any
 * reason (the file moved, was replaced or shortened, the thread was interrupted) returns null and
 * the caller reads the mapping, which keeps showing the file as it was opened: this class never
 * changes what a tensor holds, only how fast it is read. Thread-safe.
 */
final class FileMatrices {

  /** Matrices larger than this are read through the mapping: each reading thread keeps a buffer. */
  static final long MAX_MATRIX_BYTES = 16L << 20;

  /** Per thread: the buffer the file is read into, and what it holds. */
  private static final ThreadLocal<Held> HELD = ThreadLocal.withInitial(Held::new);

  private final Path file;
  private final Object fileKey;
  private final long offset;
  private final ByteOrder order;
  private final int matrixBytes;

  /** A thread's read buffer and the matrix in it, if any. */
  private static final class Held {
    ByteBuffer bytes;
    FileMatrices owner;
    int index;
    boolean lent;
  }

  private FileMatrices(Path file, Object fileKey, long offset, ByteOrder order, int matrixBytes) {
    this.file = file;
    this.fileKey = fileKey;
    this.offset = offset;
    this.order = order;
    this.matrixBytes = matrixBytes;
  }

  /**
   * A reader of the matrices stored from {@code offset} in {@code file}, or null when they are too
   * large to read in one piece or the file cannot be identified (the mapping is then the only way).
   */
  static FileMatrices of(Path file, long offset, ByteOrder order, int matrixFloats) {
    long bytes = (long) matrixFloats * Float.BYTES;
    if (matrixFloats < 1 || bytes > MAX_MATRIX_BYTES) {
      return null;
    }
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return key == null ? null : new FileMatrices(file, key, offset, order, (int) bytes);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /**
   * Lends matrix {@code index} (in {@code [i0][i1]} order), read from the file, to {@code pass} and
   * returns what it returns; returns null without calling it if the file could not be read as it
   * was opened, or when a pass on this thread already holds the thread's buffer.
   *
   * @param done set to true when {@code pass} was called (its result may be null)
   */
  <R> R read(int index, Function<FloatBuffer, R> pass, boolean[] done) {
    Held held = HELD.get();
    if (held.lent) {
      return null; // a pass inside a pass: the outer one still reads this thread's buffer
    }
    if (held.owner != this || held.index != index) {
      held.owner = null;
      if (!readFromFile(index, held)) {
        return null;
      }
      held.owner = this;
      held.index = index;
    }
    held.lent = true;
    try {
      done[0] = true;
      return pass.apply(held.bytes.duplicate().order(order).asFloatBuffer().asReadOnlyBuffer());
    } finally {
      held.lent = false;
    }
  }

  private boolean readFromFile(int index, Held held) {
    if (held.bytes == null || held.bytes.capacity() < matrixBytes) {
      held.bytes = ByteBuffer.allocateDirect(matrixBytes);
    }
    ByteBuffer buffer = held.bytes.clear().limit(matrixBytes);
    long position = offset + (long) index * matrixBytes;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      // Opened by name: the same file as the mapping only if it is the same inode.
      if (!Objects.equals(fileKey, Files.readAttributes(file, BasicFileAttributes.class).fileKey())
          || channel.size() < position + matrixBytes) {
        return false;
      }
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          return false;
        }
      }
    } catch (IOException | SecurityException e) {
      // Includes ClosedByInterruptException: the thread's interrupt stays set for its owner.
      return false;
    }
    buffer.flip();
    return true;
  }
}
