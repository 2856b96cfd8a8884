package dev.attnviz.swing.analysis;

import java.util.Locale;

/** How the analysis views write numbers: independent of the locale, NaN as a dash. */
final class Numbers {

  /** What an undefined value (NaN) shows as. */
  static final String UNDEFINED = "\u2014";

  private Numbers() {}

  /** {@code value} with three decimals, e.g. {@code 1.234}; NaN as {@link #UNDEFINED}. */
  static String short3(double value) {
    return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%.3f", value);
  }

  /** {@code value} with four decimals, e.g. {@code 0.1234}; NaN as {@link #UNDEFINED}. */
  static String exact(double value) {
    return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%.4f", value);
  }

  /** {@code value} with four decimals and its sign, e.g. {@code +0.0123}; NaN as a dash. */
  static String signed(double value) {
    return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, "%+.4f", value);
  }
}
