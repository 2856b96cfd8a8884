package dev.attnviz.swing;

import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.render.HiDpi;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The frame of every view's export: the background (or none), a clip, then the content. */
final class ExportPainting {

  private ExportPainting() {}

  /**
   * Paints {@code content} as an export on {@code background}: on the theme's background in the
   * view's {@code colors}, or in light colours ({@link ViewColors#onPaper()}, set for the painting
   * through {@code paintWith}) on white or on nothing. The picture's size is {@code size}'s in the
   * colours painted with.
   */
  static void paint(
      Graphics2D g,
      ExportBackground background,
      ViewColors colors,
      Supplier<Dimension> size,
      BiConsumer<ViewColors, Runnable> paintWith,
      Consumer<Graphics2D> content) {
    if (background == ExportBackground.THEME) {
      paint(g, colors.background(), size.get(), content);
    } else {
      Color fill = background == ExportBackground.WHITE ? Color.WHITE : null;
      paintWith.accept(colors.onPaper(), () -> paint(g, fill, size.get(), content));
    }
  }

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
