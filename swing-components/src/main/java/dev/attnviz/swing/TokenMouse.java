package dev.attnviz.swing;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.TokenRef;
import java.awt.Point;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JComponent;

/**
 * The mouse of a view that shows tokens, as in the head view: hovering a token sets the hovered
 * token, leaving the view clears it, a left click locks the token (or unlocks it) and takes the
 * keyboard focus. It acts on whatever selection model the view has at the time.
 */
final class TokenMouse extends MouseAdapter {

  private final JComponent view;
  private final Supplier<AttentionSelectionModel> selection;
  private final Function<Point, TokenRef> tokenAt;

  private TokenMouse(
      JComponent view,
      Supplier<AttentionSelectionModel> selection,
      Function<Point, TokenRef> tokenAt) {
    this.view = view;
    this.selection = selection;
    this.tokenAt = tokenAt;
  }

  /**
   * Installs the mouse on {@code view}, whose token at a point is {@code tokenAt}'s (null: none)
   * and whose selection model is {@code selection}'s.
   */
  static void install(
      JComponent view,
      Supplier<AttentionSelectionModel> selection,
      Function<Point, TokenRef> tokenAt) {
    TokenMouse mouse = new TokenMouse(view, selection, tokenAt);
    view.addMouseListener(mouse);
    view.addMouseMotionListener(mouse);
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    selection.get().setHoveredToken(tokenAt.apply(e.getPoint()));
  }

  @Override
  public void mouseExited(MouseEvent e) {
    selection.get().setHoveredToken(null);
  }

  @Override
  public void mousePressed(MouseEvent e) {
    view.requestFocusInWindow();
    TokenRef token = tokenAt.apply(e.getPoint());
    if (token != null && e.getButton() == MouseEvent.BUTTON1) {
      selection.get().toggleLockedToken(token);
    }
  }
}
