package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.neuron.NeuronLayout.Hit;
import dev.attnviz.swing.render.TextMeasure;
import dev.attnviz.swing.render.TokenColumnsLayout;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeuronLayoutTest {

  /** 7 pixels per character, 14-pixel lines: round numbers for exact expectations. */
  static final TextMeasure MEASURE =
      new TextMeasure() {
        @Override
        public int width(String text) {
          return 7 * text.length();
        }

        @Override
        public int height() {
          return 14;
        }
      };

  private static final List<String> TOKENS = List.of("the", "cat", "sat");

  private static NeuronLayout expanded(int headSize, String message, int listRows) {
    return NeuronLayout.compute(
        new NeuronLayout.Input(true, TOKENS, TOKENS, headSize, message, listRows), MEASURE);
  }

  @Test
  void expandedColumnsAreInOrderWithoutOverlap() {
    NeuronLayout layout = expanded(4, null, 8);
    int previousEnd = 0;
    for (Column column : Column.values()) {
      assertTrue(layout.has(column), column.toString());
      assertTrue(layout.x(column) >= previousEnd, column + " overlaps the column before");
      previousEnd = layout.x(column) + layout.width(column);
    }
    assertTrue(layout.size().width >= previousEnd + NeuronLayout.PAD);
    // Connectors need room between the query and key vectors.
    assertEquals(
        NeuronLayout.CONNECTOR_GAP,
        layout.x(Column.KEY) - layout.x(Column.QUERY) - layout.width(Column.QUERY));
  }

  @Test
  void rowsAndCellsSitOnWholePixels() {
    NeuronLayout layout = expanded(4, null, 0);
    assertEquals(18, layout.rowHeight());
    assertEquals(14, layout.cellHeight());
    assertEquals(NeuronLayout.PAD + 18 + 4 + 18, layout.rowsTop());
    Rectangle cell = layout.cellBounds(Column.KEY, 2, 3);
    assertEquals(
        new Rectangle(layout.x(Column.KEY) + 3 * 8, layout.rowsTop() + 2 * 18 + 2, 8, 14), cell);
    assertEquals(
        new Rectangle(layout.x(Column.SCORE), layout.rowsTop() + 18 + 2, 14, 14),
        layout.scoreBounds(1));
    assertEquals(3, layout.rowCount());
    assertEquals(layout.rowsTop() + 3 * 18 + NeuronLayout.PAD, layout.size().height);
  }

  @ParameterizedTest
  @CsvSource({"4, 8", "48, 8", "64, 6", "96, 4", "128, 3", "192, 2", "768, 2"})
  void cellWidthAdaptsToHeadSize(int headSize, int cellWidth) {
    assertEquals(cellWidth, NeuronLayout.cellWidth(headSize));
    NeuronLayout layout = expanded(headSize, null, 0);
    assertEquals(headSize * cellWidth, layout.vectorBounds(Column.PRODUCT, 0).width);
  }

  @Test
  void wideHeadsMakeAWidePictureToScroll() {
    NeuronLayout small = expanded(128, null, 0);
    NeuronLayout wide = expanded(768, null, 0);
    assertTrue(small.size().width < 1600, "head size 128 fits a screen: " + small.size());
    assertTrue(wide.size().width > 3 * 768 * 2, "head size 768 needs scrolling: " + wide.size());
  }

  @Test
  void fittedToKeepsALayoutThatFits() {
    NeuronLayout layout = expanded(64, null, 8);
    assertSame(layout, layout.fittedTo(layout.size().width, 2));
    assertSame(layout, layout.fittedTo(Integer.MAX_VALUE, 2));
    NeuronLayout collapsed =
        NeuronLayout.compute(new NeuronLayout.Input(false, TOKENS, TOKENS, 0, null, 0), MEASURE);
    assertSame(collapsed, collapsed.fittedTo(10, 2), "collapsed has no cells to narrow");
    assertThrows(IllegalArgumentException.class, () -> layout.fittedTo(10, 0));
  }

  @ParameterizedTest
  @CsvSource({"1, 5", "192, 5", "193, 4", "384, 4", "385, 3", "576, 3", "577, 2", "100000, 2"})
  void fittedToNarrowsCellsToTheWidestThatFit(int narrower, int cellWidth) {
    NeuronLayout natural = expanded(64, null, 8);
    assertEquals(6, natural.cellWidth());
    int width = natural.size().width - narrower;
    NeuronLayout fitted = natural.fittedTo(width, 2);
    assertEquals(cellWidth, fitted.cellWidth());
    // Three vector columns of 64 cells each; at 2 pixels the product column keeps the width of
    // its title, "q × k (elementwise)" (19 characters of 7 pixels), 5 pixels more than its cells.
    int saved = 3 * 64 * (6 - cellWidth) - (cellWidth == 2 ? 133 - 128 : 0);
    assertEquals(natural.size().width - saved, fitted.size().width);
    assertTrue(fitted.size().width <= width || cellWidth == 2, "fits unless at the minimum");
    assertEquals(natural.size().height, fitted.size().height, "rows keep their height");
    assertEquals(
        natural.x(Column.KEY_TOKENS) - saved, fitted.x(Column.KEY_TOKENS), "the softmax moves");
    assertEquals(
        natural.x(Column.CONTRIBUTIONS) - saved, fitted.x(Column.CONTRIBUTIONS), "the list too");
    assertEquals(natural.statusBounds().width - saved, fitted.statusBounds().width);
    Rectangle last = fitted.cellBounds(Column.PRODUCT, 2, 63);
    assertEquals(new Hit(Column.PRODUCT, 2, 63), fitted.hitTest(last.x + last.width - 1, last.y));
    assertEquals(
        new Point(fitted.x(Column.QUERY) + 64 * cellWidth, natural.queryAnchor(1).y),
        fitted.queryAnchor(1));
  }

  @Test
  void fittedToKeepsTheMinimumAndNarrowsOnlyWhatNarrowsThePicture() {
    NeuronLayout natural = expanded(64, null, 8);
    assertEquals(3, natural.fittedTo(0, 3).cellWidth(), "not below the minimum given");
    // 4 dimensions of 8 pixels are narrower than every title: narrower cells would gain nothing.
    NeuronLayout tiny = expanded(4, null, 8);
    assertSame(tiny, tiny.fittedTo(0, 2));
    // Head size 768 is at 2 pixels already.
    NeuronLayout wide = expanded(768, null, 8);
    assertSame(wide, wide.fittedTo(0, 2));
    assertEquals(1, wide.fittedTo(0, 1).cellWidth(), "a smaller minimum narrows it further");
  }

  @Test
  void hitTestFindsEveryCellItsBoundsGive() {
    NeuronLayout layout = expanded(16, null, 4);
    for (Column column : List.of(Column.QUERY, Column.KEY, Column.PRODUCT)) {
      for (int row = 0; row < 3; row++) {
        for (int dim = 0; dim < 16; dim++) {
          Rectangle cell = layout.cellBounds(column, row, dim);
          assertEquals(new Hit(column, row, dim), layout.hitTest(cell.x, cell.y));
          assertEquals(
              new Hit(column, row, dim),
              layout.hitTest(cell.x + cell.width - 1, cell.y + cell.height - 1));
        }
      }
    }
    Rectangle score = layout.scoreBounds(2);
    assertEquals(new Hit(Column.SCORE, 2, -1), layout.hitTest(score.x + 1, score.y + 1));
    Rectangle token = layout.tokenBounds(Column.KEY_TOKENS, 1);
    assertEquals(new Hit(Column.KEY_TOKENS, 1, -1), layout.hitTest(token.x + 2, token.y + 2));
    Rectangle query = layout.tokenBounds(Column.QUERY_TOKENS, 0);
    assertEquals(new Hit(Column.QUERY_TOKENS, 0, -1), layout.hitTest(query.x, query.y));
    Rectangle entry = layout.listCell(NeuronLayout.LIST_HEADER_ROWS + 3, 2);
    assertEquals(new Hit(Column.CONTRIBUTIONS, 3, -1), layout.hitTest(entry.x, entry.y + 1));
  }

  @Test
  void gapsTitlesAndEmptyRowsHitNothing() {
    NeuronLayout layout = expanded(4, null, 8);
    int gap = layout.x(Column.QUERY) + layout.width(Column.QUERY) + 5;
    assertNull(layout.hitTest(gap, layout.queryAnchor(0).y), "connector gap");
    assertNull(layout.hitTest(layout.x(Column.KEY) + 1, layout.rowsTop() - 1), "title row");
    // The list reserves 10 rows, but there are only 3 tokens.
    assertNull(layout.hitTest(layout.x(Column.KEY) + 1, layout.rowTop(5) + 1), "below the keys");
    assertNull(layout.hitTest(layout.x(Column.CONTRIBUTIONS), layout.rowTop(1) + 1), "list header");
    assertEquals(10, layout.rowCount());
  }

  @Test
  void connectorsRunFromQueryVectorsToKeyVectors() {
    NeuronLayout layout = expanded(4, null, 0);
    Rectangle queryRow = layout.vectorBounds(Column.QUERY, 1);
    Rectangle keyRow = layout.vectorBounds(Column.KEY, 2);
    assertEquals(
        new Point(queryRow.x + queryRow.width, layout.rowTop(1) + 9), layout.queryAnchor(1));
    assertEquals(new Point(keyRow.x, layout.rowTop(2) + 9), layout.keyAnchor(2));
  }

  @Test
  void statusLineGoesAboveAndIsAlwaysThereWhenExpanded() {
    NeuronLayout expanded = expanded(4, null, 0);
    Rectangle status = expanded.statusBounds();
    assertEquals(new Rectangle(NeuronLayout.PAD, NeuronLayout.PAD, status.width, 18), status);
    assertTrue(status.width >= 7 * NeuronText.placeholder().length(), "room for the placeholder");
    assertEquals(expanded.size().width - 2 * NeuronLayout.PAD, status.width);
    assertTrue(expanded.rowsTop() >= status.y + status.height + expanded.rowHeight());
  }

  @Test
  void collapsedHasAStatusLineOnlyForAMessage() {
    NeuronLayout plain = collapsed(null);
    NeuronLayout withMessage = collapsed(NeuronText.noVectorsInData());
    assertNull(plain.statusBounds());
    Rectangle status = withMessage.statusBounds();
    assertTrue(status.width >= 7 * NeuronText.noVectorsInData().length());
    assertEquals(
        plain.rowsTop() + status.height + 2 * NeuronLayout.CELL_INSET, withMessage.rowsTop());
  }

  private static NeuronLayout collapsed(String message) {
    return NeuronLayout.compute(
        new NeuronLayout.Input(false, TOKENS, TOKENS, 0, message, 0), MEASURE);
  }

  @Test
  void collapsedHasTwoTokenColumnsAndLineGap() {
    NeuronLayout layout =
        NeuronLayout.compute(
            new NeuronLayout.Input(false, TOKENS, List.of("a", "b"), 0, null, 8), MEASURE);
    assertFalse(layout.has(Column.QUERY));
    assertFalse(layout.has(Column.CONTRIBUTIONS));
    assertEquals(3 * 7 + 2 * NeuronLayout.TEXT_PAD, layout.width(Column.QUERY_TOKENS));
    Point from = layout.queryAnchor(0);
    Point to = layout.keyAnchor(1);
    // Lines keep the head view's small gap to the boxes at both ends.
    int gap = TokenColumnsLayout.ANCHOR_GAP;
    assertEquals(NeuronLayout.LINE_GAP - 2 * gap, to.x - from.x);
    assertEquals(new Hit(Column.KEY_TOKENS, 1, -1), layout.hitTest(to.x + gap + 1, to.y));
    assertNull(layout.hitTest(to.x + gap + 1, layout.rowTop(2) + 1), "only two keys");
    assertEquals(
        new Hit(Column.QUERY_TOKENS, 2, -1), layout.hitTest(from.x - gap - 1, layout.rowTop(2)));
    assertEquals(
        layout.tokenBounds(Column.KEY_TOKENS, 1), layout.tokenColumns().box(TokenRef.Side.KEY, 1));
    assertThrows(IllegalArgumentException.class, () -> layout.x(Column.SCORE));
  }

  @Test
  void longLabelsAreCapped() {
    String longToken = String.join("", Collections.nCopies(100, "x"));
    NeuronLayout layout =
        NeuronLayout.compute(
            new NeuronLayout.Input(false, List.of(longToken), List.of("a"), 0, null, 0), MEASURE);
    assertEquals(
        NeuronLayout.MAX_LABEL_WIDTH + 2 * NeuronLayout.TEXT_PAD,
        layout.width(Column.QUERY_TOKENS));
  }

  @Test
  void rowRangeFollowsTheClip() {
    NeuronLayout layout =
        NeuronLayout.compute(
            new NeuronLayout.Input(
                true, Collections.nCopies(500, "t"), Collections.nCopies(500, "t"), 64, null, 0),
            MEASURE);
    Rectangle clip = new Rectangle(0, layout.rowTop(100) + 5, 100, 3 * layout.rowHeight());
    assertEquals(100, layout.firstRow(clip));
    assertEquals(104, layout.endRow(clip));
    assertEquals(0, layout.firstRow(new Rectangle(0, 0, 10, 10)));
    assertEquals(0, layout.endRow(new Rectangle(0, 0, 10, 10)));
    assertEquals(500, layout.endRow(new Rectangle(layout.size())));
  }

  @Test
  void expandedNeedsAHeadSize() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new NeuronLayout.Input(true, TOKENS, TOKENS, 0, null, 0));
  }
}
