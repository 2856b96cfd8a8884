package dev.attnviz.swing.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionLink;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The six ways the views disagreed (issue 13), each as the researcher met it: every view sharing a
 * selection shows the same head and the same token, and the selection never holds what the data
 * cannot show.
 */
@OnEdt
class OneSelectionTest {

  private static final List<String> PAIR =
      List.of("[CLS]", "the", "cat", "sat", "[SEP]", "it", "was", "tired", "[SEP]");

  /** {@code layers} layers of {@code heads} heads over {@code tokens}, every row uniform. */
  private static AttentionData uniform(List<String> tokens, int layers, int heads, int bStart) {
    int n = tokens.size();
    float[][][][] w = new float[layers][heads][n][n];
    for (float[][][] layer : w) {
      for (float[][] head : layer) {
        for (float[] row : head) {
          Arrays.fill(row, 1f / n);
        }
      }
    }
    return bStart > 0 ? TestData.pair(tokens, bStart, w) : TestData.self(tokens, w);
  }

  @Test
  void aJumpFromTheStatisticsShowsThatHeadAloneInEveryViewSharingTheSelection() {
    AttentionViewModel model = new AttentionViewModel(uniform(PAIR, 4, 6, 5));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView head = new HeadView(model, selection);
    AttentionSelectionModel compare = new AttentionSelectionModel();
    SelectionLink.layerAndHeads(selection, compare);
    selection.toggleHead(0, 6); // heads 1..5 active before the jump

    HeadSelection.select(selection, AttentionKind.SELF, 3, 5);

    assertEquals(3, selection.layer());
    assertEquals(5, selection.focusHead());
    assertEquals(1, selection.activeHeadCount(6), "the head alone, not the heads active before");
    assertTrue(selection.isHeadActive(5));
    assertEquals(5, compare.focusHead(), "the comparison follows");
    assertTrue(compare.isHeadActive(5) && compare.activeHeadCount(6) == 1);
    assertEquals(3, head.selectors().layerSelector().getSelectedItem());
  }

  @Test
  void aLockedTokenDoesNotMoveByIndexToAnotherTokenOfNewData() {
    AttentionViewModel model = new AttentionViewModel(uniform(PAIR, 1, 1, 0));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    new HeadView(model, selection);
    selection.setLockedToken(TokenRef.query(7)); // "tired"
    List<SelectionEvent> events = new ArrayList<>();
    selection.addSelectionListener(events::add);

    model.setData(
        uniform(List.of("[CLS]", "a", "b", "c", "d", "e", "f", "electro", "[SEP]"), 1, 1, 0));

    assertNull(selection.lockedToken(), "token 7 of the new input was never chosen");
    assertEquals(1, events.size(), "one event");
    assertTrue(events.get(0).changed(SelectionEvent.Aspect.LOCK));
  }

  @Test
  void aFilterThatHidesTheLockedTokenClearsItAndTheViewDrawsAllLinesAgain() {
    AttentionViewModel model = new AttentionViewModel(uniform(PAIR, 1, 1, 5));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = new HeadView(model, selection);
    view.setControlsVisible(false);
    selection.setLockedToken(TokenRef.query(2)); // "cat", sentence A

    selection.setFilter(SentenceFilter.B_TO_A);

    assertNull(selection.lockedToken(), "B -> A shows no query of sentence A");
    BufferedImage image = Pixels.paint(view, 1);
    Rectangle from = view.tokenBounds(TokenRef.query(6)).orElseThrow(); // "was", sentence B
    Rectangle to = view.tokenBounds(TokenRef.key(2)).orElseThrow(); // "cat", sentence A
    int x = (from.x + from.width + to.x) / 2;
    int y = (from.y + to.y + to.height) / 2;
    Color background = view.colors().background();
    int drawn = 0;
    for (int dy = -20; dy <= 20; dy++) {
      if (Pixels.distance(Pixels.at(image, x, y + dy), background) > 10) {
        drawn++;
      }
    }
    assertTrue(drawn > 0, "lines between the columns, not a blank picture");
  }

  @Test
  void valuesOutOfRangeFromCodeAreRefusedNamingTheValidRange() {
    AttentionViewModel model = new AttentionViewModel(uniform(PAIR, 4, 6, 0));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = new HeadView(model, selection);

    IllegalArgumentException layer =
        assertThrows(IllegalArgumentException.class, () -> selection.setLayer(4));
    assertEquals("layer 4 is out of range: the data has layers 0 to 3", layer.getMessage());
    IllegalArgumentException head =
        assertThrows(IllegalArgumentException.class, () -> selection.setFocusHead(6));
    assertTrue(head.getMessage().contains("heads 0 to 5"), head.getMessage());
    IllegalArgumentException token =
        assertThrows(
            IllegalArgumentException.class, () -> selection.setLockedToken(TokenRef.key(9)));
    assertTrue(token.getMessage().contains("tokens 0 to 8"), token.getMessage());
    assertThrows(IllegalArgumentException.class, () -> selection.toggleHead(6, 6));
    assertEquals(0, selection.layer(), "nothing changed");
    assertTrue(view.tokenBounds(TokenRef.query(0)).isPresent(), "the view still draws");
  }

  @Test
  void tokenIndexesOfHoverAndClickAreTheDataIndexesWhileSpecialTokensAreHidden() {
    AttentionViewModel model = new AttentionViewModel(uniform(PAIR, 1, 1, 0));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = new HeadView(model, selection);
    view.setControlsVisible(false);
    model.setHideSpecialTokens(true);
    Pixels.paint(view, 1);
    Rectangle firstRow = view.tokenBounds(TokenRef.query(1)).orElseThrow();

    Mouse.move(view, (int) firstRow.getCenterX(), (int) firstRow.getCenterY());

    assertEquals(TokenRef.query(1), selection.hoveredToken(), "'the' is token 1 of the data");
    assertEquals(TokenRef.query(1), view.tokenAt(firstRow.getLocation()));
    Rectangle tired = view.tokenBounds(TokenRef.key(7)).orElseThrow();
    Mouse.press(view, (int) tired.getCenterX(), (int) tired.getCenterY(), 1);
    assertEquals(TokenRef.key(7), selection.lockedToken());
  }
}
