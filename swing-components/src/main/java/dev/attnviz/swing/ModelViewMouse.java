package dev.attnviz.swing;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

/**
 * The model view's mouse, through the view's own hit test: hovering marks a thumbnail or a token of
 * the detail, a click selects a thumbnail (the same one again closes the detail) or locks a token.
 */
final class ModelViewMouse extends MouseAdapter {

  private final ModelView view;

  private ModelViewMouse(ModelView view) {
    this.view = view;
  }

  /** Installs the mouse on {@code view}. */
  static void install(ModelView view) {
    ModelViewMouse mouse = new ModelViewMouse(view);
    view.addMouseListener(mouse);
    view.addMouseMotionListener(mouse);
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    ViewHit hit = view.hitAt(e.getPoint());
    view.setHoveredCell(hit.cell());
    view.getSelectionModel().setHoveredToken(hit.token());
  }

  @Override
  public void mouseExited(MouseEvent e) {
    view.setHoveredCell(null);
    view.getSelectionModel().setHoveredToken(null);
  }

  @Override
  public void mousePressed(MouseEvent e) {
    view.requestFocusInWindow();
    ViewHit hit = e.getButton() == MouseEvent.BUTTON1 ? view.hitAt(e.getPoint()) : ViewHit.NONE;
    if (hit.cell() != null) {
      view.getSelectionModel().toggleCell(hit.cell());
    } else if (hit.token() != null) {
      view.getSelectionModel().toggleLockedToken(hit.token());
    }
  }
}
