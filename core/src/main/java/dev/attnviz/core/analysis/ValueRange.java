package dev.attnviz.core.analysis;

import java.nio.FloatBuffer;

/**
 * The smallest and largest of a set of values, NaN ignored: what a colour scale needs. Both ends
 * are NaN when there was no value other than NaN.
 *
 * @param min the smallest value, or NaN
 * @param max the largest value, or NaN
 */
public record ValueRange(double min, double max) {

  /** The range of no values. */
  public static final ValueRange EMPTY = new ValueRange(Double.NaN, Double.NaN);

  /**
   * Checks the ends.
   *
   * @param min the smallest value, or NaN
   * @param max the largest value, or NaN (exactly when {@code min} is)
   * @throws IllegalArgumentException if only one end is NaN or {@code min > max}
   */
  public ValueRange {
    if (Double.isNaN(min) != Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("invalid value range [" + min + ", " + max + "]");
    }
  }

  /**
   * Returns the range of {@code values}, NaN ignored.
   *
   * @param values the values; not null
   * @return their range, {@link #EMPTY} if there is no value other than NaN
   */
  public static ValueRange of(double... values) {
    ValueRange range = EMPTY;
    for (double value : values) {
      range = range.including(value);
    }
    return range;
  }

  /** Returns the range of the remaining values of {@code values}, NaN ignored. */
  static ValueRange of(FloatBuffer values) {
    ValueRange range = EMPTY;
    while (values.hasRemaining()) {
      range = range.including(values.get());
    }
    return range;
  }

  /**
   * Returns the range that also covers {@code value}; NaN leaves it unchanged.
   *
   * @param value the value to include
   * @return this range if it already covers {@code value}, else a wider one
   */
  public ValueRange including(double value) {
    if (Double.isNaN(value)) {
      return this;
    }
    if (isEmpty()) {
      return new ValueRange(value, value);
    }
    return value < min || value > max
        ? new ValueRange(Math.min(min, value), Math.max(max, value))
        : this;
  }

  /**
   * Returns the range covering both this and {@code other}.
   *
   * @param other the other range; not null
   * @return the smallest range covering both
   */
  public ValueRange union(ValueRange other) {
    return including(other.min).including(other.max);
  }

  /** {@return whether no value was seen} Both ends are NaN then. */
  public boolean isEmpty() {
    return Double.isNaN(min);
  }

  /**
   * The largest absolute value, {@code max(|min|, |max|)}, or NaN if empty: a diverging colour
   * scale centred on 0 runs from {@code −maxAbs()} to {@code +maxAbs()}.
   *
   * @return the largest absolute value, at least 0, or NaN if empty
   */
  public double maxAbs() {
    return Math.max(Math.abs(min), Math.abs(max));
  }
}
