package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SixDecimalsTest {

  private static void assertSameAsFormatter(double value) {
    StringBuilder out = new StringBuilder();
    SixDecimals.append(value, out);
    assertEquals(String.format(Locale.ROOT, "%.6f", value), out.toString(), "value " + value);
  }

  @Test
  void edgeValuesAreWrittenAsTheFormatterWritesThem() {
    double[] values = {
      0,
      -0.0,
      1,
      -1,
      0.5,
      1e-7,
      4e-7,
      5e-7,
      5e-7 - 1e-22,
      6e-7,
      -4e-7,
      -5e-7,
      1.0000005,
      0.0000015,
      0.0000025,
      2.5e-6,
      6.931471805599453,
      1e-300,
      -1e-300,
      Double.MIN_VALUE,
      123456789.1234565,
      1e17,
      1e22,
      Double.MAX_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      0.1 + 0.2,
      999999.9999995,
      0.9999995,
      0.12345650000000001
    };
    for (double value : values) {
      assertSameAsFormatter(value);
    }
  }

  @Test
  void randomValuesOfEveryScaleAreWrittenAsTheFormatterWritesThem() {
    SplittableRandom random = new SplittableRandom(18);
    for (int i = 0; i < 200_000; i++) {
      // Statistics' range (0 to ~10) with six- and seven-decimal ties, and any scale and sign.
      assertSameAsFormatter(random.nextDouble() * 10);
      assertSameAsFormatter(random.nextInt(20_000_000) / 2e6);
      assertSameAsFormatter(random.nextInt(20_000_000) / 2e6 - 5);
      assertSameAsFormatter(
          Double.longBitsToDouble(
              random.nextLong() & ~(0x7ffL << 52) | (random.nextLong(940, 1100) << 52)));
    }
  }
}
