package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;

/**
 * Paints the axes of a layer × head grid (see {@link ModelGridLayout}) in the theme's muted colour:
 * the "Heads" title and head indexes along the top, the "Layers" title (rotated) and the layer
 * indexes, right-aligned, down the left.
 */
public final class GridAxesPainter {

  private GridAxesPainter() {}

  /** Paints the titles and indexes of {@code layout}. */
  public static void paint(Graphics2D g, ModelGridLayout layout, ViewColors colors) {
    ViewText text = colors.text();
    g.setColor(colors.mutedForeground());
    TextFit.drawCentered(g, text, Messages.text("grid.heads"), layout.headsTitle());
    Graphics2D rotated = (Graphics2D) g.create();
    try {
      Rectangle layersTitle = layout.layersTitle();
      rotated.translate(layersTitle.x, layersTitle.y + layersTitle.height);
      rotated.transform(AffineTransform.getQuadrantRotateInstance(-1));
      TextFit.drawCentered(
          rotated,
          text,
          Messages.text("grid.layers"),
          new Rectangle(0, 0, layersTitle.height, layersTitle.width));
    } finally {
      rotated.dispose();
    }
    int[] heads = layout.heads();
    for (int c = 0; c < heads.length; c++) {
      TextFit.drawCentered(g, text, Integer.toString(heads[c]), layout.headIndexBox(c));
    }
    int[] layers = layout.layers();
    for (int r = 0; r < layers.length; r++) {
      TextFit.drawInBox(g, text, Integer.toString(layers[r]), layout.layerIndexBox(r), true);
    }
  }
}
