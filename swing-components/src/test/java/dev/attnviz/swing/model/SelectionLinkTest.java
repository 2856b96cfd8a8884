package dev.attnviz.swing.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.SentenceFilter;
import java.util.BitSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionLinkTest {

  private final AttentionSelectionModel main = new AttentionSelectionModel();
  private final AttentionSelectionModel other = new AttentionSelectionModel();

  @Test
  void theSecondTakesTheFirstsLayerAndHeadsAtOnce() {
    main.setLayer(8);
    main.setFocusHead(4);
    main.isolateHead(4, 12);

    SelectionLink.layerAndHeads(main, other);

    assertEquals(8, other.layer());
    assertEquals(4, other.focusHead());
    assertEquals(Optional.of(bits(4)), other.chosenHeads());
  }

  @Test
  void layerAndHeadsFollowBothWaysButTokensAndCellsStayApart() {
    SelectionLink.layerAndHeads(main, other);

    main.setLayer(3);
    main.toggleHead(0, 12);
    other.setFocusHead(7);
    other.setLayer(5);
    main.setLockedToken(TokenRef.query(2));
    main.setSelectedCell(new LayerHead(5, 7));
    other.setFilter(SentenceFilter.A_TO_B);

    assertEquals(5, main.layer());
    assertEquals(5, other.layer());
    assertEquals(7, main.focusHead());
    assertEquals(main.chosenHeads(), other.chosenHeads());
    assertTrue(other.chosenHeads().isPresent());
    assertNull(other.lockedToken(), "a token of one input is not a token of the other");
    assertNull(other.selectedCell());
    assertEquals(SentenceFilter.ALL, main.filter());
  }

  @Test
  void oneChangeFiresOneEventOnEachSide() {
    SelectionLink.layerAndHeads(main, other);
    EventCounter mainEvents = new EventCounter();
    EventCounter otherEvents = new EventCounter();
    main.addChangeListener(mainEvents);
    other.addChangeListener(otherEvents);

    main.setLayer(2);

    assertEquals(1, mainEvents.count());
    assertEquals(1, otherEvents.count());
  }

  @Test
  void closingUnlinks() {
    SelectionLink link = SelectionLink.layerAndHeads(main, other);

    link.close();
    main.setLayer(6);
    other.setLayer(1);

    assertEquals(6, main.layer());
    assertEquals(1, other.layer());
  }

  @Test
  void aModelCannotBeLinkedToItself() {
    assertThrows(IllegalArgumentException.class, () -> SelectionLink.layerAndHeads(main, main));
  }

  private static BitSet bits(int... indexes) {
    BitSet set = new BitSet();
    for (int i : indexes) {
      set.set(i);
    }
    return set;
  }
}
