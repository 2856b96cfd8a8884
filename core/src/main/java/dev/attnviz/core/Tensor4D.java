package dev.attnviz.core;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An immutable four-dimensional array of floats, stored row-major either in one flat {@code
 * float[]} on the heap or in chunks of {@link FloatBuffer}s that each hold whole matrices (for
 * example memory-mapped parts of a file, see {@link #ofMatrixChunks}), so a tensor may hold more
 * elements than one Java array can.
 *
 * <p>Attention weights are {@code [layer][head][query][key]}; query and key vectors are {@code
 * [layer][head][token][dim]}. All index arithmetic of the library lives here so that no other class
 * computes flat offsets.
 *
 * <p>Instances are created with a {@link Builder}, which hands its array over on {@link
 * Builder#build()} instead of copying it: a result holds exactly one copy of its numbers. Reads
 * never expose the array; {@link #row} and {@link #matrix} return read-only views. A tensor derived
 * from another one matrix by matrix can compute each matrix when it is first read instead ({@link
 * #ofComputedMatrices}), so that what is never looked at is never computed.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class Tensor4D {

  /** The largest element count a Java array can reliably hold. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

  /** Bytes per mapping: far below the 2 GB a buffer can index, so a chunk holds many matrices. */
  private static final long MAPPING_BYTES = 1L << 30;

  private final int dim0;
  private final int dim1;
  private final int dim2;
  private final int dim3;

  /** The numbers on the heap, or null when they live in {@link #chunks}. */
  private final float[] data;

  /** Read-only buffers of {@link #matricesPerChunk} whole matrices each, or null. */
  private final FloatBuffer[] chunks;

  private final int matricesPerChunk;

  /**
   * Bounds that every element is known to lie within, learnt by the {@link Builder} while it copied
   * the values in ({@link Builder#setRow(int, int, int, FloatBuffer)}); NaN when not known. They
   * let {@link Attention} skip its second pass over numbers already checked on the way in.
   */
  private final float knownLeast;

  private final float knownGreatest;

  /** For a memory-mapped file, reads whole matrices faster than the mapping; else null. */
  private final FileMatrices file;

  /** The chunks of a tensor {@link #ofComputedMatrices computed when first read}, or null. */
  private final ComputedChunks computed;

  private int hash;

  private Tensor4D(int dim0, int dim1, int dim2, int dim3, float[] data) {
    this(dim0, dim1, dim2, dim3, data, Float.NaN, Float.NaN);
  }

  private Tensor4D(
      int dim0, int dim1, int dim2, int dim3, float[] data, float knownLeast, float knownGreatest) {
    this.dim0 = dim0;
    this.dim1 = dim1;
    this.dim2 = dim2;
    this.dim3 = dim3;
    this.data = data;
    this.chunks = null;
    this.matricesPerChunk = 0;
    this.knownLeast = knownLeast;
    this.knownGreatest = knownGreatest;
    this.file = null;
    this.computed = null;
  }

  private Tensor4D(
      int dim0,
      int dim1,
      int dim2,
      int dim3,
      FloatBuffer[] chunks,
      int matricesPerChunk,
      FileMatrices file) {
    this.dim0 = dim0;
    this.dim1 = dim1;
    this.dim2 = dim2;
    this.dim3 = dim3;
    this.data = null;
    this.chunks = chunks;
    this.matricesPerChunk = matricesPerChunk;
    this.knownLeast = Float.NaN;
    this.knownGreatest = Float.NaN;
    this.file = file;
    this.computed = null;
  }

  private Tensor4D(
      int dim0, int dim1, int dim2, int dim3, int matricesPerChunk, MatrixSource source) {
    this.dim0 = dim0;
    this.dim1 = dim1;
    this.dim2 = dim2;
    this.dim3 = dim3;
    this.data = null;
    this.chunks = null;
    this.matricesPerChunk = matricesPerChunk;
    this.knownLeast = Float.NaN;
    this.knownGreatest = Float.NaN;
    this.file = null;
    this.computed =
        new ComputedChunks(dim1, dim2 * dim3, (long) dim0 * dim1, matricesPerChunk, source);
  }

  /**
   * Computes the matrices of a tensor made by {@link #ofComputedMatrices}: a transform of another
   * tensor (a display option, a regrouping of tokens) that is worth computing only for what
   * something reads.
   */
  @FunctionalInterface
  public interface MatrixSource {

    /**
     * Writes the matrix {@code [i0][i1]}, {@code dim2 × dim3} values row-major, into {@code dest}
     * from {@code destPos}. Called once per matrix, possibly from several threads at once for
     * different matrices; the array is the tensor's own and must not be kept.
     *
     * @param i0 index in the first dimension, in range
     * @param i1 index in the second dimension, in range
     * @param dest where the matrix goes; every value of its range is 0 before the call
     * @param destPos the index in {@code dest} of the matrix's first value
     */
    void compute(int i0, int i1, float[] dest, int destPos);
  }

  /**
   * Returns a tensor whose matrices are computed by {@code source} when something first reads them,
   * and kept from then on, a layer ({@code [i0][*][*][*]}) at a time: a view that shows one layer
   * computes that layer only. Every read method works as on any tensor (and reads that need every
   * matrix, such as {@link #equals} or {@link #toArray}, compute them all). Once every layer is
   * computed the tensor drops {@code source}, and with it whatever the source holds.
   *
   * <p>A layer's matrices are computed in parallel when there are enough numbers to share, each
   * into the layer's one array (an array per layer, not per matrix: arrays of a megabyte or so
   * would be copied by every young collection, where a layer's array is allocated among the old
   * ones). Threads that read a layer being computed wait for it. An exception thrown by {@code
   * source} reaches the reader, and the layer is computed again on the next read.
   *
   * @param dim0 size of the first dimension (layers), at least 0
   * @param dim1 size of the second dimension (heads), at least 0
   * @param dim2 size of the third dimension (queries or tokens), at least 0
   * @param dim3 size of the fourth dimension (keys or vector components), at least 0
   * @param source computes a matrix; must be thread-safe; not null
   * @return a tensor of the given shape, none of whose matrices is computed yet
   * @throws IllegalArgumentException if a dimension is negative, a matrix holds more than {@link
   *     #MAX_ELEMENTS} elements, or there are more matrices than one Java array can hold
   */
  public static Tensor4D ofComputedMatrices(
      int dim0, int dim1, int dim2, int dim3, MatrixSource source) {
    Objects.requireNonNull(source, "source");
    long matrixElements = checkedSize(1, 1, dim2, dim3);
    checkedSize(dim0, dim1, 1, 1);
    // A layer per chunk when it fits one array, else one matrix per chunk.
    int perChunk = dim1 > 0 && matrixElements * dim1 <= MAX_ELEMENTS ? dim1 : 1;
    return new Tensor4D(dim0, dim1, dim2, dim3, perChunk, source);
  }

  /**
   * Returns a tensor over buffers that hold its matrices {@code [i0][i1][*][*]} in row-major order,
   * {@code matricesPerChunk} whole matrices in each buffer (from its position; the last buffer may
   * hold fewer). The buffers are not copied: this is how a memory-mapped file becomes a tensor
   * without using the heap. They must not change afterwards.
   *
   * @param chunks the buffers, in order, each read from its position to its limit; not copied, and
   *     must not change afterwards
   * @param matricesPerChunk how many whole {@code dim2 × dim3} matrices each buffer holds (at least
   *     1); the last buffer may hold fewer
   * @param dim0 size of the first dimension (layers), at least 0
   * @param dim1 size of the second dimension (heads), at least 0
   * @param dim2 size of the third dimension (queries or tokens), at least 0
   * @param dim3 size of the fourth dimension (keys or vector components), at least 0
   * @return a read-only tensor over the given buffers
   * @throws IllegalArgumentException if a dimension is negative, a matrix holds more than {@link
   *     #MAX_ELEMENTS} elements, or the buffers do not hold exactly the tensor's matrices
   */
  public static Tensor4D ofMatrixChunks(
      List<FloatBuffer> chunks, int matricesPerChunk, int dim0, int dim1, int dim2, int dim3) {
    long matrixElements = checkedSize(1, 1, dim2, dim3);
    if (dim0 < 0 || dim1 < 0) {
      throw new IllegalArgumentException(
          "negative dimension in shape " + shapeString(dim0, dim1, dim2, dim3));
    }
    long matrices = (long) dim0 * dim1;
    if (matricesPerChunk < 1 || matrixElements * matricesPerChunk > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          matricesPerChunk + " matrices of " + matrixElements + " elements do not fit one buffer");
    }
    long expectedChunks = (matrices + matricesPerChunk - 1) / matricesPerChunk;
    if (chunks.size() != expectedChunks) {
      throw new IllegalArgumentException(
          chunks.size() + " buffers given but " + expectedChunks + " needed");
    }
    FloatBuffer[] views = new FloatBuffer[chunks.size()];
    for (int c = 0; c < views.length; c++) {
      long held = Math.min(matricesPerChunk, matrices - (long) c * matricesPerChunk);
      FloatBuffer chunk = chunks.get(c).slice();
      if (chunk.remaining() != held * matrixElements) {
        throw new IllegalArgumentException(
            "buffer "
                + c
                + " holds "
                + chunk.remaining()
                + " floats, not "
                + held * matrixElements);
      }
      views[c] = chunk.asReadOnlyBuffer();
    }
    return new Tensor4D(dim0, dim1, dim2, dim3, views, matricesPerChunk, null);
  }

  /**
   * Memory-maps {@code dim0 × dim1} matrices of {@code dim2 × dim3} float32 values stored row-major
   * from {@code offset} in {@code file}: the numbers stay in the operating system's page cache, are
   * read from the disk only when looked at, and take no Java heap. {@link #readMatrix} reads whole
   * matrices from the file with positional reads, which is several times faster than a first pass
   * through the mapping. The mappings are released when the tensor is garbage; the file must not be
   * rewritten in place while the tensor is in use.
   *
   * @param file the file
   * @param offset where the first matrix starts, in bytes
   * @param order the byte order of the values
   * @param dim0 size of the first dimension (layers), at least 0
   * @param dim1 size of the second dimension (heads), at least 0
   * @param dim2 size of the third dimension (queries or tokens), at least 1
   * @param dim3 size of the fourth dimension (keys or vector components), at least 1
   * @return a read-only tensor over the file
   * @throws IllegalArgumentException if a dimension is out of range, one matrix is larger than a
   *     mapping can be (2 GB), or the data would run past the end of the file
   * @throws IOException if the file cannot be opened or mapped
   */
  public static Tensor4D mapFile(
      Path file, long offset, ByteOrder order, int dim0, int dim1, int dim2, int dim3)
      throws IOException {
    int matrixElements = (int) Math.min(Integer.MAX_VALUE, checkedSize(1, 1, dim2, dim3));
    long matrixBytes = (long) matrixElements * Float.BYTES;
    if (dim0 < 0 || dim1 < 0 || matrixElements < 1 || matrixBytes > MAX_ELEMENTS) {
      throw new IllegalArgumentException(
          "cannot map matrices of shape " + shapeString(dim0, dim1, dim2, dim3));
    }
    int perChunk = (int) Math.max(1, MAPPING_BYTES / matrixBytes);
    long matrices = (long) dim0 * dim1;
    List<FloatBuffer> chunks = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (offset < 0 || offset + matrices * matrixBytes > channel.size()) {
        throw new IllegalArgumentException(
            shapeString(dim0, dim1, dim2, dim3)
                + " floats from byte "
                + offset
                + " run past the "
                + channel.size()
                + " bytes of "
                + file);
      }
      for (long first = 0; first < matrices; first += perChunk) {
        long bytes = Math.min(perChunk, matrices - first) * matrixBytes;
        chunks.add(
            channel
                .map(FileChannel.MapMode.READ_ONLY, offset + first * matrixBytes, bytes)
                .order(order)
                .asFloatBuffer()
                .asReadOnlyBuffer());
      }
    }
    return new Tensor4D(
        dim0,
        dim1,
        dim2,
        dim3,
        chunks.toArray(FloatBuffer[]::new),
        perChunk,
        FileMatrices.of(file, offset, order, matrixElements));
  }

  /**
   * Returns a builder for a zero-filled tensor of the given shape.
   *
   * @param dim0 size of the first dimension (layers), at least 0
   * @param dim1 size of the second dimension (heads), at least 0
   * @param dim2 size of the third dimension (queries or tokens), at least 0
   * @param dim3 size of the fourth dimension (keys or vector components), at least 0
   * @return a new builder whose elements are all 0
   * @throws IllegalArgumentException if a dimension is negative or the element count exceeds {@link
   *     #MAX_ELEMENTS}
   */
  public static Builder builder(int dim0, int dim1, int dim2, int dim3) {
    return new Builder(dim0, dim1, dim2, dim3);
  }

  /**
   * Returns a tensor holding a copy of {@code values}, which must have exactly {@code
   * dim0*dim1*dim2*dim3} elements in row-major order.
   *
   * @param values the elements in row-major order; copied, so later changes to it do not show
   * @param dim0 size of the first dimension (layers), at least 0
   * @param dim1 size of the second dimension (heads), at least 0
   * @param dim2 size of the third dimension (queries or tokens), at least 0
   * @param dim3 size of the fourth dimension (keys or vector components), at least 0
   * @return a heap tensor holding its own copy of {@code values}
   * @throws IllegalArgumentException if the value count does not match the shape
   */
  public static Tensor4D copyOf(float[] values, int dim0, int dim1, int dim2, int dim3) {
    Objects.requireNonNull(values, "values");
    long expected = checkedSize(dim0, dim1, dim2, dim3);
    if (values.length != expected) {
      throw new IllegalArgumentException(
          "values has "
              + values.length
              + " elements but shape "
              + shapeString(dim0, dim1, dim2, dim3)
              + " needs "
              + expected);
    }
    return new Tensor4D(dim0, dim1, dim2, dim3, values.clone());
  }

  /**
   * Returns the element count of the given shape, checking that a tensor of that shape can exist.
   *
   * @param dim0 size of the first dimension, at least 0
   * @param dim1 size of the second dimension, at least 0
   * @param dim2 size of the third dimension, at least 0
   * @param dim3 size of the fourth dimension, at least 0
   * @return {@code dim0*dim1*dim2*dim3}, between 0 and {@link #MAX_ELEMENTS}
   * @throws IllegalArgumentException if a dimension is negative or the count exceeds {@link
   *     #MAX_ELEMENTS}
   */
  public static long checkedSize(long dim0, long dim1, long dim2, long dim3) {
    if (dim0 < 0 || dim1 < 0 || dim2 < 0 || dim3 < 0) {
      throw new IllegalArgumentException(
          "negative dimension in shape " + shapeString(dim0, dim1, dim2, dim3));
    }
    long size = 1;
    for (long d : new long[] {dim0, dim1, dim2, dim3}) {
      if (d != 0 && size > MAX_ELEMENTS / d) {
        throw tooLarge(dim0, dim1, dim2, dim3);
      }
      size *= d;
    }
    if (size > MAX_ELEMENTS) {
      throw tooLarge(dim0, dim1, dim2, dim3);
    }
    return size;
  }

  private static IllegalArgumentException tooLarge(long d0, long d1, long d2, long d3) {
    return new IllegalArgumentException(
        "shape "
            + shapeString(d0, d1, d2, d3)
            + " has more elements than one Java array can hold ("
            + MAX_ELEMENTS
            + ")");
  }

  static String shapeString(long d0, long d1, long d2, long d3) {
    return "[" + d0 + ", " + d1 + ", " + d2 + ", " + d3 + "]";
  }

  /** {@return the size of the first dimension (layers)} */
  public int dim0() {
    return dim0;
  }

  /** {@return the size of the second dimension (heads)} */
  public int dim1() {
    return dim1;
  }

  /** {@return the size of the third dimension (queries, or tokens for vectors)} */
  public int dim2() {
    return dim2;
  }

  /** {@return the size of the fourth dimension (keys, or vector components)} */
  public int dim3() {
    return dim3;
  }

  /**
   * Total number of elements.
   *
   * @return {@code dim0*dim1*dim2*dim3}
   * @throws ArithmeticException if the tensor holds more than {@link Integer#MAX_VALUE} elements
   *     (possible only for chunked tensors; use {@link #elementCount()})
   */
  public int size() {
    return Math.toIntExact(elementCount());
  }

  /**
   * {@return the total number of elements} It may exceed what one Java array can hold for chunked
   * tensors.
   */
  public long elementCount() {
    return (long) dim0 * dim1 * dim2 * dim3;
  }

  /**
   * {@return the bytes held by the numbers of this tensor, wherever they are} This is {@link
   * #elementCount()} times 4.
   */
  public long byteSize() {
    return elementCount() * Float.BYTES;
  }

  /**
   * Bytes of the Java heap held by the numbers: {@link #byteSize()} for a tensor on the heap, 0 for
   * one over memory-mapped (or other direct) buffers, which cost memory only for the pages read;
   * for a tensor of {@linkplain #ofComputedMatrices computed matrices}, the bytes of the layers
   * computed so far.
   *
   * @return the heap bytes of the numbers, 0 for a tensor over direct buffers
   */
  public long heapByteSize() {
    if (computed != null) {
      return computed.computedBytes();
    }
    return data != null ? byteSize() : 0;
  }

  /**
   * Whether every element is known, without reading them again, to lie within {@code [least,
   * greatest]}: true only for a tensor whose builder saw every value it was given (see {@link
   * Builder#setRow(int, int, int, FloatBuffer)}) and found none outside, NaN or infinite.
   */
  boolean knownWithin(float least, float greatest) {
    return knownLeast >= least && knownGreatest <= greatest;
  }

  /** {@return the shape as {@code [dim0, dim1, dim2, dim3]}, for messages} */
  public String shape() {
    return shapeString(dim0, dim1, dim2, dim3);
  }

  /**
   * Returns one element.
   *
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @param i2 index in the third dimension, from 0 to {@link #dim2()} - 1
   * @param i3 index in the fourth dimension, from 0 to {@link #dim3()} - 1
   * @return the element {@code [i0][i1][i2][i3]}
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public float get(int i0, int i1, int i2, int i3) {
    if (data == null) {
      int offset = chunkOffset(i0, i1) + Objects.checkIndex(i2, dim2) * dim3;
      return chunk(i0, i1).get(offset + Objects.checkIndex(i3, dim3));
    }
    return data[rowOffset(i0, i1, i2) + Objects.checkIndex(i3, dim3)];
  }

  /**
   * Returns a read-only view of the row {@code [i0][i1][i2][*]} ({@link #dim3()} values). The view
   * shares the tensor's memory; it is cheap to create.
   *
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @param i2 index in the third dimension, from 0 to {@link #dim2()} - 1
   * @return a read-only buffer of {@link #dim3()} values, position 0
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public FloatBuffer row(int i0, int i1, int i2) {
    if (data == null) {
      int offset = chunkOffset(i0, i1) + Objects.checkIndex(i2, dim2) * dim3;
      return chunk(i0, i1).slice(offset, dim3);
    }
    return FloatBuffer.wrap(data, rowOffset(i0, i1, i2), dim3).slice().asReadOnlyBuffer();
  }

  /**
   * Returns a read-only view of the matrix {@code [i0][i1][*][*]} ({@link #dim2()} × {@link
   * #dim3()} values, row-major).
   *
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @return a read-only buffer of {@code dim2 × dim3} values, position 0
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public FloatBuffer matrix(int i0, int i1) {
    if (data == null) {
      return chunk(i0, i1).slice(chunkOffset(i0, i1), dim2 * dim3);
    }
    return FloatBuffer.wrap(data, matrixOffset(i0, i1), dim2 * dim3).slice().asReadOnlyBuffer();
  }

  /**
   * Calls {@code pass} with the matrix {@code [i0][i1]} and returns what it returns: for a pass
   * over all its numbers, such as a check or a thumbnail. For a tensor in memory the buffer is the
   * view {@link #matrix} returns. For a memory-mapped file ({@link #mapFile}) the matrix is read
   * from the file in one piece into a buffer of the calling thread, because a first pass through a
   * mapping pays a page fault per page; the buffer is lent for the length of the call and reused by
   * the next, so {@code pass} must not keep it, and asking for the same matrix again on the same
   * thread does not read it again. Use {@link #matrix} for a few numbers of a matrix, and this for
   * all.
   *
   * @param <R> what the pass returns
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @param pass reads the matrix: a read-only buffer of {@code dim2 × dim3} values, position 0,
   *     holding what {@link #matrix} holds, valid only until {@code pass} returns
   * @return what {@code pass} returns
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public <R> R readMatrix(int i0, int i1, Function<FloatBuffer, R> pass) {
    if (file != null) {
      Objects.checkIndex(i0, dim0);
      Objects.checkIndex(i1, dim1);
      boolean[] done = new boolean[1];
      R result = file.read(i0 * dim1 + i1, pass, done);
      if (done[0]) {
        return result;
      }
    }
    return pass.apply(matrix(i0, i1));
  }

  /**
   * Copies the row {@code [i0][i1][i2][*]} into {@code dest} starting at {@code destPos}.
   *
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @param i2 index in the third dimension, from 0 to {@link #dim2()} - 1
   * @param dest the array to write {@link #dim3()} values into
   * @param destPos the index in {@code dest} of the first value written
   * @throws IndexOutOfBoundsException if an index is out of range or {@code dest} is too short
   */
  public void copyRow(int i0, int i1, int i2, float[] dest, int destPos) {
    if (data == null) {
      row(i0, i1, i2).get(dest, destPos, dim3);
      return;
    }
    System.arraycopy(data, rowOffset(i0, i1, i2), dest, destPos, dim3);
  }

  /**
   * Returns a new array holding the matrix {@code [i0][i1][*][*]}, row-major.
   *
   * @param i0 index in the first dimension, from 0 to {@link #dim0()} - 1
   * @param i1 index in the second dimension, from 0 to {@link #dim1()} - 1
   * @return a new array of {@code dim2 × dim3} values that the caller may change
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public float[] copyMatrix(int i0, int i1) {
    if (data == null) {
      float[] copy = new float[dim2 * dim3];
      matrix(i0, i1).get(copy);
      return copy;
    }
    int offset = matrixOffset(i0, i1);
    return Arrays.copyOfRange(data, offset, offset + dim2 * dim3);
  }

  /**
   * Returns a new array holding every element, row-major.
   *
   * @return a new array of {@link #elementCount()} values that the caller may change
   * @throws IllegalStateException if the tensor holds more elements than one Java array can
   */
  public float[] toArray() {
    if (data != null) {
      return data.clone();
    }
    if (elementCount() > MAX_ELEMENTS) {
      throw new IllegalStateException(
          this + " has more elements than one Java array can hold; read it by matrix");
    }
    float[] all = new float[(int) elementCount()];
    int matrix = dim2 * dim3;
    for (int i0 = 0; i0 < dim0; i0++) {
      for (int i1 = 0; i1 < dim1; i1++) {
        matrix(i0, i1).get(all, (i0 * dim1 + i1) * matrix, matrix);
      }
    }
    return all;
  }

  /** The buffer holding the matrix {@code [i0][i1]} of a chunked or computed tensor. */
  private FloatBuffer chunk(int i0, int i1) {
    Objects.checkIndex(i0, dim0);
    Objects.checkIndex(i1, dim1);
    int c = (int) (((long) i0 * dim1 + i1) / matricesPerChunk);
    return computed != null ? computed.chunk(c) : chunks[c];
  }

  /** Where the matrix {@code [i0][i1]} starts in its chunk (indices checked by {@link #chunk}). */
  private int chunkOffset(int i0, int i1) {
    return (int) (((long) i0 * dim1 + i1) % matricesPerChunk) * dim2 * dim3;
  }

  private int matrixOffset(int i0, int i1) {
    Objects.checkIndex(i0, dim0);
    Objects.checkIndex(i1, dim1);
    return (i0 * dim1 + i1) * dim2 * dim3;
  }

  private int rowOffset(int i0, int i1, int i2) {
    return matrixOffset(i0, i1) + Objects.checkIndex(i2, dim2) * dim3;
  }

  /** Two tensors are equal when their shapes and all elements are equal. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Tensor4D that)) {
      return false;
    }
    if (dim0 != that.dim0 || dim1 != that.dim1 || dim2 != that.dim2 || dim3 != that.dim3) {
      return false;
    }
    if (data != null && that.data != null) {
      return Arrays.equals(data, that.data);
    }
    for (int i0 = 0; i0 < dim0; i0++) {
      for (int i1 = 0; i1 < dim1; i1++) {
        // FloatBuffer.equals treats NaN as equal to NaN, as Arrays.equals does.
        if (!matrix(i0, i1).equals(that.matrix(i0, i1))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      // Racy but benign: every thread computes the same value from immutable state.
      h = Objects.hash(dim0, dim1, dim2, dim3) * 31 + elementsHash();
      hash = h;
    }
    return h;
  }

  /** {@link Arrays#hashCode(float[])} of all elements, whatever the storage. */
  private int elementsHash() {
    if (data != null) {
      return Arrays.hashCode(data);
    }
    int h = 1;
    for (int i0 = 0; i0 < dim0; i0++) {
      for (int i1 = 0; i1 < dim1; i1++) {
        FloatBuffer matrix = matrix(i0, i1);
        for (int p = 0; p < matrix.limit(); p++) {
          h = 31 * h + Float.floatToIntBits(matrix.get(p));
        }
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return "Tensor4D" + shape();
  }

  /**
   * Fills a tensor in place, then hands the array over to an immutable {@link Tensor4D} without
   * copying. Not thread-safe; unusable after {@link #build()}.
   */
  public static final class Builder {
    private final int dim0;
    private final int dim1;
    private final int dim2;
    private final int dim3;
    private float[] data;

    /** Notes the values read from buffers; null until the first such read. */
    private RangeNotingCopy noted;

    /** Whether a value was written without being noted: then nothing is known of the values. */
    private boolean unnoted;

    private Builder(int dim0, int dim1, int dim2, int dim3) {
      this.data = new float[Math.toIntExact(checkedSize(dim0, dim1, dim2, dim3))];
      this.dim0 = dim0;
      this.dim1 = dim1;
      this.dim2 = dim2;
      this.dim3 = dim3;
    }

    /**
     * Sets one element.
     *
     * @param i0 index in the first dimension
     * @param i1 index in the second dimension
     * @param i2 index in the third dimension
     * @param i3 index in the fourth dimension
     * @param value the new value
     * @return this builder
     * @throws IndexOutOfBoundsException if an index is out of its dimension's range
     * @throws IllegalStateException if {@link #build()} was called
     */
    public Builder set(int i0, int i1, int i2, int i3, float value) {
      array()[offset(i0, i1, i2) + Objects.checkIndex(i3, dim3)] = value;
      unnoted = true;
      return this;
    }

    /**
     * Copies {@link Tensor4D#dim3()} values from {@code src} into the row {@code [i0][i1][i2]}.
     *
     * @param i0 index in the first dimension
     * @param i1 index in the second dimension
     * @param i2 index in the third dimension
     * @param src the array to copy from
     * @param srcPos the index in {@code src} of the first value copied
     * @return this builder
     * @throws IndexOutOfBoundsException if an index is out of range or {@code src} is too short
     * @throws IllegalStateException if {@link #build()} was called
     */
    public Builder setRow(int i0, int i1, int i2, float[] src, int srcPos) {
      System.arraycopy(src, srcPos, array(), offset(i0, i1, i2), dim3);
      unnoted = true;
      return this;
    }

    /**
     * Reads {@link Tensor4D#dim3()} values from {@code src} (advancing its position) into the row
     * {@code [i0][i1][i2]}.
     *
     * <p>The builder notes the least and greatest value while the row is in cache, so that {@link
     * Attention} need not read the finished tensor again to check its values (for a model's output
     * copied from native memory, a second pass over megabytes no longer in cache). Rows written
     * with {@link #setRows} and {@link #setRowOfEveryI1} are noted the same way; values written
     * with the other setters are not, and the tensor's values are then checked when an {@link
     * Attention} is built, as always.
     *
     * @param i0 index in the first dimension
     * @param i1 index in the second dimension
     * @param i2 index in the third dimension
     * @param src the buffer to read from; its position advances by {@link Tensor4D#dim3()}
     * @return this builder
     * @throws IndexOutOfBoundsException if an index is out of its dimension's range
     * @throws java.nio.BufferUnderflowException if {@code src} has fewer values remaining
     * @throws IllegalStateException if {@link #build()} was called
     */
    public Builder setRow(int i0, int i1, int i2, FloatBuffer src) {
      noting().copy(src, array(), offset(i0, i1, i2), dim3);
      return this;
    }

    /**
     * Reads {@code count} whole rows from {@code src} (advancing its position) into the rows {@code
     * [i0][i1][i2]} to {@code [i0][i1][i2 + count - 1]}, which lie one after the other; the values
     * are noted like those of {@link #setRow(int, int, int, FloatBuffer)}, a few kilobytes at a
     * time, each piece right after it was read.
     *
     * @param i0 index in the first dimension
     * @param i1 index in the second dimension
     * @param i2 index in the third dimension of the first row
     * @param count how many rows, from 0 to {@link Tensor4D#dim2()} - {@code i2}
     * @param src the buffer to read from; its position advances by {@code count × dim3}
     * @return this builder
     * @throws IndexOutOfBoundsException if an index or the count is out of range
     * @throws java.nio.BufferUnderflowException if {@code src} has fewer values remaining
     * @throws IllegalStateException if {@link #build()} was called
     */
    public Builder setRows(int i0, int i1, int i2, int count, FloatBuffer src) {
      Objects.checkFromIndexSize(i2, count, dim2);
      if (count > 0) {
        noting().copy(src, array(), offset(i0, i1, i2), count * dim3);
      }
      return this;
    }

    /**
     * Reads the rows {@code [i0][0][i2]}, {@code [i0][1][i2]}, ..., {@code [i0][dim1 - 1][i2]},
     * stored one after another in {@code src} (advancing its position by {@code dim1 × dim3}): one
     * token's vectors of every head, from a projection stored {@code [tokens][heads × dim]} before
     * it is split into heads. The values are noted like those of {@link #setRow(int, int, int,
     * FloatBuffer)}.
     *
     * @param i0 index in the first dimension
     * @param i2 index in the third dimension
     * @param src the buffer to read from; its position advances by {@code dim1 × dim3}
     * @return this builder
     * @throws IndexOutOfBoundsException if an index is out of its dimension's range
     * @throws java.nio.BufferUnderflowException if {@code src} has fewer values remaining
     * @throws IllegalStateException if {@link #build()} was called
     */
    public Builder setRowOfEveryI1(int i0, int i2, FloatBuffer src) {
      if (dim1 > 0) {
        noting().copyRuns(src, array(), offset(i0, 0, i2), dim3, dim1, dim2 * dim3);
      }
      return this;
    }

    /**
     * Reads one element of the partly filled tensor.
     *
     * @param i0 index in the first dimension
     * @param i1 index in the second dimension
     * @param i2 index in the third dimension
     * @param i3 index in the fourth dimension
     * @return the element as last set, 0 if never set
     * @throws IndexOutOfBoundsException if an index is out of its dimension's range
     * @throws IllegalStateException if {@link #build()} was called
     */
    public float get(int i0, int i1, int i2, int i3) {
      return array()[offset(i0, i1, i2) + Objects.checkIndex(i3, dim3)];
    }

    /**
     * Returns the finished tensor; the builder cannot be used afterwards.
     *
     * @return the tensor, which now owns the builder's array
     * @throws IllegalStateException if {@link #build()} was called before
     */
    public Tensor4D build() {
      float[] array = array();
      // Unwritten elements hold 0, so a builder never written to knows its values: all 0.
      float least = unnoted ? Float.NaN : noted == null ? 0f : noted.least();
      float greatest = unnoted ? Float.NaN : noted == null ? 0f : noted.greatest();
      Tensor4D tensor = new Tensor4D(dim0, dim1, dim2, dim3, array, least, greatest);
      data = null;
      noted = null;
      return tensor;
    }

    private RangeNotingCopy noting() {
      if (noted == null) {
        noted = new RangeNotingCopy();
      }
      return noted;
    }

    private float[] array() {
      if (data == null) {
        throw new IllegalStateException("build() was already called on this builder");
      }
      return data;
    }

    private int offset(int i0, int i1, int i2) {
      Objects.checkIndex(i0, dim0);
      Objects.checkIndex(i1, dim1);
      Objects.checkIndex(i2, dim2);
      return ((i0 * dim1 + i1) * dim2 + i2) * dim3;
    }
  }
}
