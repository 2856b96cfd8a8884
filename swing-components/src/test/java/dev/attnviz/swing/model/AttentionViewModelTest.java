package dev.attnviz.swing.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.testing.TestData;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event counts of the data model, and how it fits a selection to its data and presets. */
class AttentionViewModelTest {

  private AttentionViewModel model;
  private EventCounter events;

  private static AttentionData threeByThree() {
    float[][] m = TestData.diagonal(2, 1f);
    return TestData.self(List.of("a", "b"), new float[][][][] {{m, m, m}, {m, m, m}, {m, m, m}});
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel();
    events = new EventCounter();
    model.addChangeListener(events);
  }

  @Test
  void everyOptionFiresOnceAndNothingForTheSameValue() {
    AttentionData data = threeByThree();
    model.setData(data);
    model.setData(data);
    assertEquals(1, events.count());

    model.setPrettifyTokens(false);
    model.setPrettifyTokens(false);
    assertEquals(2, events.count());

    model.setIncludeLayers(2, 0, 2);
    model.setIncludeLayers(0, 2);
    assertEquals(3, events.count(), "normalised to the same set: one event");
    assertArrayEquals(new int[] {0, 2}, model.includeLayers());

    model.setIncludeHeads(1);
    model.setIncludeHeads(1);
    assertEquals(4, events.count());

    model.setDefaultLayer(1);
    model.setDefaultLayer(1);
    assertEquals(5, events.count());
    assertEquals(OptionalInt.of(1), model.defaultLayer());
    model.clearDefaultLayer();
    model.clearDefaultLayer();
    assertEquals(6, events.count());

    model.setDefaultHeads(2, 1);
    model.setDefaultHeads(1, 2);
    assertEquals(7, events.count());
    model.setDefaultHeads((int[]) null);
    assertNull(model.defaultHeads());
    assertEquals(8, events.count());
  }

  @Test
  void removedListenerHearsNothing() {
    model.removeChangeListener(events);
    model.setData(threeByThree());
    assertEquals(0, events.count());
  }

  @Test
  void badOptionsAreRejectedWithTheReason() {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> model.setIncludeLayers());
    assertTrue(empty.getMessage().contains("at least one layer"), empty.getMessage());
    assertThrows(IllegalArgumentException.class, () -> model.setIncludeHeads(-1));
    assertThrows(IllegalArgumentException.class, () -> model.setDefaultLayer(-2));
  }

  @Test
  void attachAppliesDefaultsOncePerDataAndKeepsUserChoicesAfterwards() {
    model.setDefaultLayer(2);
    model.setDefaultHeads(1);
    model.setData(threeByThree());
    AttentionSelectionModel selection = new AttentionSelectionModel();
    EventCounter selectionEvents = new EventCounter();
    selection.addChangeListener(selectionEvents);

    model.attach(selection);
    assertEquals(1, selectionEvents.count(), "defaults applied in one event");
    assertEquals(2, selection.layer());
    assertEquals(1, selection.focusHead());
    assertTrue(selection.isHeadActive(1));
    assertFalse(selection.isHeadActive(0));

    selection.setLayer(0);
    model.attach(selection);
    assertEquals(0, selection.layer(), "a second view sharing the selection changes nothing");

    model.setData(threeByThree());
    assertEquals(2, selection.layer(), "new data: defaults again");
  }

  @Test
  void attachedSelectionMovesOffExcludedLayersAndCells() {
    model.setData(threeByThree());
    AttentionSelectionModel selection = new AttentionSelectionModel();
    model.attach(selection);
    selection.toggleCell(new LayerHead(1, 2));
    model.setIncludeLayers(0, 2);
    assertEquals(0, selection.layer());
    assertNull(selection.selectedCell());
    model.setIncludeLayers((int[]) null);
    selection.toggleCell(new LayerHead(1, 2));
    model.setIncludeHeads(0, 1);
    assertNull(selection.selectedCell(), "cell of an excluded head closed");
    assertArrayEquals(new int[] {0, 1}, model.visibleHeads(3));
    assertArrayEquals(new int[] {0, 1, 2}, model.visibleLayers(3));
  }
}
