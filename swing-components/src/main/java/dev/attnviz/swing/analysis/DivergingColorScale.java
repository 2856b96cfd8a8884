package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.util.Objects;

/**
 * Colours for signed values on a scale symmetric around 0: the background at 0, the positive colour
 * at {@code +bound}, the negative colour at {@code −bound}, blended in between as if the colour
 * were painted over the background with opacity {@code |value| / bound}. Values beyond the bound
 * are clamped; NaN, and every value of a scale whose bound is 0 or NaN, get the background.
 * Immutable and thread-safe.
 */
final class DivergingColorScale {

  private final HeatColorScale positive;
  private final HeatColorScale negative;
  private final double bound;

  /** A scale from {@code −bound} ({@code negative}) through 0 ({@code background}) to +bound. */
  DivergingColorScale(Color background, Color positive, Color negative, double bound) {
    this.positive = new HeatColorScale(background, Objects.requireNonNull(positive, "positive"));
    this.negative = new HeatColorScale(background, Objects.requireNonNull(negative, "negative"));
    this.bound = bound;
  }

  /** The theme's positive and negative colours around its background, for {@code ±bound}. */
  static DivergingColorScale of(ViewColors colors, double bound) {
    return new DivergingColorScale(
        colors.background(), colors.positive(), colors.negative(), bound);
  }

  /** The largest absolute value the scale distinguishes. */
  double bound() {
    return bound;
  }

  /** The opaque ARGB colour of {@code value}. */
  int rgb(double value) {
    if (!(bound > 0) || Double.isNaN(value)) {
      return positive.rgb(0f);
    }
    double t = value / bound;
    return t >= 0 ? positive.rgb((float) t) : negative.rgb((float) -t);
  }

  /** The colour at fraction {@code t} of the way from {@code −bound} (0) to {@code +bound} (1). */
  int rgbAt(double t) {
    return rgb((2 * t - 1) * bound);
  }
}
