package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table logarithm agrees with {@link Math#log} wherever a weight can be. */
class FastLogTest {

  private static void assertClose(float x) {
    double expected = Math.log(x);
    double error = Math.abs(FastLog.ln(x) - expected);
    assertTrue(
        error <= 1e-15 * Math.max(1, Math.abs(expected)),
        () -> "ln(" + x + ") = " + FastLog.ln(x) + ", Math.log gives " + expected);
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
  void subnormalsZeroAndOddValuesGoToMathLog() {
    assertEquals(Math.log(Float.MIN_VALUE), FastLog.ln(Float.MIN_VALUE));
    assertEquals(Math.log(1e-40f), FastLog.ln(1e-40f));
    assertEquals(Double.NEGATIVE_INFINITY, FastLog.ln(0f));
    assertTrue(Double.isNaN(FastLog.ln(-1f)));
    assertTrue(Double.isNaN(FastLog.ln(Float.NaN)));
  }
}
