package dev.attnviz.swing.render;

import java.awt.Color;

/**
 * Colours for attention heads that stay distinguishable for any head count, on light and dark
 * backgrounds.
 *
 * <p>Up to 10 heads use the categorical palette of the reference tool (d3 category10), so figures
 * look familiar. Beyond 10, where category10 would repeat, colours are spread evenly around the
 * OKLCH hue circle on two lightness rings that alternate between neighbouring heads, so that heads
 * 0 and 10 never look alike. Lightness is chosen per background so lines stay visible.
 */
public final class HeadPalette {

  private static final int[] CATEGORY10 = {
    0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22,
    0x17becf
  };

  private static final double CHROMA = 0.15;
  private static final double[] LIGHT_BACKGROUND_LIGHTNESS = {0.52, 0.70};
  private static final double[] DARK_BACKGROUND_LIGHTNESS = {0.68, 0.84};

  private HeadPalette() {}

  /** The colour of {@code head} among {@code headCount} heads. */
  public static Color color(int head, int headCount, boolean darkBackground) {
    if (headCount <= CATEGORY10.length) {
      return new Color(CATEGORY10[head % CATEGORY10.length]);
    }
    int hues = (headCount + 1) / 2;
    int ring = head % 2;
    double step = 360.0 / hues;
    // Odd heads sit half a step round from even ones, so neighbours differ in hue and lightness.
    double hue = (head / 2) * step + ring * step / 2 + 25.0;
    double lightness =
        (darkBackground ? DARK_BACKGROUND_LIGHTNESS : LIGHT_BACKGROUND_LIGHTNESS)[ring];
    return Oklch.toColor(lightness, CHROMA, hue);
  }

  /** The colours of all {@code headCount} heads. */
  public static Color[] colors(int headCount, boolean darkBackground) {
    Color[] colors = new Color[headCount];
    for (int h = 0; h < headCount; h++) {
      colors[h] = color(h, headCount, darkBackground);
    }
    return colors;
  }
}
