package dev.attnviz.swing.render;

import java.awt.Color;
import java.util.Objects;

/**
 * Maps a value in {@code [0, 1]} to an opaque colour between a background (0) and a full colour
 * (1), as if the full colour were painted over the background with opacity = value. Heatmap cells
 * use it so that a cell looks the same as a line of the same weight. Values outside {@code [0, 1]}
 * are clamped; NaN counts as 0.
 *
 * <p>The 256 steps are computed once; {@link #rgb} is a table look-up. Immutable and thread-safe.
 */
public final class HeatColorScale {

  private final Color low;
  private final Color high;
  private final int[] table = new int[256];

  /**
   * A scale from {@code low} (value 0) to {@code high} (value 1).
   *
   * @param low the colour of 0
   * @param high the colour of 1
   */
  public HeatColorScale(Color low, Color high) {
    this(low, high, 1.0);
  }

  /**
   * A scale from {@code low} (value 0) to {@code high} (value 1) where a value {@code v} is drawn
   * at opacity {@code v^gamma}: a gamma below 1 raises contrast among small values (for long
   * inputs, whose weights are near 1/n).
   *
   * @param low the colour of 0
   * @param high the colour of 1
   * @param gamma the exponent, positive; 1 is linear
   * @throws IllegalArgumentException if {@code gamma} is not positive
   */
  public HeatColorScale(Color low, Color high, double gamma) {
    this.low = Objects.requireNonNull(low, "low");
    this.high = Objects.requireNonNull(high, "high");
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("gamma must be positive, got " + gamma);
    }
    for (int step = 0; step < table.length; step++) {
      double t = Math.pow(step / 255.0, gamma);
      table[step] =
          0xff000000
              | mix(low.getRed(), high.getRed(), t) << 16
              | mix(low.getGreen(), high.getGreen(), t) << 8
              | mix(low.getBlue(), high.getBlue(), t);
    }
  }

  /**
   * The scale from a theme's background to its heat colour.
   *
   * @param colors the theme
   * @return a linear scale from background to heat colour
   */
  public static HeatColorScale of(ViewColors colors) {
    return new HeatColorScale(colors.background(), colors.heat());
  }

  private static int mix(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  /**
   * The colour for 0.
   *
   * @return the colour of 0
   */
  public Color low() {
    return low;
  }

  /**
   * The colour for 1.
   *
   * @return the colour of 1
   */
  public Color high() {
    return high;
  }

  /**
   * The opaque ARGB colour of {@code value}.
   *
   * @param value a weight, 0 to 1 (clamped)
   * @return the colour as 0xAARRGGBB, alpha 255
   */
  public int rgb(float value) {
    return table[step(value)];
  }

  /**
   * The colour of {@code value}.
   *
   * @param value a weight, 0 to 1 (clamped)
   * @return the colour
   */
  public Color color(float value) {
    return new Color(rgb(value), true);
  }

  /**
   * The 0..255 step of {@code value}.
   *
   * @param value a weight, 0 to 1 (clamped)
   * @return its step, 0 to 255
   */
  public static int step(float value) {
    if (!(value > 0f)) {
      return 0;
    }
    return value >= 1f ? 255 : Math.round(value * 255f);
  }
}
