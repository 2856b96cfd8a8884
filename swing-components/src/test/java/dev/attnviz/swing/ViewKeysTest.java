package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.testing.OnEdt;
import java.awt.event.KeyEvent;
import java.util.List;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;
import org.junit.jupiter.api.Test;

/** One key map: the same key does the same kind of step in every view that offers it. */
@OnEdt
class ViewKeysTest {

  private final AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
  private final AttentionSelectionModel selection = new AttentionSelectionModel();

  @Test
  void everyViewBindsTheSharedKeysToTheSharedActions() {
    List<AttentionView> views =
        List.of(
            new HeadView(model, selection),
            new ModelView(model, selection),
            new NeuronView(model, selection),
            new RolloutView(model, selection),
            new ComparisonView(selection));
    for (AttentionView view : views) {
      InputMap keys = view.getInputMap(JComponent.WHEN_FOCUSED);
      for (ViewKeys.Action action : List.of(ViewKeys.Action.NEXT_TOKEN, ViewKeys.Action.CLEAR)) {
        for (KeyStroke key : action.keys()) {
          assertEquals(action.actionName(), keys.get(key), view.getClass() + " " + key);
          assertNotNull(view.getActionMap().get(action.actionName()));
        }
      }
      assertEquals(
          ViewKeys.Action.NEXT_LAYER.actionName(),
          keys.get(KeyStroke.getKeyStroke(KeyEvent.VK_PAGE_DOWN, 0)),
          view.getClass().getSimpleName());
    }
  }

  @Test
  void aHeadStepIsTheSameInTheHeadAndTheNeuronView() {
    HeadView head = new HeadView(model, selection);
    NeuronView neuron = new NeuronView(model, selection);
    model.setIncludeHeads(1);
    ViewProbe.key(head, KeyEvent.VK_RIGHT);
    assertEquals(1, selection.focusHead(), "to the included head");
    selection.setFocusHead(0);
    ViewProbe.key(neuron, KeyEvent.VK_RIGHT);
    assertEquals(1, selection.focusHead(), "the same step");
    ViewProbe.key(neuron, KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(0), selection.lockedToken());
    ViewProbe.key(head, KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(1), selection.lockedToken(), "from where the other view left it");
    ViewProbe.key(head, KeyEvent.VK_ESCAPE);
    assertEquals(null, selection.lockedToken());
  }

  @Test
  void everyActionHasADescriptionAndKeysForTheHelp() {
    for (ViewKeys.Action action : ViewKeys.bindings()) {
      assertTrue(!action.description().isBlank() && !action.keys().isEmpty(), action.name());
      assertTrue(!action.keyText().isBlank());
    }
    assertEquals("attnviz.previousLayer", ViewKeys.Action.PREVIOUS_LAYER.actionName());
  }
}
