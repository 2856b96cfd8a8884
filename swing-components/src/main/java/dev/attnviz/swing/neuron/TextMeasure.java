package dev.attnviz.swing.neuron;

import java.awt.FontMetrics;

/** How wide and high text is, so that layout can be computed (and tested) without painting. */
interface TextMeasure {

  /** Width of {@code text} in user-space pixels. */
  int width(String text);

  /** Height of a line of text (ascent + descent + leading). */
  int height();

  /** Measures with the metrics of a font. */
  static TextMeasure of(FontMetrics metrics) {
    return new TextMeasure() {
      @Override
      public int width(String text) {
        return metrics.stringWidth(text);
      }

      @Override
      public int height() {
        return metrics.getHeight();
      }
    };
  }
}
