package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.render.TooltipPlacement;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.JPanel;
import javax.swing.JToolTip;
import org.junit.jupiter.api.Test;

/** Tooltips near the window's right or bottom edge are moved inside it. */
@OnEdt
class TooltipPlacementTest {

  private static final Rectangle AREA = new Rectangle(0, 0, 400, 300);

  @Test
  void awayFromTheEdgesTheTooltipIsWhereSwingPutsIt() {
    assertEquals(
        new Point(50, 60 + TooltipPlacement.BELOW),
        TooltipPlacement.place(new Point(50, 60), new Dimension(100, 40), AREA));
  }

  @Test
  void atTheRightEdgeItMovesLeftAndAtTheBottomAbove() {
    Point p = TooltipPlacement.place(new Point(390, 290), new Dimension(150, 40), AREA);
    assertEquals(400 - 150, p.x, "right edge of the tooltip on the window's");
    assertTrue(p.y + 40 < 290, "above the pointer, not under it: " + p);
  }

  @Test
  void aTooltipWiderThanTheWindowStartsAtItsLeftEdge() {
    Point p = TooltipPlacement.place(new Point(390, 10), new Dimension(500, 40), AREA);
    assertEquals(0, p.x);
  }

  @Test
  void everyViewKeepsItsTooltipInsideTheWindow() {
    AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView head = new HeadView(model, selection);
    for (AttentionView view : List.of(head, new NeuronView(model, selection))) {
      JPanel window = new JPanel(null);
      window.add(view);
      Dimension size = view.getPreferredSize();
      window.setSize(size);
      view.setBounds(0, 0, size.width, size.height);
      view.doLayout();
      // A key token at the right edge, its tooltip asked for at the view's bottom-right corner.
      Rectangle key =
          (view instanceof HeadView h
                  ? h.tokenBounds(TokenRef.key(3))
                  : ((NeuronView) view).tokenBounds(TokenRef.key(3)))
              .orElseThrow();
      MouseEvent at = Mouse.movedTo(view, key.x + key.width - 1, key.y + key.height - 1);
      String text = view.getToolTipText(at);
      assertNotNull(text, view.getClass().getSimpleName() + " has a tooltip there");
      JToolTip tip = view.createToolTip();
      tip.setTipText(text);
      Point location = view.getToolTipLocation(at);
      Rectangle placed = new Rectangle(location, tip.getPreferredSize());
      assertTrue(
          new Rectangle(window.getSize()).contains(placed),
          view.getClass().getSimpleName() + ": " + placed + " inside " + window.getSize());
    }
  }
}
