package dev.attnviz.swing.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import dev.attnviz.swing.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view model's display options: hiding special tokens and word level. Their events, the data
 * they make the views show, and how a token selection follows them.
 */
class DisplayOptionsTest {

  /** {@code [CLS] play ##ing ball [SEP]}: one word of two pieces between two special tokens. */
  static final List<String> TOKENS = List.of("[CLS]", "play", "##ing", "ball", "[SEP]");

  private AttentionViewModel model;
  private EventCounter events;

  /** Five tokens, one layer, one head: every token spreads its weight over all five. */
  static AttentionData pieces() {
    float[][] m = new float[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        m[i][j] = (i + j + 1) / (float) (5 * (i + 1) + 10);
      }
    }
    return TestData.self(TOKENS, new float[][][][] {{m}});
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(pieces());
    events = new EventCounter();
    model.addChangeListener(events);
  }

  @Test
  void eachOptionFiresOnceAndNothingForTheSameValue() {
    model.setHideSpecialTokens(true);
    model.setHideSpecialTokens(true);
    assertEquals(1, events.count());
    model.setWordLevel(true);
    model.setWordLevel(true);
    assertEquals(2, events.count());
    model.setHideSpecialTokens(false);
    model.setWordLevel(false);
    assertEquals(4, events.count());
    assertFalse(model.isHideSpecialTokens());
    assertFalse(model.isWordLevel());
  }

  @Test
  void displayDataIsTheDataItselfWhileBothOptionsAreOff() {
    assertSame(model.data(), model.displayData());
    assertNull(new AttentionViewModel().displayData());
  }

  @Test
  void displayDataAppliesTheCoreTransformsInOrder() {
    AttentionData data = model.data();
    model.setHideSpecialTokens(true);
    assertEquals(SpecialTokens.hide(data), model.displayData());
    model.setWordLevel(true);
    assertEquals(WordAggregation.aggregate(SpecialTokens.hide(data)), model.displayData());
    model.setHideSpecialTokens(false);
    assertEquals(WordAggregation.aggregate(data), model.displayData());
    assertEquals(
        List.of("[CLS]", "playing", "ball", "[SEP]"),
        model.displayData().primary().queryTokens().strings());
  }

  @Test
  void displayDataIsComputedOncePerChange() {
    model.setWordLevel(true);
    AttentionData first = model.displayData();
    assertSame(first, model.displayData(), "cached");
    model.setData(pieces());
    AttentionData second = model.displayData();
    assertFalse(first == second, "new data, new display data");
    assertEquals(first, second, "same numbers");
  }

  @Test
  void inputOfOnlySpecialTokensStaysShownAndSaysWhy() {
    float[][] m = {{0.5f, 0.5f}, {0.5f, 0.5f}};
    model.setData(TestData.self(List.of("[CLS]", "[SEP]"), new float[][][][] {{m}}));
    model.setHideSpecialTokens(true);
    assertSame(model.data(), model.displayData());
    assertTrue(model.displayProblem().orElseThrow().contains("special tokens stay shown"));
    model.setHideSpecialTokens(false);
    assertTrue(model.displayProblem().isEmpty());
  }

  @Test
  void lockedAndHoveredTokensFollowTheTokensTheyShow() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.prepareSelection(selection);
    selection.setLockedToken(TokenRef.query(2)); // ##ing
    selection.setHoveredToken(TokenRef.key(3)); // ball

    model.setWordLevel(true);
    model.prepareSelection(selection);
    assertEquals(TokenRef.query(1), selection.lockedToken(), "the word 'playing'");
    assertEquals(TokenRef.key(2), selection.hoveredToken(), "'ball' is word 2");

    model.setHideSpecialTokens(true);
    model.prepareSelection(selection);
    assertEquals(TokenRef.query(0), selection.lockedToken(), "'playing' without [CLS]");
    assertEquals(TokenRef.key(1), selection.hoveredToken());

    model.setWordLevel(false);
    model.prepareSelection(selection);
    assertEquals(TokenRef.query(0), selection.lockedToken(), "a word maps to its first piece");

    model.setHideSpecialTokens(false);
    model.prepareSelection(selection);
    assertEquals(TokenRef.query(1), selection.lockedToken(), "'play' with [CLS] back");
    assertEquals(TokenRef.key(3), selection.hoveredToken(), "'ball' again");
  }

  @Test
  void aTokenThatBecomesHiddenIsUnselectedInOneEvent() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.prepareSelection(selection);
    selection.setLockedToken(TokenRef.key(0)); // [CLS]
    EventCounter selectionEvents = new EventCounter();
    selection.addChangeListener(selectionEvents);
    model.setHideSpecialTokens(true);
    model.prepareSelection(selection);
    assertNull(selection.lockedToken());
    assertEquals(1, selectionEvents.count());
    model.prepareSelection(selection);
    assertEquals(1, selectionEvents.count(), "preparing again changes nothing");
  }

  @Test
  void aSelectionThatMissedSeveralChangesIsCleared() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.prepareSelection(selection);
    selection.setLockedToken(TokenRef.query(3));
    model.setWordLevel(true);
    model.setHideSpecialTokens(true);
    model.prepareSelection(selection);
    assertNull(selection.lockedToken(), "its tokens are of an unknown setting");
  }
}
