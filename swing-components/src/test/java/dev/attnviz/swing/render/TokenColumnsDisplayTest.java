package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared display's options for views that line several pictures up (comparison, neuron). */
class TokenColumnsDisplayTest {

  private final ViewColors colors = ViewColors.fromUIManager();
  private final ShownAttention shown =
      ShownAttention.of(
              new AttentionViewModel(
                  TestData.self(
                      List.of("a", "bb", "c"), new float[][][][] {{TestData.diagonal(3, 1f)}})),
              new AttentionSelectionModel())
          .orElseThrow();

  private TokenColumnsDisplay display() {
    TokenColumnsDisplay display = new TokenColumnsDisplay(100, 100, 160);
    display.update(shown, colors, 8, 20, 0);
    return display;
  }

  @Test
  void aMinimumKeyLabelBandMovesTheCellsDownAndNotTheRowLabels() {
    TokenColumnsDisplay display = display();
    MatrixLayout natural = display.matrixLayout();
    display.setMinColumnLabelHeight(natural.cellsY() - 20 + 30);
    MatrixLayout banded = display.matrixLayout();
    assertNotSame(natural, banded, "the layout is recomputed");
    assertEquals(natural.cellsY() + 30, banded.cellsY());
    assertEquals(natural.cellsX(), banded.cellsX());
    assertEquals(natural.cellSize(), banded.cellSize());
    display.setMinColumnLabelHeight(1);
    assertEquals(natural.cellsY(), display.matrixLayout().cellsY(), "a lower minimum: as needed");
  }

  @Test
  void aMinimumRowHeightMakesRowsTallerThanTheFontAsks() {
    TokenColumnsDisplay display = display();
    int natural = display.linesLayout().rowHeight();
    display.setMinRowHeight(natural + 7);
    assertEquals(natural + 7, display.linesLayout().rowHeight());
    assertEquals(natural + 7, display.matrixLayout().cellSize());
  }
}
