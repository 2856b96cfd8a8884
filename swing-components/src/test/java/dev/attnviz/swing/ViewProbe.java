package dev.attnviz.swing;

import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.TokenColumnsLayout;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.geom.Point2D;
import java.util.function.Function;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** Finds where things are drawn in a view and drives it like a user, for the pixel tests. */
final class ViewProbe {

  private ViewProbe() {}

  /**
   * The point at fraction {@code t} along the line from a left token box to a right token box,
   * given the boxes' bounds (component coordinates).
   */
  static Point2D along(Rectangle left, Rectangle right, double t) {
    double x0 = left.getMaxX() + TokenColumnsLayout.ANCHOR_GAP;
    double x1 = right.getX() - TokenColumnsLayout.ANCHOR_GAP;
    double y0 = left.getCenterY();
    double y1 = right.getCenterY();
    return new Point2D.Double(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
  }

  /** The point along the line from query {@code query} to key {@code key} of a head view. */
  static Point2D along(
      Function<TokenRef, java.util.Optional<Rectangle>> bounds, int query, int key, double t) {
    return along(
        bounds.apply(TokenRef.query(query)).orElseThrow(),
        bounds.apply(TokenRef.key(key)).orElseThrow(),
        t);
  }

  /** Scales a point by {@code scale}. */
  static Point2D scaled(Point2D p, double scale) {
    return new Point2D.Double(p.getX() * scale, p.getY() * scale);
  }

  /** Runs the action bound to {@code key} (no modifiers) while the component has focus. */
  static void key(JComponent target, int keyCode) {
    Object name =
        target.getInputMap(JComponent.WHEN_FOCUSED).get(KeyStroke.getKeyStroke(keyCode, 0));
    if (name == null) {
      throw new AssertionError("no action bound to key code " + keyCode);
    }
    Action action = target.getActionMap().get(name);
    action.actionPerformed(new ActionEvent(target, ActionEvent.ACTION_PERFORMED, name.toString()));
  }
}
