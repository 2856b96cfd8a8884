package dev.attnviz.swing.bench;

import java.awt.Rectangle;
import javax.swing.JComponent;
import javax.swing.RepaintManager;

/**
 * A repaint manager that records the area a view asks to repaint instead of scheduling a paint, so
 * that a benchmark can time exactly what Swing would paint after an event: the view's own choice of
 * dirty region (a whole repaint or a small one), cut to the viewport.
 */
final class DirtyRegions extends RepaintManager {

  private Rectangle dirty;

  /** Installs a recorder as the current repaint manager and returns it. */
  static DirtyRegions install() {
    DirtyRegions regions = new DirtyRegions();
    RepaintManager.setCurrentManager(regions);
    return regions;
  }

  @Override
  public void addDirtyRegion(JComponent c, int x, int y, int w, int h) {
    Rectangle area = new Rectangle(x, y, w, h);
    dirty = dirty == null ? area : dirty.union(area);
  }

  /** The union of the areas asked for since the last call, cut to {@code bounds}; then forgets. */
  Rectangle take(Rectangle bounds) {
    Rectangle area = dirty == null ? new Rectangle() : dirty.intersection(bounds);
    dirty = null;
    return area;
  }
}
