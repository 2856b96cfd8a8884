package dev.attnviz.core.analysis;

/**
 * The natural logarithm of a positive float, as exact as {@link Math#log} to within a few units in
 * the last place of a double, in about half its time: the statistics take one logarithm per weight
 * (400 million for a GPT-2-medium dump), and {@code Math.log} was most of their cost.
 *
 * <p>A float is {@code 2^e × m} with {@code m} in {@code [1, 2)}; {@code ln m} is a table value at
 * the centre {@code c} of one of 1,024 intervals plus {@code ln(1 + r)} for the small remainder
 * {@code r = (m − c) / c} ({@code |r| < 2^−11}), whose series to {@code r^4} leaves an error below
 * {@code 10^−17}.
 */
final class FastLog {

  private static final int TABLE_BITS = 10;
  private static final int TABLE_SIZE = 1 << TABLE_BITS;
  private static final int MANTISSA_BITS = 23;
  private static final int MANTISSA_MASK = (1 << MANTISSA_BITS) - 1;
  private static final int EXPONENT_BIAS = 127;
  private static final int ONE_BITS = Float.floatToRawIntBits(1f);
  private static final double LN2 = Math.log(2);

  /** {@code ln c_k} and {@code 1 / c_k} at the centre {@code c_k} of each interval of m. */
  private static final double[] LN_CENTRE = new double[TABLE_SIZE];

  private static final double[] INVERSE_CENTRE = new double[TABLE_SIZE];

  static {
    for (int k = 0; k < TABLE_SIZE; k++) {
      double centre = centre(k);
      LN_CENTRE[k] = Math.log(centre);
      INVERSE_CENTRE[k] = 1 / centre;
    }
  }

  private FastLog() {}

  private static double centre(int k) {
    return 1 + (k + 0.5) / TABLE_SIZE;
  }

  /** {@code ln(x)} for a positive, finite {@code x}; other arguments go to {@link Math#log}. */
  static double ln(float x) {
    return x >= Float.MIN_NORMAL && x <= Float.MAX_VALUE ? lnNormal(x) : Math.log(x);
  }

  /**
   * {@code ln(x)} for a normal, positive, finite float (at least {@link Float#MIN_NORMAL}), without
   * checking that it is one: for the inner loop of a caller that has checked.
   */
  static double lnNormal(float x) {
    int bits = Float.floatToRawIntBits(x);
    int exponent = (bits >>> MANTISSA_BITS) - EXPONENT_BIAS;
    int k = (bits & MANTISSA_MASK) >>> (MANTISSA_BITS - TABLE_BITS);
    double m = Float.intBitsToFloat((bits & MANTISSA_MASK) | ONE_BITS);
    double r = m * INVERSE_CENTRE[k] - 1;
    double lnOnePlusR = r * (1 - r * (1.0 / 2 - r * (1.0 / 3 - r * (1.0 / 4))));
    return exponent * LN2 + LN_CENTRE[k] + lnOnePlusR;
  }
}
