package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hosts learn what the mouse hovers and clicks, and can hit-test any view themselves. */
@OnEdt
class ViewHitTest {

  private final AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
  private final AttentionSelectionModel selection = new AttentionSelectionModel();

  private static Point centre(Rectangle box) {
    return new Point((int) box.getCenterX(), (int) box.getCenterY());
  }

  @Test
  void hoverAndClickEventsCarryTheTokenTheLayerAndTheHead() {
    HeadView view = new HeadView(model, selection);
    view.setControlsVisible(false);
    selection.setLayer(1);
    Pixels.paint(view, 1);
    List<ViewHit> hovered = new ArrayList<>();
    List<ViewHit> clicked = new ArrayList<>();
    view.addViewMouseListener(
        new ViewMouseListener() {
          @Override
          public void viewHovered(ViewMouseEvent event) {
            hovered.add(event.hit());
          }

          @Override
          public void viewClicked(ViewMouseEvent event) {
            clicked.add(event.hit());
          }
        });
    Point key2 = centre(view.tokenBounds(TokenRef.key(2)).orElseThrow());

    Mouse.move(view, key2.x, key2.y);
    Mouse.move(view, key2.x, key2.y + 1);
    view.dispatchEvent(
        new MouseEvent(view, MouseEvent.MOUSE_CLICKED, 0, 0, key2.x, key2.y, 1, false, 1));
    Mouse.move(view, 1, 1);

    ViewHit token = ViewHit.token(TokenRef.key(2), 1, -1);
    assertEquals(List.of(token, ViewHit.NONE), hovered, "one event per change of what is hit");
    assertEquals(List.of(token), clicked);
    assertEquals(TokenRef.key(2), view.hitAt(key2).token());
    assertNull(view.cellAt(key2));
  }

  @Test
  void everyViewAnswersTokenAtAndCellAt() {
    ModelView grid = new ModelView(model, selection);
    grid.setControlsVisible(false);
    Pixels.paint(grid, 1);
    Point thumbnail = centre(grid.thumbnailBounds(new LayerHead(1, 0)).orElseThrow());
    assertEquals(new LayerHead(1, 0), grid.cellAt(thumbnail));
    assertEquals(ViewHit.Kind.CELL, grid.hitAt(thumbnail).kind());

    selection.toggleCell(new LayerHead(1, 0));
    Pixels.paint(grid, 1);
    Point detail = centre(grid.detailTokenBounds(TokenRef.query(3)).orElseThrow());
    assertEquals(ViewHit.token(TokenRef.query(3), 1, 0), grid.hitAt(detail));

    NeuronView neuron = new NeuronView(model, selection);
    neuron.setControlsVisible(false);
    Pixels.paint(neuron, 1);
    Point query1 = centre(neuron.tokenBounds(TokenRef.query(1)).orElseThrow());
    assertEquals(TokenRef.query(1), neuron.tokenAt(query1));
    assertEquals(ViewHit.token(TokenRef.query(1), 1, 0), neuron.hitAt(query1));
  }
}
