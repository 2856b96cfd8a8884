package dev.attnviz.swing.model;

import static dev.attnviz.swing.model.TokenRef.Side.KEY;
import static dev.attnviz.swing.model.TokenRef.Side.QUERY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import dev.attnviz.swing.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
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
  void inTheBackgroundTheOldPictureStaysUntilTheNewestResultArrives() throws Exception {
    List<Runnable> jobs = new ArrayList<>();
    model.setDisplayExecutor(jobs::add);
    AttentionData data = model.data();
    AttentionData before = model.displayData();
    model.setHideSpecialTokens(true);
    model.setWordLevel(true);
    assertSame(before, model.displayData(), "the old picture while computing");
    assertTrue(model.isDisplayPending());
    assertEquals(2, jobs.size(), "nothing computed on the calling thread");
    int heard = events.count();
    jobs.get(1).run();
    jobs.get(0).run(); // the older request finishes last: its result must not win
    SwingUtilities.invokeAndWait(() -> {});
    assertEquals(WordAggregation.aggregate(SpecialTokens.hide(data)), model.displayData());
    assertFalse(model.isDisplayPending());
    assertEquals(heard + 1, events.count(), "one event, for the newest result");
    assertEquals(0, model.tokenDisplay().toShown(AttentionKind.SELF, QUERY, 1), "'playing'");
  }

  @Test
  void newDataWithAnOptionOnIsTransformedInTheBackgroundAndTheNewestWins() throws Exception {
    List<Runnable> jobs = new ArrayList<>();
    model.setHideSpecialTokens(true);
    model.setDisplayExecutor(jobs::add);
    AttentionData older = pieces();
    model.setData(older);
    assertSame(older, model.displayData(), "untransformed meanwhile: nothing computed here");
    assertTrue(model.isDisplayPending());
    assertEquals(1, jobs.size());
    float third = 1f / 3;
    float[][] uniform = {{third, third, third}, {third, third, third}, {third, third, third}};
    AttentionData newest =
        TestData.self(List.of("[CLS]", "ok", "[SEP]"), new float[][][][] {{uniform}});
    model.setData(newest);
    assertEquals(2, jobs.size());
    int heard = events.count();
    jobs.get(1).run();
    jobs.get(0).run(); // the older data's transform finishes last: it must not win
    SwingUtilities.invokeAndWait(() -> {});
    assertEquals(SpecialTokens.hide(newest), model.displayData());
    assertFalse(model.isDisplayPending());
    assertEquals(heard + 1, events.count(), "one event, for the newest result");
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
  void lockedAndHoveredTokensKeepTheirDataIndexAndFollowTheTokensThatShowThem() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.attach(selection);
    selection.setLockedToken(TokenRef.query(2)); // ##ing
    selection.setHoveredToken(TokenRef.key(3)); // ball

    model.setWordLevel(true);
    assertEquals(TokenRef.query(2), selection.lockedToken(), "still the data's ##ing");
    assertEquals(TokenRef.key(3), selection.hoveredToken());
    assertEquals(1, shown(QUERY, 2), "shown as the word 'playing'");
    assertEquals(2, shown(KEY, 3), "'ball' is word 2");

    model.setHideSpecialTokens(true);
    assertEquals(TokenRef.query(2), selection.lockedToken());
    assertEquals(0, shown(QUERY, 2), "'playing' without [CLS]");
    assertEquals(1, shown(KEY, 3));

    model.setWordLevel(false);
    assertEquals(1, shown(QUERY, 2), "'##ing' without [CLS]");
    assertEquals(2, model.tokenDisplay().toData(AttentionKind.SELF, QUERY, 1));

    model.setHideSpecialTokens(false);
    assertEquals(TokenRef.query(2), selection.lockedToken());
    assertEquals(TokenRef.key(3), selection.hoveredToken(), "'ball' again");
    assertEquals(2, shown(QUERY, 2));
  }

  private int shown(TokenRef.Side side, int dataIndex) {
    return model.tokenDisplay().toShown(AttentionKind.SELF, side, dataIndex);
  }

  @Test
  void aTokenThatBecomesHiddenIsUnselectedInOneEvent() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.attach(selection);
    selection.setLockedToken(TokenRef.key(0)); // [CLS]
    EventCounter selectionEvents = new EventCounter();
    selection.addChangeListener(selectionEvents);
    model.setHideSpecialTokens(true);
    assertNull(selection.lockedToken());
    assertEquals(1, selectionEvents.count());
    model.attach(selection);
    assertEquals(1, selectionEvents.count(), "a second view binding the pair changes nothing");
  }

  @Test
  void aSelectionBoundOnceAdaptsOnEveryChangeWithoutHelp() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.attach(selection);
    selection.setLockedToken(TokenRef.query(3));
    model.setWordLevel(true);
    model.setHideSpecialTokens(true);
    assertEquals(TokenRef.query(3), selection.lockedToken(), "'ball' is shown all along");
    IllegalArgumentException hidden =
        assertThrows(
            IllegalArgumentException.class, () -> selection.setLockedToken(TokenRef.query(0)));
    assertTrue(hidden.getMessage().contains("[CLS]"), hidden.getMessage());
  }
}
