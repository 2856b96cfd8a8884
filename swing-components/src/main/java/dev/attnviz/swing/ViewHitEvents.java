package dev.attnviz.swing;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Supplier;

/**
 * Tells a view's {@link ViewMouseListener}s what the mouse hovers (once per change of what is hit)
 * and clicks, as {@link ViewHit}s from the view's own hit test. Use on the Event Dispatch Thread.
 */
final class ViewHitEvents extends MouseAdapter {

  private final AttentionView view;
  private final Supplier<ViewMouseListener[]> listeners;
  private ViewHit hovered = ViewHit.NONE;

  private ViewHitEvents(AttentionView view, Supplier<ViewMouseListener[]> listeners) {
    this.view = view;
    this.listeners = listeners;
  }

  /** Installs the events on {@code view}, whose listeners {@code listeners} gives. */
  static void install(AttentionView view, Supplier<ViewMouseListener[]> listeners) {
    ViewHitEvents events = new ViewHitEvents(view, listeners);
    view.addMouseListener(events);
    view.addMouseMotionListener(events);
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    ViewMouseListener[] all = listeners.get();
    ViewHit hit = all.length == 0 ? ViewHit.NONE : view.hitAt(e.getPoint());
    if (!hit.equals(hovered)) {
      hovered = hit;
      ViewMouseEvent event = new ViewMouseEvent(view, e, hit);
      for (ViewMouseListener listener : all) {
        listener.viewHovered(event);
      }
    }
  }

  @Override
  public void mouseClicked(MouseEvent e) {
    ViewMouseListener[] all = listeners.get();
    if (all.length > 0) {
      ViewMouseEvent event = new ViewMouseEvent(view, e, view.hitAt(e.getPoint()));
      for (ViewMouseListener listener : all) {
        listener.viewClicked(event);
      }
    }
  }
}
