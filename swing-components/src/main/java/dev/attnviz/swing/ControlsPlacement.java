package dev.attnviz.swing;

import java.awt.Container;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;

/**
 * Where a view's bar of controls sits: in the column header of the scroll pane whose viewport shows
 * the view (as {@code JTable} places its header), so that the controls stay in sight while the
 * content scrolls; else at the view's own top; nowhere while hidden. Use on the Event Dispatch
 * Thread.
 */
final class ControlsPlacement {

  private final JComponent view;
  private final JPanel controls;
  private boolean visible = true;
  private JScrollPane headerHost;

  /** Places {@code controls} for {@code view}, which holds them at first. */
  ControlsPlacement(JComponent view, JPanel controls) {
    this.view = view;
    this.controls = controls;
  }

  /** Whether the controls are shown (wherever they sit). */
  boolean isVisible() {
    return visible;
  }

  /** Shows or hides the controls, and places them again. */
  void setVisible(boolean shown) {
    visible = shown;
    place();
  }

  /** Height of the controls while they sit shown at the view's top, else 0. */
  int top() {
    return controls.getParent() == view && controls.isVisible()
        ? controls.getPreferredSize().height
        : 0;
  }

  /** Lays the controls out across the view's top, where they sit there. */
  void layOut() {
    if (controls.getParent() == view) {
      controls.setBounds(0, 0, view.getWidth(), controls.isVisible() ? top() : 0);
    }
  }

  /**
   * The width the view needs to show its controls: theirs while they are shown, at its top or in
   * the scroll pane's header, else 0.
   */
  int width() {
    return controls.isVisible() && (top() > 0 || headerHost != null)
        ? controls.getPreferredSize().width
        : 0;
  }

  /** Puts the controls where they belong: scroll pane header, own top, or nowhere. */
  void place() {
    JScrollPane scrollPane = enclosingScrollPane();
    releaseHeader();
    controls.setVisible(visible);
    if (visible && scrollPane != null) {
      scrollPane.setColumnHeaderView(controls);
      headerHost = scrollPane;
    } else if (controls.getParent() != view) {
      view.add(controls);
    }
    view.revalidate();
    view.repaint();
  }

  /** Takes the controls back from a scroll pane's header, as the view leaves its parent. */
  void takeBack() {
    releaseHeader();
    if (controls.getParent() != view) {
      view.add(controls);
    }
  }

  private void releaseHeader() {
    if (headerHost != null) {
      JViewport header = headerHost.getColumnHeader();
      if (header != null && header.getView() == controls) {
        headerHost.setColumnHeaderView(null);
      }
      headerHost = null;
    }
  }

  private JScrollPane enclosingScrollPane() {
    if (!view.isDisplayable()) {
      return null;
    }
    Container parent = SwingUtilities.getUnwrappedParent(view);
    if (parent instanceof JViewport viewport
        && viewport.getView() == view
        && SwingUtilities.getUnwrappedParent(viewport) instanceof JScrollPane scrollPane
        && scrollPane.getViewport() == viewport) {
      return scrollPane;
    }
    return null;
  }
}
