package dev.attnviz.swing.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.testing.TestData;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly one event per effective change, none for no-ops, one per batch, none after removal. */
class AttentionSelectionModelTest {

  private AttentionSelectionModel selection;
  private EventCounter events;

  @BeforeEach
  void setUp() {
    selection = new AttentionSelectionModel();
    events = new EventCounter();
    selection.addChangeListener(events);
  }

  @Test
  void everySetterFiresOnceWithItsAspectAndNothingForTheSameValue() {
    selection.setLayer(3);
    selection.setLayer(3);
    assertEquals(1, events.count());
    assertEquals(Set.of(Aspect.LAYER), events.last().aspects());

    selection.setFilter(SentenceFilter.A_TO_B);
    selection.setFilter(SentenceFilter.A_TO_B);
    assertEquals(2, events.count());
    assertTrue(events.last().changed(Aspect.FILTER));

    selection.setFocusHead(2);
    selection.setFocusHead(2);
    assertEquals(3, events.count());

    selection.setHoveredToken(TokenRef.query(1));
    selection.setHoveredToken(TokenRef.query(1));
    assertEquals(4, events.count());
    assertTrue(events.last().isHoverOnly());

    selection.setLockedToken(TokenRef.key(0));
    selection.setLockedToken(TokenRef.key(0));
    assertEquals(5, events.count());
    assertEquals(Set.of(Aspect.LOCK), events.last().aspects());

    selection.setSelectedCell(new LayerHead(1, 1));
    selection.setSelectedCell(new LayerHead(1, 1));
    assertEquals(6, events.count());

    BitSet heads = new BitSet();
    heads.set(0);
    selection.setActiveHeads(heads);
    selection.setActiveHeads((BitSet) heads.clone());
    assertEquals(7, events.count());
    assertEquals(Set.of(Aspect.HEADS), events.last().aspects());
  }

  @Test
  void kindChangeClearsTokensInOneEventAndKeepsLayerAndHeads() {
    selection.setLayer(2);
    selection.toggleHead(1, 4);
    selection.setHoveredToken(TokenRef.query(1));
    selection.setLockedToken(TokenRef.key(2));
    int before = events.count();
    selection.setKind(AttentionKind.CROSS);
    assertEquals(before + 1, events.count());
    assertEquals(Set.of(Aspect.KIND, Aspect.HOVER, Aspect.LOCK), events.last().aspects());
    assertNull(selection.selectedToken());
    assertEquals(2, selection.layer());
    assertFalse(selection.isHeadActive(1));
    selection.setKind(AttentionKind.CROSS);
    assertEquals(before + 1, events.count(), "same kind: no event");
  }

  @Test
  void lastActiveHeadStaysOnAndIsolateTogglesBack() {
    selection.isolateHead(2, 4);
    assertEquals(1, selection.activeHeadCount(4));
    int before = events.count();
    selection.toggleHead(2, 4);
    assertEquals(before, events.count(), "turning off the last head is a no-op");
    assertTrue(selection.isHeadActive(2));
    selection.isolateHead(2, 4);
    assertTrue(selection.allHeadsActive());
    assertEquals(before + 1, events.count());
    assertThrows(IllegalArgumentException.class, () -> selection.setActiveHeads(new BitSet()));
  }

  @Test
  void lockedTokenWinsOverHoverAndTogglesOff() {
    selection.setHoveredToken(TokenRef.query(1));
    selection.toggleLockedToken(TokenRef.query(3));
    selection.setHoveredToken(TokenRef.query(2));
    assertEquals(TokenRef.query(3), selection.selectedToken());
    selection.toggleLockedToken(TokenRef.query(3));
    assertEquals(TokenRef.query(2), selection.selectedToken());
    selection.clearLockedToken();
    assertEquals(4, events.count(), "clearing an unlocked token fires nothing");
  }

  @Test
  void toggleCellMovesLayerAndFocusHeadAndIsolatesTheHeadInOneEvent() {
    selection.toggleCell(new LayerHead(4, 7));
    assertEquals(1, events.count());
    assertEquals(
        Set.of(Aspect.CELL, Aspect.LAYER, Aspect.FOCUS_HEAD, Aspect.HEADS),
        events.last().aspects());
    assertEquals(4, selection.layer());
    assertEquals(7, selection.focusHead());
    assertEquals(1, selection.activeHeadCount(12));
    assertTrue(selection.isHeadActive(7));
    selection.toggleCell(new LayerHead(4, 7));
    assertNull(selection.selectedCell());
    assertEquals(2, events.count());
    assertEquals(Set.of(Aspect.CELL), events.last().aspects());
  }

  @Test
  void batchesCoalesceAndNestAndEmptyBatchesFireNothing() {
    selection.batch(
        () -> {
          selection.setLayer(1);
          selection.batch(() -> selection.setFocusHead(1));
          selection.setLayer(2);
        });
    assertEquals(1, events.count());
    assertEquals(Set.of(Aspect.LAYER, Aspect.FOCUS_HEAD), events.last().aspects());
    selection.batch(() -> selection.setLayer(2));
    assertEquals(1, events.count(), "a batch without effective change fires nothing");
  }

  @Test
  void removedListenerHearsNothing() {
    selection.removeChangeListener(events);
    selection.setLayer(5);
    assertEquals(0, events.count());
    assertEquals(0, selection.getChangeListeners().length);
  }

  @Test
  void adaptToKeepsWhatFitsAndFiresAtMostOnce() {
    selection.batch(
        () -> {
          selection.setLayer(11);
          selection.setFocusHead(1);
          selection.setFilter(SentenceFilter.B_TO_B);
          selection.setLockedToken(TokenRef.query(9));
          selection.setHoveredToken(TokenRef.key(1));
          selection.setSelectedCell(new LayerHead(5, 1));
        });
    int before = events.count();
    float[][] one = TestData.diagonal(3, 1f);
    selection.adaptTo(
        TestData.self(List.of("a", "b", "c"), new float[][][][] {{one, one}, {one, one}}));
    assertEquals(before + 1, events.count());
    assertEquals(1, selection.layer(), "layer clamped");
    assertEquals(1, selection.focusHead(), "focus head kept");
    assertEquals(SentenceFilter.ALL, selection.filter(), "no pair: no filter");
    assertNull(selection.lockedToken(), "token beyond the data dropped");
    assertEquals(TokenRef.key(1), selection.hoveredToken(), "token in range kept");
    assertNull(selection.selectedCell(), "cell beyond the data dropped");
    selection.adaptTo(
        TestData.self(List.of("a", "b", "c"), new float[][][][] {{one, one}, {one, one}}));
    assertEquals(before + 1, events.count(), "already fits: no event");
  }
}
