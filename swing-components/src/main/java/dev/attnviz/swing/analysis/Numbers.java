package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.NumberText;

/**
 * How the analysis views write numbers: four significant digits as every view writes them ({@link
 * NumberText}), NaN as a dash.
 */
final class Numbers {

  /** What an undefined value (NaN) shows as. */
  static final String UNDEFINED = "\u2014";

  private Numbers() {}

  /** {@code value} with four significant digits, e.g. {@code 0.1234}; NaN as {@link #UNDEFINED}. */
  static String text(double value) {
    return Double.isNaN(value) ? UNDEFINED : NumberText.significant(value);
  }

  /** {@code value} with four significant digits and its sign, e.g. {@code +0.01234}. */
  static String signed(double value) {
    return Double.isNaN(value) ? UNDEFINED : NumberText.signed(value);
  }
}
