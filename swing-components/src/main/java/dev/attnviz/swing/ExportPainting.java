package dev.attnviz.swing;

import dev.attnviz.swing.render.HiDpi;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.function.Consumer;

/** The frame of every view's export: the background (or none), a clip, then the content. */
final class ExportPainting {

  private ExportPainting() {}

  /**
   * Fills a picture of {@code size} with {@code fill} unless it is null (a transparent export),
   * then paints {@code content} over it on a copy of {@code g} clipped to the picture.
   */
  static void paint(Graphics2D g, Color fill, Dimension size, Consumer<Graphics2D> content) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      if (fill != null) {
        g2.setColor(fill);
        // At a fractional scale the image's last row and column of pixels lie partly outside the
        // picture; fill them too, so that the export has no transparent edge.
        double pixel = 1 / HiDpi.scale(g2);
        g2.fill(new Rectangle2D.Double(0, 0, size.width + pixel, size.height + pixel));
      }
      g2.clip(new Rectangle(0, 0, size.width, size.height));
      content.accept(g2);
    } finally {
      g2.dispose();
    }
  }
}
