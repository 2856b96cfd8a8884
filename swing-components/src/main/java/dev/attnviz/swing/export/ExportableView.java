package dev.attnviz.swing.export;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.util.Optional;

/**
 * A view that can be exported exactly as it is on screen: same data, layer, heads, selection and
 * theme. Implemented by every attention view; used by {@link ViewExporter}.
 */
public interface ExportableView {

  /** Size, in user-space pixels, of the whole picture that {@link #paintExport} draws. */
  Dimension exportSize();

  /**
   * Paints the whole picture from (0, 0) into {@code g}, which may be scaled (PNG at a chosen
   * scale) or a vector surface (SVG). Must not change {@code g}'s transform, clip or paint beyond
   * the call; work on {@code g.create()}.
   */
  void paintExport(Graphics2D g);

  /**
   * Paints the whole picture from (0, 0) on {@code background}, with the same contract as {@link
   * #paintExport(Graphics2D)}. The default fills a white background (nothing for {@link
   * ExportBackground#TRANSPARENT}) and paints {@link #paintExport(Graphics2D)} over it, which is
   * right for a picture that paints no background of its own; views that paint one, in their
   * theme's colours, override this.
   *
   * @param g where to paint
   * @param background what to paint on
   */
  default void paintExport(Graphics2D g, ExportBackground background) {
    if (background == ExportBackground.WHITE) {
      Dimension size = exportSize();
      Graphics2D g2 = (Graphics2D) g.create();
      try {
        g2.setColor(java.awt.Color.WHITE);
        g2.fillRect(0, 0, size.width, size.height);
      } finally {
        g2.dispose();
      }
    }
    paintExport(g);
  }

  /** The matrix the view currently shows, for CSV export, if it shows one. */
  default Optional<ShownMatrix> shownMatrix() {
    return Optional.empty();
  }
}
