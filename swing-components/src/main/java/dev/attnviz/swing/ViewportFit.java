package dev.attnviz.swing;

import java.awt.Container;
import java.util.function.IntSupplier;
import javax.swing.JComponent;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;

/**
 * How a view sits in the viewport it is the view of: the room the viewport gives it, and whether it
 * takes the viewport's width or height ({@link javax.swing.Scrollable}). One place for what every
 * view and the model view's fitting grid ask of their viewport. Use on the Event Dispatch Thread.
 */
final class ViewportFit {

  private ViewportFit() {}

  /**
   * The width of the viewport {@code view} is in, as it is when the scroll pane's vertical scroll
   * bar shows; {@link Integer#MAX_VALUE} outside a viewport or before it is laid out.
   */
  static int width(JComponent view) {
    Container parent = SwingUtilities.getUnwrappedParent(view);
    if (!(parent instanceof JViewport viewport) || viewport.getWidth() <= 0) {
      return Integer.MAX_VALUE;
    }
    int width = viewport.getWidth();
    // Content that narrows to fit can get shorter, which can hide the vertical scroll bar, which
    // widens the viewport, which widens the content again: fitting the width the viewport has
    // with the scroll bar breaks that loop, at the cost of a scroll bar's width of slack.
    if (SwingUtilities.getUnwrappedParent(viewport) instanceof JScrollPane pane
        && pane.getViewport() == viewport
        && pane.getVerticalScrollBarPolicy() == ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED) {
      JScrollBar bar = pane.getVerticalScrollBar();
      if (bar != null && !bar.isVisible()) {
        width -= bar.getPreferredSize().width;
      }
    }
    return width;
  }

  /**
   * The height of the viewport {@code view} is in, less {@code top} (what the view draws above its
   * content); {@link Integer#MAX_VALUE} outside a viewport or before it is laid out.
   */
  static int height(JComponent view, int top) {
    Container parent = SwingUtilities.getUnwrappedParent(view);
    return parent instanceof JViewport viewport && viewport.getHeight() > 0
        ? viewport.getHeight() - top
        : Integer.MAX_VALUE;
  }

  /**
   * Whether {@code view} takes its viewport's width: when the viewport is wider than the view wants
   * ({@code wanted}), or, if the view {@code fits} its viewport, also when the widths are equal.
   */
  static boolean tracksWidth(JComponent view, int wanted, boolean fits) {
    Container parent = SwingUtilities.getUnwrappedParent(view);
    return parent instanceof JViewport
        && (parent.getWidth() > wanted || fits && parent.getWidth() == wanted);
  }

  /** Whether {@code view} takes its viewport's height: when the viewport is higher than wanted. */
  static boolean tracksHeight(JComponent view, IntSupplier wanted) {
    Container parent = SwingUtilities.getUnwrappedParent(view);
    return parent instanceof JViewport && parent.getHeight() > wanted.getAsInt();
  }
}
