package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class SignedValueColorsTest {

  private static final Color POSITIVE = new Color(0x2166AC);
  private static final Color NEGATIVE = new Color(0xD6604D);

  @Test
  void opacityIsTanhOfMagnitudeOverFour() {
    assertEquals(0.0, SignedValueColors.opacity(0), 0);
    assertEquals(Math.tanh(1), SignedValueColors.opacity(4), 1e-12);
    assertEquals(Math.tanh(1), SignedValueColors.opacity(-4), 1e-12);
    assertEquals(Math.tanh(0.125), SignedValueColors.opacity(0.5), 1e-12);
    assertEquals(0.0, SignedValueColors.opacity(Double.NaN), 0);
  }

  @Test
  void signPicksTheHueAndMagnitudeTheAlpha() {
    Color positive = SignedValueColors.color(8, POSITIVE, NEGATIVE);
    Color negative = SignedValueColors.color(-8, POSITIVE, NEGATIVE);
    assertEquals(POSITIVE.getRGB() & 0xFFFFFF, positive.getRGB() & 0xFFFFFF);
    assertEquals(NEGATIVE.getRGB() & 0xFFFFFF, negative.getRGB() & 0xFFFFFF);
    int alpha = (int) Math.round(Math.tanh(2) * 255);
    assertEquals(alpha, positive.getAlpha());
    assertEquals(alpha, negative.getAlpha());
    assertEquals(0, SignedValueColors.color(0, POSITIVE, NEGATIVE).getAlpha());
  }

  @Test
  void connectorOpacityIsTanhOfScaledWeight() {
    assertEquals(Math.tanh(1.8 * 0.25), SignedValueColors.connectorOpacity(0.25), 1e-12);
    assertEquals(Math.tanh(1.8), SignedValueColors.connectorOpacity(1), 1e-12);
    assertEquals(0.0, SignedValueColors.connectorOpacity(0), 0);
  }

  @Test
  void withOpacityClampsAndReplacesAlpha() {
    Color half = new Color(10, 20, 30, 7);
    assertEquals(128, SignedValueColors.withOpacity(half, 0.5).getAlpha());
    assertEquals(255, SignedValueColors.withOpacity(half, 1.5).getAlpha());
    assertEquals(0, SignedValueColors.withOpacity(half, -1).getAlpha());
    assertEquals(20, SignedValueColors.withOpacity(half, 1).getGreen());
    assertThrows(NullPointerException.class, () -> SignedValueColors.withOpacity(null, 1));
  }
}
