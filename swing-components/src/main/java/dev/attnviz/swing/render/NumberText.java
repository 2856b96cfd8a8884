package dev.attnviz.swing.render;

import java.util.Locale;

/**
 * How views write a number for people: four significant digits in plain decimals (never an
 * exponent, never the 17 digits of a raw {@code double}), independent of the locale.
 */
public final class NumberText {

  /** Most decimals written: below 1e-9 a number shows as 0. */
  private static final int MAX_DECIMALS = 12;

  private NumberText() {}

  /**
   * {@code value} with four significant digits in plain decimals: {@code 0.1234}, {@code
   * 0.00003142}, {@code -6.000}, {@code 123.5}; integers of five or more digits are written whole.
   * NaN and infinities are written as Java does.
   */
  public static String significant(double value) {
    return significant(value, 4, MAX_DECIMALS);
  }

  /**
   * {@code value} with {@code digits} significant digits in plain decimals, but at most {@code
   * maxDecimals} decimals, for a column of numbers that must keep its width: {@code
   * significant(-0.000123, 3, 4)} is {@code -0.0001}. NaN and infinities are written as Java does.
   *
   * @param value the number
   * @param digits significant digits, at least 1
   * @param maxDecimals most decimals written, at least 0
   * @return the text
   * @throws IllegalArgumentException if {@code digits} is below 1 or {@code maxDecimals} below 0
   */
  public static String significant(double value, int digits, int maxDecimals) {
    if (digits < 1 || maxDecimals < 0) {
      throw new IllegalArgumentException(
          "digits must be at least 1 and maxDecimals at least 0, got "
              + digits
              + ", "
              + maxDecimals);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    int magnitude = value == 0 ? -1 : (int) Math.floor(Math.log10(Math.abs(value)));
    int decimals = Math.max(0, Math.min(maxDecimals, digits - 1 - magnitude));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /**
   * {@code value} as {@link #significant(double)} with its sign always written: {@code +0.01230},
   * {@code -1.000}.
   *
   * @param value the number
   * @return the text
   */
  public static String signed(double value) {
    String text = significant(value);
    return text.startsWith("-") || Double.isNaN(value) ? text : "+" + text;
  }
}
