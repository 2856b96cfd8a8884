package dev.attnviz.core.analysis;

/**
 * The natural logarithm of a positive float, and the entropy term {@code x ln x}, within {@code
 * 10^−10} of {@link Math#log} and at a fraction of its cost: the statistics take one logarithm per
 * weight (400 million for a GPT-2-medium dump), and {@code Math.log} was most of their cost.
 *
 * <p>A float is {@code 2^e × m} with {@code m} in {@code [1, 2)}; {@code ln m} is a table value at
 * the centre {@code c} of one of 1,024 intervals plus {@code ln(1 + r)} for the small remainder
 * {@code r = (m − c) / c} ({@code |r| < 2^−11}). Two terms of its series, {@code r − r²/2}, leave
 * an error below {@code |r|³/3 < 5 × 10^−11}: far below the {@code 5 × 10^−7} to which the
 * statistics are printed, and each weight's error is scaled by the weight, so a row's entropy
 * (weights summing to 1) is off by no more than that either.
 */
final class FastLog {

  private static final int TABLE_BITS = 10;
  private static final int TABLE_SIZE = 1 << TABLE_BITS;
  private static final int MANTISSA_BITS = 23;
  private static final int MANTISSA_MASK = (1 << MANTISSA_BITS) - 1;
  private static final int EXPONENT_BIAS = 127;
  private static final int ONE_BITS = Float.floatToRawIntBits(1f);
  private static final double LN2 = Math.log(2);

  /**
   * For each interval k of m, {@code 1 / c_k} at {@code 2k} and {@code ln c_k − 127 ln 2} (the
   * exponent's bias folded in) at {@code 2k + 1}: one array, so one bounds check and one cache line
   * per lookup.
   */
  private static final double[] TABLE = new double[2 * TABLE_SIZE];

  /** Shifts the mantissa's top bits to {@code 2k}, the even index of interval k in the table. */
  private static final int INDEX_SHIFT = MANTISSA_BITS - TABLE_BITS - 1;

  private static final int INDEX_MASK = 2 * (TABLE_SIZE - 1);

  static {
    for (int k = 0; k < TABLE_SIZE; k++) {
      double centre = 1 + (k + 0.5) / TABLE_SIZE;
      TABLE[2 * k] = 1 / centre;
      TABLE[2 * k + 1] = Math.log(centre) - EXPONENT_BIAS * LN2;
    }
  }

  private FastLog() {}

  /** {@code ln(x)} for a positive, finite {@code x}; other arguments go to {@link Math#log}. */
  static double ln(float x) {
    return x >= Float.MIN_NORMAL && x <= Float.MAX_VALUE ? lnBits(x) : Math.log(x);
  }

  /**
   * {@code x ln x} for a weight, without a branch: {@code 0} for {@code ±0} (the limit), within
   * {@code 10^−36} for subnormals (read as if normal: {@code x} times a logarithm off by at most
   * 15), within {@code 5 × 10^−11 x} for the rest. Finite or NaN garbage for negative, infinite or
   * NaN {@code x}: for a loop whose caller rejects those weights anyway.
   */
  static double xLnX(float x) {
    return x * lnBits(x);
  }

  /** The table logarithm, read from the bits as if {@code x} were normal and positive. */
  private static double lnBits(float x) {
    int bits = Float.floatToRawIntBits(x);
    int index = (bits >>> INDEX_SHIFT) & INDEX_MASK;
    double m = Float.intBitsToFloat((bits & MANTISSA_MASK) | ONE_BITS);
    double r = m * TABLE[index] - 1;
    return (bits >>> MANTISSA_BITS) * LN2 + TABLE[index + 1] + r * (1 - 0.5 * r);
  }
}
