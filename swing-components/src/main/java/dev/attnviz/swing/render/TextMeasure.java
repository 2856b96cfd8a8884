package dev.attnviz.swing.render;

/**
 * How wide and high text is, in user-space pixels, so that layouts can be computed (and tested)
 * without painting. Views measure through {@link ViewText}, which draws with the same metrics.
 */
public interface TextMeasure {

  /**
   * Width of {@code text}: its advance, rounded up to whole pixels.
   *
   * @param text the text
   * @return its width, in pixels
   */
  int width(String text);

  /**
   * Height of a line of text (ascent + descent + leading).
   *
   * @return the line height, in pixels
   */
  int height();
}
