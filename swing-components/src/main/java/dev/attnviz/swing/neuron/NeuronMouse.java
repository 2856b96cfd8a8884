package dev.attnviz.swing.neuron;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.neuron.NeuronLayout.Hit;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

/**
 * The neuron view's mouse: hovering a query token (or its q row) selects it, a click locks it, a
 * click on a key row itemises that pair; collapsed, keys are hovered and locked too, through the
 * shared token-columns display's hit test. Leaving the view clears the hover. Use on the Event
 * Dispatch Thread.
 */
final class NeuronMouse extends MouseAdapter {

  private final NeuronView view;

  private NeuronMouse(NeuronView view) {
    this.view = view;
  }

  /** Installs the mouse on {@code view}. */
  static void install(NeuronView view) {
    NeuronMouse mouse = new NeuronMouse(view);
    view.addMouseListener(mouse);
    view.addMouseMotionListener(mouse);
  }

  /**
   * The token at {@code content} (content coordinates) of {@code scene}: a query row, or collapsed
   * a key row too; null for none.
   */
  static TokenRef tokenAt(NeuronScene scene, NeuronView view, Point content) {
    NeuronSlice slice = scene == null ? null : scene.slice();
    if (slice == null) {
      return null;
    }
    if (!scene.expanded()) {
      return view.columns().tokenAt(content);
    }
    Hit hit = scene.layout().hitTest(content.x, content.y);
    return hit != null && isQueryColumn(hit.column())
        ? slice.shown().tokenAt(TokenRef.Side.QUERY, hit.row())
        : null;
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    NeuronScene scene = view.scene();
    if (scene == null || scene.slice() == null) {
      return;
    }
    Point point = view.contentPointOf(e);
    AttentionSelectionModel selection = view.getSelectionModel();
    TokenRef token = tokenAt(scene, view, point);
    NeuronLayout layout = scene.layout();
    if (token != null || !scene.expanded()) {
      selection.setHoveredToken(token);
    } else if (point.x < layout.x(Column.QUERY) + layout.width(Column.QUERY)) {
      // Off the tokens on the left: nothing is hovered. To the right the hover stays, so that
      // the mouse can travel along the computation of the hovered token and read its tooltips.
      selection.setHoveredToken(null);
    }
  }

  @Override
  public void mouseDragged(MouseEvent e) {
    mouseMoved(e);
  }

  @Override
  public void mousePressed(MouseEvent e) {
    view.requestFocusInWindow();
  }

  @Override
  public void mouseClicked(MouseEvent e) {
    NeuronScene scene = view.scene();
    if (e.getButton() != MouseEvent.BUTTON1 || scene == null || scene.slice() == null) {
      return;
    }
    Point point = view.contentPointOf(e);
    TokenRef token = tokenAt(scene, view, point);
    if (token != null) {
      view.getSelectionModel().toggleLockedToken(token);
      return;
    }
    Hit hit = scene.layout().hitTest(point.x, point.y);
    if (scene.expanded()
        && hit != null
        && hit.column() != Column.CONTRIBUTIONS
        && scene.hasSelectedRow()) {
      int key = scene.slice().keyIndex(hit.row());
      view.setPairKey(key == view.getPairKey() ? -1 : key);
    }
  }

  @Override
  public void mouseExited(MouseEvent e) {
    view.getSelectionModel().setHoveredToken(null);
  }

  private static boolean isQueryColumn(Column column) {
    return column == Column.QUERY_TOKENS || column == Column.QUERY;
  }
}
