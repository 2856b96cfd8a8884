package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Head colours stay apart from each other and from the background, beyond the reference's 10. */
class HeadPaletteTest {

  /** About five just-noticeable steps in OKLab (category10 itself: 0.113). */
  private static final double MIN_PAIR_DISTANCE = 0.095;

  /**
   * Lines of any head must stand out from the background (four times the pair threshold's half).
   */
  private static final double MIN_BACKGROUND_DISTANCE = 0.20;

  @ParameterizedTest(name = "{0} heads, dark {1}")
  @CsvSource({
    "12, false",
    "16, false",
    "20, false",
    "25, false",
    "12, true",
    "16, true",
    "20, true",
    "25, true"
  })
  void everyPairOfHeadsDiffersVisibly(int heads, boolean dark) {
    Color[] colors = HeadPalette.colors(heads, dark);
    double nearest = Double.MAX_VALUE;
    String pair = "";
    for (int a = 0; a < heads; a++) {
      for (int b = a + 1; b < heads; b++) {
        double d = Oklch.distance(colors[a], colors[b]);
        if (d < nearest) {
          nearest = d;
          pair = a + " and " + b;
        }
      }
    }
    assertTrue(
        nearest >= MIN_PAIR_DISTANCE,
        "heads "
            + pair
            + " are only "
            + nearest
            + " apart in OKLab (need "
            + MIN_PAIR_DISTANCE
            + ")");
  }

  @ParameterizedTest(name = "{0} heads, background #{1}")
  @CsvSource({
    "25, ffffff, false",
    "25, eeeeee, false",
    "25, f2f2f2, false",
    "25, 1e1f22, true",
    "25, 2b2b2b, true",
    "25, 3c3f41, true"
  })
  void everyHeadStandsOutFromTheBackground(int heads, String background, boolean dark) {
    Color bg = new Color(Integer.parseInt(background, 16));
    assertEquals(dark, ViewColors.isDark(bg));
    Color[] colors = HeadPalette.colors(heads, dark);
    for (int h = 0; h < heads; h++) {
      double d = Oklch.distance(colors[h], bg);
      assertTrue(d >= MIN_BACKGROUND_DISTANCE, "head " + h + " is only " + d + " from " + bg);
    }
  }

  @ParameterizedTest(name = "dark {0}")
  @CsvSource({"false", "true"})
  void theFirstTenHaveCategory10sHuesAndHeadTenNoLongerRepeatsHeadZero(boolean dark) {
    for (int h = 0; h < 10; h++) {
      double[] mid = Oklch.toOklab(HeadPalette.color(h, 12, dark));
      double[] original =
          Oklch.toOklab(
              new Color(
                  new int[] {
                        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2,
                        0x7f7f7f, 0xbcbd22, 0x17becf
                      }
                      [h]));
      if (h != 7) { // grey has no hue
        double hue = Math.atan2(mid[2], mid[1]) - Math.atan2(original[2], original[1]);
        assertEquals(0, Math.IEEEremainder(hue, 2 * Math.PI), 0.06, "category10 hue of head " + h);
      }
    }
    assertNotEquals(HeadPalette.color(0, 12, dark), HeadPalette.color(10, 12, dark));
    assertEquals(
        HeadPalette.color(11, 12, dark), HeadPalette.color(11, 25, dark), "stable per head");
  }

  @ParameterizedTest(name = "{0} heads")
  @CsvSource({"12", "25"})
  void everyHeadHasTheSameColourInLightAndDark(int heads) {
    for (int h = 0; h < heads; h++) {
      assertEquals(
          HeadPalette.color(h, heads, false), HeadPalette.color(h, heads, true), "head " + h);
    }
  }
}
