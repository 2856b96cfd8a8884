package dev.attnviz.swing;

/** How the model view draws its thumbnails. */
public enum ThumbnailMode {
  /** Lines while they are readable, a heatmap for long inputs (level of detail). */
  AUTO,
  /** Always lines. */
  LINES,
  /** Always a heatmap. */
  HEATMAP
}
