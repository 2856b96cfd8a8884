package dev.attnviz.swing.export;

/**
 * What an exported picture (PNG or SVG) is drawn on. {@link #WHITE} is the default of {@link
 * ViewExporter}, since a figure mostly goes on a white page.
 */
public enum ExportBackground {
  /**
   * An opaque white background. The picture keeps a light theme's colours; a view in a dark theme
   * is drawn in light colours, so that text and lines stay readable on the page.
   */
  WHITE,

  /**
   * No background: the image's pixels outside the drawing have alpha 0 and an SVG has no background
   * shape. Drawn in light colours, as {@link #WHITE}, for a page or a light slide.
   */
  TRANSPARENT,

  /** The theme's background and colours, exactly as on screen. */
  THEME
}
