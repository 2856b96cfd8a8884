package dev.attnviz.swing.neuron;

import java.awt.Color;
import java.util.Objects;

/**
 * Colours for signed values such as vector components and scores: one hue for positive and another
 * for negative values, with an opacity that grows with the magnitude and saturates, so that a few
 * large values do not wash out the rest. Also the connector opacity of the neuron view.
 *
 * <p>Not specific to the neuron view: any view that shows signed numbers (differences of two
 * attentions, for example) can use it. Stateless.
 */
final class SignedValueColors {

  /** Values of this magnitude reach {@code tanh(1) ≈ 0.76} opacity. */
  private static final double VALUE_SCALE = 4.0;

  /** Weights are small (rows sum to 1); this gain makes a weight of 0.5 clearly visible. */
  private static final double CONNECTOR_GAIN = 1.8;

  private SignedValueColors() {}

  /** Opacity of a cell showing {@code value}: {@code tanh(|value| / 4)}; 0 for NaN. */
  public static double opacity(double value) {
    return Double.isNaN(value) ? 0 : Math.tanh(Math.abs(value) / VALUE_SCALE);
  }

  /**
   * The colour of {@code value}: {@code positive} or {@code negative} (zero counts as positive)
   * with alpha {@link #opacity(double)}.
   */
  public static Color color(double value, Color positive, Color negative) {
    return withOpacity(value < 0 ? negative : positive, opacity(value));
  }

  /** Opacity of the connector for attention weight {@code weight}: {@code tanh(1.8 · weight)}. */
  public static double connectorOpacity(double weight) {
    return Double.isNaN(weight) ? 0 : Math.tanh(CONNECTOR_GAIN * Math.max(0, weight));
  }

  /**
   * {@code color} with alpha {@code opacity} (clamped to [0, 1], rounded to the nearest of 256
   * levels); the colour's own alpha is replaced.
   */
  public static Color withOpacity(Color color, double opacity) {
    Objects.requireNonNull(color, "color");
    double clamped = Double.isNaN(opacity) ? 0 : Math.max(0, Math.min(1, opacity));
    return new Color(
        color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(clamped * 255));
  }
}
