package dev.attnviz.swing.render;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JToolTip;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;

/**
 * Where a view's tooltip goes: below and right of the pointer as Swing puts it, but moved left or
 * above the pointer where it would cross the window's edge, so that a tooltip near the right or
 * bottom of the window stays whole and inside it. Components return {@link #insideWindow} from
 * {@link JComponent#getToolTipLocation(MouseEvent)}; every view does.
 */
public final class TooltipPlacement {

  /** Swing's own distance below the pointer. */
  public static final int BELOW = 20;

  /** The gap kept between a tooltip placed above the pointer and the pointer. */
  private static final int ABOVE = 4;

  private TooltipPlacement() {}

  /**
   * The tooltip location for {@code event} in {@code view}'s coordinates.
   *
   * @param view the component whose tooltip is shown
   * @param event the mouse event the tooltip is for
   * @return the top-left corner of the tooltip, or null (Swing's default place) when there is no
   *     tooltip text
   */
  public static Point insideWindow(JComponent view, MouseEvent event) {
    String text = view.getToolTipText(event);
    if (text == null || text.isEmpty()) {
      return null;
    }
    JToolTip tip = view.createToolTip();
    tip.setTipText(text);
    Dimension size = tip.getPreferredSize();
    Component top = window(view);
    Rectangle area = SwingUtilities.convertRectangle(top, new Rectangle(top.getSize()), view);
    return place(event.getPoint(), size, area);
  }

  /**
   * A tooltip of {@code size} for the pointer at {@code pointer}, kept inside {@code area} (all in
   * one coordinate system): moved left at the right edge, above the pointer at the bottom edge.
   *
   * @param pointer the mouse position
   * @param size the tooltip's size
   * @param area the window's content area
   * @return the tooltip's top-left corner
   */
  public static Point place(Point pointer, Dimension size, Rectangle area) {
    int x = Math.max(area.x, Math.min(pointer.x, area.x + area.width - size.width));
    int y = pointer.y + BELOW;
    if (y + size.height > area.y + area.height) {
      y = pointer.y - ABOVE - size.height;
    }
    return new Point(x, Math.max(area.y, y));
  }

  /** The window's content (its root pane), or the topmost ancestor outside a window. */
  private static Component window(Component view) {
    Component top = view;
    while (top.getParent() != null && !(top instanceof Window)) {
      top = top.getParent();
    }
    return top instanceof RootPaneContainer container ? container.getRootPane() : top;
  }
}
