package dev.attnviz.core;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable four-dimensional array of floats, stored row-major in one flat {@code float[]}.
 *
 * <p>Attention weights are {@code [layer][head][query][key]}; query and key vectors are {@code
 * [layer][head][token][dim]}. All index arithmetic of the library lives here so that no other class
 * computes flat offsets.
 *
 * <p>Instances are created with a {@link Builder}, which hands its array over on {@link
 * Builder#build()} instead of copying it: a result holds exactly one copy of its numbers. Reads
 * never expose the array; {@link #row} and {@link #matrix} return read-only views.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class Tensor4D {

  /** The largest element count a Java array can reliably hold. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

  private final int dim0;
  private final int dim1;
  private final int dim2;
  private final int dim3;
  private final float[] data;
  private int hash;

  private Tensor4D(int dim0, int dim1, int dim2, int dim3, float[] data) {
    this.dim0 = dim0;
    this.dim1 = dim1;
    this.dim2 = dim2;
    this.dim3 = dim3;
    this.data = data;
  }

  /**
   * Returns a builder for a zero-filled tensor of the given shape.
   *
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

  /** Size of the first dimension (layers). */
  public int dim0() {
    return dim0;
  }

  /** Size of the second dimension (heads). */
  public int dim1() {
    return dim1;
  }

  /** Size of the third dimension (queries, or tokens for vectors). */
  public int dim2() {
    return dim2;
  }

  /** Size of the fourth dimension (keys, or vector components). */
  public int dim3() {
    return dim3;
  }

  /** Total number of elements. */
  public int size() {
    return data.length;
  }

  /** Bytes held by the numbers of this tensor. */
  public long byteSize() {
    return (long) data.length * Float.BYTES;
  }

  /** The shape as {@code [dim0, dim1, dim2, dim3]}, for messages. */
  public String shape() {
    return shapeString(dim0, dim1, dim2, dim3);
  }

  /**
   * Returns one element.
   *
   * @throws IndexOutOfBoundsException if an index is out of its dimension's range
   */
  public float get(int i0, int i1, int i2, int i3) {
    return data[rowOffset(i0, i1, i2) + Objects.checkIndex(i3, dim3)];
  }

  /**
   * Returns a read-only view of the row {@code [i0][i1][i2][*]} ({@link #dim3()} values). The view
   * shares the tensor's memory; it is cheap to create.
   */
  public FloatBuffer row(int i0, int i1, int i2) {
    return FloatBuffer.wrap(data, rowOffset(i0, i1, i2), dim3).slice().asReadOnlyBuffer();
  }

  /**
   * Returns a read-only view of the matrix {@code [i0][i1][*][*]} ({@link #dim2()} × {@link
   * #dim3()} values, row-major).
   */
  public FloatBuffer matrix(int i0, int i1) {
    return FloatBuffer.wrap(data, matrixOffset(i0, i1), dim2 * dim3).slice().asReadOnlyBuffer();
  }

  /** Copies the row {@code [i0][i1][i2][*]} into {@code dest} starting at {@code destPos}. */
  public void copyRow(int i0, int i1, int i2, float[] dest, int destPos) {
    System.arraycopy(data, rowOffset(i0, i1, i2), dest, destPos, dim3);
  }

  /** Returns a new array holding the matrix {@code [i0][i1][*][*]}, row-major. */
  public float[] copyMatrix(int i0, int i1) {
    int offset = matrixOffset(i0, i1);
    return Arrays.copyOfRange(data, offset, offset + dim2 * dim3);
  }

  /** Returns a new array holding every element, row-major. */
  public float[] toArray() {
    return data.clone();
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
    return dim0 == that.dim0
        && dim1 == that.dim1
        && dim2 == that.dim2
        && dim3 == that.dim3
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      // Racy but benign: every thread computes the same value from immutable state.
      h = Objects.hash(dim0, dim1, dim2, dim3) * 31 + Arrays.hashCode(data);
      hash = h;
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

    private Builder(int dim0, int dim1, int dim2, int dim3) {
      this.data = new float[Math.toIntExact(checkedSize(dim0, dim1, dim2, dim3))];
      this.dim0 = dim0;
      this.dim1 = dim1;
      this.dim2 = dim2;
      this.dim3 = dim3;
    }

    /** Sets one element. */
    public Builder set(int i0, int i1, int i2, int i3, float value) {
      array()[offset(i0, i1, i2) + Objects.checkIndex(i3, dim3)] = value;
      return this;
    }

    /** Copies {@link Tensor4D#dim3()} values from {@code src} into the row {@code [i0][i1][i2]}. */
    public Builder setRow(int i0, int i1, int i2, float[] src, int srcPos) {
      System.arraycopy(src, srcPos, array(), offset(i0, i1, i2), dim3);
      return this;
    }

    /**
     * Reads {@link Tensor4D#dim3()} values from {@code src} (advancing its position) into the row
     * {@code [i0][i1][i2]}.
     */
    public Builder setRow(int i0, int i1, int i2, FloatBuffer src) {
      src.get(array(), offset(i0, i1, i2), dim3);
      return this;
    }

    /** Reads one element of the partly filled tensor. */
    public float get(int i0, int i1, int i2, int i3) {
      return array()[offset(i0, i1, i2) + Objects.checkIndex(i3, dim3)];
    }

    /** Returns the finished tensor; the builder cannot be used afterwards. */
    public Tensor4D build() {
      Tensor4D tensor = new Tensor4D(dim0, dim1, dim2, dim3, array());
      data = null;
      return tensor;
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
