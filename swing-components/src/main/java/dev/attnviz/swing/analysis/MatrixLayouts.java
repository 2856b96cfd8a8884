package dev.attnviz.swing.analysis;

import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.TokenColumnsLayout;
import java.awt.FontMetrics;
import java.util.List;

/** Heatmap layouts sized to their token labels. */
final class MatrixLayouts {

  private MatrixLayouts() {}

  /**
   * A heatmap at ({@code x}, {@code y}) whose query label column fits the widest row label and
   * whose key label band fits the widest column label (drawn rotated), each capped at {@code
   * maxLabelWidth}; square cells of side {@code cellSize}.
   */
  static MatrixLayout fitting(
      int x,
      int y,
      List<String> rowLabels,
      List<String> columnLabels,
      FontMetrics metrics,
      int cellSize,
      int maxLabelWidth) {
    return new MatrixLayout(
        x,
        y,
        rowLabels.size(),
        columnLabels.size(),
        labelWidth(rowLabels, metrics, maxLabelWidth),
        labelWidth(columnLabels, metrics, maxLabelWidth),
        cellSize);
  }

  /** The width of a box that fits the widest label with padding, at most {@code max}. */
  static int labelWidth(List<String> labels, FontMetrics metrics, int max) {
    int widest = 0;
    for (String label : labels) {
      widest = Math.max(widest, metrics.stringWidth(label));
    }
    return Math.min(max, widest + 2 * TokenColumnsLayout.TEXT_PADDING);
  }
}
