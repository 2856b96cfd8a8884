package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options are bound properties, models can be swapped, tooltips carry exact numbers. */
@OnEdt
class ViewOptionsTest {

  @Test
  void optionsFireOnePropertyChangeEachAndNoneForTheSameValue() {
    HeadView head = new HeadView();
    ModelView grid = new ModelView();
    List<String> events = new ArrayList<>();
    head.addPropertyChangeListener(e -> record(events, e));
    grid.addPropertyChangeListener(e -> record(events, e));

    head.setDisplayMode(DisplayMode.HEATMAP);
    head.setDisplayMode(DisplayMode.HEATMAP);
    head.setControlsVisible(false);
    head.setControlsVisible(false);
    grid.setThumbnailSize(new Dimension(40, 30));
    grid.setThumbnailSize(new Dimension(40, 30));
    grid.setThumbnailMode(ThumbnailMode.HEATMAP);
    grid.setLineThumbnailLimit(10);
    grid.setLineThumbnailLimit(10);
    assertEquals(
        List.of(
            "displayMode",
            "controlsVisible",
            "thumbnailSize",
            "thumbnailMode",
            "lineThumbnailLimit"),
        events);
    assertThrows(IllegalArgumentException.class, () -> grid.setThumbnailSize(new Dimension(4, 40)));
    assertThrows(IllegalArgumentException.class, () -> grid.setLineThumbnailLimit(0));
  }

  private static void record(List<String> events, PropertyChangeEvent e) {
    // Swing fires its own properties too (ancestor, font...); keep ours.
    if (List.of(
            "displayMode",
            "controlsVisible",
            "thumbnailSize",
            "thumbnailMode",
            "lineThumbnailLimit",
            "model",
            "selectionModel")
        .contains(e.getPropertyName())) {
      events.add(e.getPropertyName());
    }
  }

  @Test
  void swappingModelsUnhooksTheOldOnes() {
    AttentionViewModel first = new AttentionViewModel(HeadViewPixelTest.fourTokens());
    AttentionSelectionModel firstSelection = new AttentionSelectionModel();
    HeadView view = new HeadView(first, firstSelection);
    int modelListeners = first.getChangeListeners().length;
    int selectionListeners = firstSelection.getChangeListeners().length;
    List<String> events = new ArrayList<>();
    view.addPropertyChangeListener(e -> record(events, e));

    AttentionViewModel second = new AttentionViewModel();
    AttentionSelectionModel secondSelection = new AttentionSelectionModel();
    view.setModel(second);
    view.setSelectionModel(secondSelection);
    assertEquals(List.of("model", "selectionModel"), events);
    assertEquals(modelListeners - 2, first.getChangeListeners().length, "view's and selectors'");
    assertEquals(selectionListeners - 1, firstSelection.getChangeListeners().length);
    assertEquals(0, first.getChangeListeners().length, "nothing of the view listens any more");
    assertEquals(0, firstSelection.listenerCount());
    assertTrue(view.tokenBounds(TokenRef.query(0)).isEmpty(), "no data in the new model");
    second.setData(HeadViewPixelTest.fourTokens());
    assertTrue(view.tokenBounds(TokenRef.query(0)).isPresent(), "listens to the new model");
  }

  @Test
  void tooltipsGiveTokenLayerHeadAndExactWeight() {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    HeadView view = new HeadView(new AttentionViewModel(HeadViewPixelTest.fourTokens()), selection);
    view.setControlsVisible(false);
    Pixels.paint(view, 1);
    selection.setLockedToken(TokenRef.query(3));
    Rectangle key3 = view.tokenBounds(TokenRef.key(3)).orElseThrow();
    String tip = view.getToolTipText(Mouse.movedTo(view, key3.x + 2, key3.y + 2));
    assertNotNull(tip);
    assertTrue(tip.contains("delta"), tip);
    assertTrue(tip.contains("Layer 0"), tip);
    assertTrue(tip.contains("Head 0: 0.5000"), tip);
    assertTrue(tip.contains("Head 1: 0.0000"), tip);
    assertNull(view.getToolTipText(Mouse.movedTo(view, 1, 1)), "no tooltip off the tokens");

    view.setDisplayMode(DisplayMode.HEATMAP);
    Rectangle row0 = view.tokenBounds(TokenRef.query(0)).orElseThrow();
    Rectangle column3 = view.tokenBounds(TokenRef.key(3)).orElseThrow();
    String cell =
        view.getToolTipText(
            Mouse.movedTo(view, (int) column3.getCenterX(), (int) row0.getCenterY()));
    assertTrue(cell.contains("mean of 2 heads: 0.5000"), cell);
    assertTrue(cell.contains("Head 1: 1.000"), cell);
  }

  @Test
  void emptyViewsPaintAPlaceholderAndExportNothing() {
    HeadView head = new HeadView();
    ModelView grid = new ModelView();
    head.setControlsVisible(false);
    grid.setControlsVisible(false);
    assertNotNull(Pixels.paint(head, 1));
    assertNotNull(Pixels.paint(grid, 2));
    assertTrue(head.shownMatrix().isEmpty());
    assertFalse(grid.shownMatrix().isPresent());
  }
}
