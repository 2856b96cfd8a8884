package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Font;
import java.awt.Point;
import java.awt.Rectangle;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Collapsed mode is the shared token-columns display, the head view's, for one head: it lays the
 * tokens out exactly where the neuron view's layout (its size, hit tests and tooltips) has them,
 * and the view's token hit test is the display's.
 */
@OnEdt
class NeuronCollapsedDisplayTest {

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  private static NeuronView collapsedView(int fontSize) {
    UIManager.put("AttentionView.font", new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
    NeuronView view =
        new NeuronView(
            new AttentionViewModel(TestData.threeTokens(true)), new AttentionSelectionModel());
    Pixels.host(view);
    view.setMode(NeuronMode.COLLAPSED);
    view.setSize(view.getPreferredSize());
    return view;
  }

  /** At 5 points the neuron view's rows are taller than the font asks for: the display follows. */
  @ParameterizedTest
  @ValueSource(ints = {5, 12, 20})
  void theDisplayPutsEveryTokenWhereTheLayoutHasIt(int fontSize) {
    NeuronView view = collapsedView(fontSize);
    TokenColumnsDisplay display = view.columns();
    assertNotNull(display, "collapsed mode is drawn by the shared display");
    assertEquals(TokenColumnsDisplay.Strategy.LINES, display.strategy());
    TokenColumnsLayout lines = display.linesLayout();
    TokenColumnsLayout layout = view.scene().layout().tokenColumns();
    assertEquals(layout.bounds(), lines.bounds());
    for (TokenRef.Side side : TokenRef.Side.values()) {
      for (int p = 0; p < 3; p++) {
        assertEquals(layout.box(side, p), lines.box(side, p), side + " " + p);
      }
    }
  }

  @Test
  void theViewsTokenHitTestIsTheDisplays() {
    NeuronView view = collapsedView(12);
    for (TokenRef token : new TokenRef[] {TokenRef.query(0), TokenRef.key(2)}) {
      Rectangle box = view.tokenBounds(token).orElseThrow();
      Point centre = new Point((int) box.getCenterX(), (int) box.getCenterY());
      assertEquals(token, view.tokenAt(centre));
      assertEquals(token, view.columns().tokenAt(centre), "no controls above: same coordinates");
    }
    Point gap = view.scene().layout().queryAnchor(1);
    gap.translate(NeuronLayout.LINE_GAP / 2, 0);
    assertNull(view.tokenAt(gap), "between the columns lie only lines");
  }

  @Test
  void expandedModeHasNoTokenColumnsDisplay() {
    NeuronView view = collapsedView(12);
    view.setMode(NeuronMode.EXPANDED);
    assertTrue(view.scene().expanded());
    assertNull(view.columns());
  }
}
