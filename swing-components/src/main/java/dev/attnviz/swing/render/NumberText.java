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
   *
   * @param value a number
   * @return its text, the same in every locale
   */
  public static String significant(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    if (value == 0) {
      return "0.0000";
    }
    int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
    int decimals = Math.max(0, Math.min(MAX_DECIMALS, 3 - magnitude));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
