package dev.attnviz.core.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable matrix of doubles, stored row-major: the result type of the analysis functions (a
 * head mean, a rollout, a layer × head grid of one statistic, a difference). Values may be negative
 * or NaN; nothing about probabilities is assumed.
 *
 * <p>Reads never expose the array: {@link #row(int)} and {@link #toArray()} return copies.
 * Thread-safe: immutable after construction.
 */
public final class Matrix {

  private final int rows;
  private final int cols;
  private final double[] values;

  /** Takes ownership of {@code values}; callers in this package never touch it again. */
  Matrix(int rows, int cols, double[] values) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative matrix shape " + rows + " x " + cols);
    }
    if ((long) rows * cols != values.length) {
      throw new IllegalArgumentException(
          rows
              + " x "
              + cols
              + " matrix needs "
              + (long) rows * cols
              + " values, got "
              + values.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.values = values;
  }

  /**
   * Returns a matrix holding a copy of {@code values}, which must have exactly {@code rows * cols}
   * elements in row-major order.
   *
   * @param rows the number of rows, at least 0
   * @param cols the number of columns, at least 0
   * @param values the values in row-major order; copied
   * @return a matrix holding its own copy of the values
   * @throws IllegalArgumentException if a dimension is negative or the value count does not match
   */
  public static Matrix of(int rows, int cols, double... values) {
    return new Matrix(rows, cols, Objects.requireNonNull(values, "values").clone());
  }

  /** {@return the number of rows} */
  public int rows() {
    return rows;
  }

  /** {@return the number of columns} */
  public int cols() {
    return cols;
  }

  /**
   * Returns the value at row {@code row}, column {@code col}.
   *
   * @param row the row, from 0 to {@link #rows()} - 1
   * @param col the column, from 0 to {@link #cols()} - 1
   * @return the value there
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double get(int row, int col) {
    return values[Objects.checkIndex(row, rows) * cols + Objects.checkIndex(col, cols)];
  }

  /**
   * Returns a copy of row {@code row}.
   *
   * @param row the row, from 0 to {@link #rows()} - 1
   * @return a new array of {@link #cols()} values
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public double[] row(int row) {
    int offset = Objects.checkIndex(row, rows) * cols;
    return Arrays.copyOfRange(values, offset, offset + cols);
  }

  /**
   * Returns the sum of row {@code row}, {@code Σ_j m[row][j]}.
   *
   * @param row the row, from 0 to {@link #rows()} - 1
   * @return the sum of the row's values
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public double rowSum(int row) {
    int offset = Objects.checkIndex(row, rows) * cols;
    double sum = 0;
    for (int j = 0; j < cols; j++) {
      sum += values[offset + j];
    }
    return sum;
  }

  /**
   * Returns a copy of every value, row-major.
   *
   * @return a new array of {@code rows * cols} values that the caller may change
   */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * Returns the matrix product {@code this · other}: {@code (this·other)[i][k] = Σ_j this[i][j] ·
   * other[j][k]}.
   *
   * @param other the right-hand factor; not null
   * @return a new {@code rows() × other.cols()} matrix
   * @throws IllegalArgumentException if {@code this.cols() != other.rows()}
   */
  public Matrix times(Matrix other) {
    Objects.requireNonNull(other, "other");
    if (cols != other.rows) {
      throw new IllegalArgumentException(
          "cannot multiply a " + shape() + " matrix by a " + other.shape() + " matrix");
    }
    int n = other.cols;
    double[] product = new double[Math.multiplyExact(rows, n)];
    for (int i = 0; i < rows; i++) {
      // i-j-k order walks both operands row by row, which keeps the inner loop cache-friendly.
      for (int j = 0; j < cols; j++) {
        double a = values[i * cols + j];
        if (a == 0) {
          continue;
        }
        int otherRow = j * n;
        int out = i * n;
        for (int k = 0; k < n; k++) {
          product[out + k] += a * other.values[otherRow + k];
        }
      }
    }
    return new Matrix(rows, n, product);
  }

  /**
   * Returns the element-wise difference {@code this − other}.
   *
   * @param other the matrix subtracted, of the same shape; not null
   * @return a new matrix of the differences
   * @throws IllegalArgumentException if the shapes differ
   */
  public Matrix minus(Matrix other) {
    Objects.requireNonNull(other, "other");
    if (rows != other.rows || cols != other.cols) {
      throw new IllegalArgumentException(
          "cannot subtract a " + other.shape() + " matrix from a " + shape() + " matrix");
    }
    double[] difference = new double[values.length];
    for (int p = 0; p < values.length; p++) {
      difference[p] = values[p] - other.values[p];
    }
    return new Matrix(rows, cols, difference);
  }

  /**
   * The smallest and largest value, ignoring NaN; for colour scales. {@link ValueRange#maxAbs()}
   * gives the bound of a diverging scale centred on 0.
   *
   * @return the range of the values; {@link ValueRange#EMPTY} if every value is NaN or there are
   *     none
   */
  public ValueRange range() {
    return ValueRange.of(values);
  }

  /** {@return the shape as {@code "rows x cols"}, for messages} */
  public String shape() {
    return rows + " x " + cols;
  }

  /** Two matrices are equal when their shapes and all values are equal ({@link Double#equals}). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Matrix that
        && rows == that.rows
        && cols == that.cols
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return (rows * 31 + cols) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Matrix[" + shape() + "]";
  }
}
