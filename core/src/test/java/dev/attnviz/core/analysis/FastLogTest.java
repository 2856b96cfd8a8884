package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The table logarithm agrees with {@link Math#log} wherever a weight can be, within the {@code |r|³
 * / 3 < 5 × 10^−11} its two-term series leaves (the statistics print six decimals).
 */
class FastLogTest {

  private static final double LN_ERROR = 5e-11;

  private static void assertClose(float x) {
    double expected = Math.log(x);
    double error = Math.abs(FastLog.ln(x) - expected);
    assertTrue(
        error <= LN_ERROR + 1e-15 * Math.abs(expected),
        () -> "ln(" + x + ") = " + FastLog.ln(x) + ", Math.log gives " + expected);
    double xLnX = x * expected;
    // Subnormals are read as if normal: off by at most 15 x, i.e. 10^-36.
    double tolerance = LN_ERROR * x + 1e-15 * Math.abs(xLnX) + 1e-36;
    assertEquals(xLnX, FastLog.xLnX(x), tolerance, () -> x + " ln x");
  }

  @Test
  void agreesWithMathLogOnEveryKindOfWeight() {
    for (float x : new float[] {1f, 1.001f, 0.5f, 0.25f, 1e-3f, 1e-20f, 1.4142135f, 0.99999994f}) {
      assertClose(x);
    }
    // Every interval of the table, at its ends and in between, over a range of exponents.
    for (int bits = Float.floatToRawIntBits(Float.MIN_NORMAL);
        bits <= Float.floatToRawIntBits(1.001f);
        bits += 4_099) {
      assertClose(Float.intBitsToFloat(bits));
    }
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 100_000; i++) {
      float x = (float) Math.pow(random.nextDouble(), 8);
      if (x > 0) {
        assertClose(x);
      }
    }
  }

  @Test
  void xLnXIsZeroAtZeroAndTinyForSubnormalsWithoutABranch() {
    assertEquals(0.0, FastLog.xLnX(0f), 0.0);
    assertEquals(0.0, FastLog.xLnX(-0f), 0.0);
    for (float x : new float[] {Float.MIN_VALUE, 1e-40f, Math.nextDown(Float.MIN_NORMAL)}) {
      assertEquals(x * Math.log(x), FastLog.xLnX(x), 1e-36, () -> "subnormal " + x);
    }
    assertEquals(0.0, FastLog.xLnX(1f), LN_ERROR);
  }

  @Test
  void subnormalsZeroAndOddValuesGoToMathLog() {
    assertEquals(Math.log(Float.MIN_VALUE), FastLog.ln(Float.MIN_VALUE));
    assertEquals(Math.log(1e-40f), FastLog.ln(1e-40f));
    assertEquals(Double.NEGATIVE_INFINITY, FastLog.ln(0f));
    assertTrue(Double.isNaN(FastLog.ln(-1f)));
    assertTrue(Double.isNaN(FastLog.ln(Float.NaN)));
  }
}
