package dev.attnviz.swing;

import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.render.AttentionTooltips;
import dev.attnviz.swing.render.ShownAttention;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Arrays;
import java.util.Objects;

/**
 * The model view's mouse, through the view's own hit test: hovering marks a thumbnail or a token of
 * the detail, a click selects a thumbnail (the same one again closes the detail) or locks a token.
 * It keeps the hovered thumbnail, which only this view marks (the hovered token is the shared
 * selection's).
 */
final class ModelViewMouse extends MouseAdapter {

  private final ModelView view;
  private LayerHead hoveredCell;

  private ModelViewMouse(ModelView view) {
    this.view = view;
  }

  /** Installs the mouse on {@code view}. */
  static ModelViewMouse install(ModelView view) {
    ModelViewMouse mouse = new ModelViewMouse(view);
    view.addMouseListener(mouse);
    view.addMouseMotionListener(mouse);
    return mouse;
  }

  /** The hovered thumbnail, or null. */
  LayerHead hoveredCell() {
    return hoveredCell;
  }

  /** Forgets the hovered thumbnail without repainting (new data: the view is painted anew). */
  void forgetHoveredCell() {
    hoveredCell = null;
  }

  /** Marks {@code cell} (null: none) as the hovered thumbnail, repainting the old and new mark. */
  private void setHoveredCell(LayerHead cell) {
    if (!Objects.equals(cell, hoveredCell)) {
      for (LayerHead mark : Arrays.asList(hoveredCell, cell)) {
        if (mark != null) {
          view.thumbnailBounds(mark)
              .ifPresent(box -> view.repaint(box.x - 3, box.y - 3, box.width + 6, box.height + 6));
        }
      }
      hoveredCell = cell;
    }
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    ViewHit hit = view.hitAt(e.getPoint());
    setHoveredCell(hit.cell());
    view.getSelectionModel().setHoveredToken(hit.token());
  }

  @Override
  public void mouseExited(MouseEvent e) {
    setHoveredCell(null);
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

  /** The tooltip at {@code e}: a thumbnail's, or a detail token's weights. */
  static String tooltip(ModelView view, MouseEvent e) {
    ViewHit hit = view.hitAt(e.getPoint());
    LayerHead cell = hit.cell();
    if (cell != null) {
      ShownAttention shown = view.shown();
      return AttentionTooltips.thumbnail(
          cell.layer(),
          cell.head(),
          cell.equals(view.getSelectionModel().selectedCell()),
          shown == null ? null : shown.attention().problem(cell.layer(), cell.head()).orElse(null));
    }
    return hit.token() == null
        ? null
        : AttentionTooltips.token(
            view.shown(),
            hit.layer(),
            new int[] {hit.head()},
            hit.token(),
            view.getSelectionModel().lockedToken());
  }
}
