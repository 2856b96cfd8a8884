package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

/** Geometry of the model-view grid, the heatmap and the head squares, without painting. */
class GridLayoutsTest {

  @Test
  void modelGridPlacesIncludedLayersAndHeadsWithoutGaps() {
    // Layers 0, 2, 5 and heads 1, 3 shown; 40x30 cells, gap 4, title 10, indexes 12 / 8.
    ModelGridLayout grid =
        new ModelGridLayout(0, 0, new int[] {0, 2, 5}, new int[] {1, 3}, 40, 30, 4, 10, 12, 8);
    assertEquals(22, grid.cellsX());
    assertEquals(18, grid.cellsY());
    assertEquals(new Rectangle(22 + 44, 18 + 34, 40, 30), grid.cell(new LayerHead(2, 3)));
    assertNull(grid.cell(new LayerHead(1, 1)), "layer 1 not shown");
    assertEquals(new LayerHead(5, 1), grid.cellAt(22 + 1, 18 + 68 + 1));
    assertNull(grid.cellAt(22 + 41, 20), "in the gap between columns");
    assertNull(grid.cellAt(5, 20), "on the layer index");
    assertEquals(new Rectangle(0, 0, 22 + 88, 18 + 102), grid.bounds());
    assertArrayEquals(new int[] {1, 2, 0, 1}, grid.cellRange(new Rectangle(30, 60, 100, 40)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ModelGridLayout(0, 0, new int[0], new int[] {1}, 4, 4, 0, 0, 0, 0));
  }

  @Test
  void aModelGridFitsAWidthWithSmallerThumbnailsDownToAMinimum() {
    // 2 heads of 40x30, gap 4, title 10, layer indexes 12: 30 px besides the cells, 110 in all.
    ModelGridLayout grid =
        new ModelGridLayout(0, 0, new int[] {0, 1}, new int[] {0, 1}, 40, 30, 4, 10, 12, 8);
    assertSame(grid, grid.fittedTo(110, 20), "fits already");
    assertSame(grid, grid.fittedTo(500, 20), "never larger");

    ModelGridLayout fitted = grid.fittedTo(90, 20);
    assertEquals(30, fitted.cellWidth(), "(90 - 30) / 2");
    assertEquals(23, fitted.cellHeight(), "aspect ratio kept: 30 * 30 / 40, rounded");
    assertEquals(90, fitted.bounds().width);
    assertEquals(grid.cellsX(), fitted.cellsX(), "titles and indexes keep their size");
    assertArrayEquals(grid.layers(), fitted.layers());

    ModelGridLayout smallest = grid.fittedTo(40, 20);
    assertEquals(27, smallest.cellWidth(), "the height reaches 20 first: 40 * 20 / 30, up");
    assertEquals(20, smallest.cellHeight());
    assertTrue(smallest.bounds().width > 40, "wider than asked: the minimum holds");

    ModelGridLayout tiny =
        new ModelGridLayout(0, 0, new int[] {0}, new int[] {0, 1}, 16, 16, 4, 10, 12, 8);
    assertSame(tiny, tiny.fittedTo(20, 20), "thumbnails below the minimum do not shrink");
    assertThrows(IllegalArgumentException.class, () -> grid.fittedTo(90, 0));
  }

  @Test
  void matrixLayoutHitsCellsAndLabels() {
    MatrixLayout matrix = new MatrixLayout(5, 5, 3, 4, 30, 40, 10);
    assertEquals(new Rectangle(35 + 20, 45 + 10, 10, 10), matrix.cell(1, 2));
    assertEquals(new MatrixLayout.Hit(1, 2), matrix.hitTest(56, 56));
    assertEquals(new MatrixLayout.Hit(2, -1), matrix.hitTest(10, 70));
    assertEquals(TokenRef.Side.QUERY, matrix.hitTest(10, 70).labelSide());
    assertEquals(new MatrixLayout.Hit(-1, 3), matrix.hitTest(70, 10));
    assertEquals(TokenRef.Side.KEY, matrix.hitTest(70, 10).labelSide());
    assertNull(matrix.hitTest(10, 10), "corner");
    assertNull(matrix.hitTest(200, 60), "right of the cells");
    assertEquals(1, matrix.firstRowBelow(56));
    assertEquals(2, matrix.lastColumnLeftOf(64));
  }

  @Test
  void headStripWrapsAndHitsSquares() {
    HeadStripLayout strip = new HeadStripLayout(0, 0, 7, 10, 2, 40);
    assertEquals(new Rectangle(0, 0, 10, 10), strip.square(0));
    assertEquals(new Rectangle(0, 12, 10, 10), strip.square(3), "three per row in 40 px");
    assertEquals(4, strip.headAt(13, 13));
    assertEquals(-1, strip.headAt(11, 5), "gap");
    assertEquals(-1, strip.headAt(13, 30), "row 3 has only head 6");
    assertEquals(6, strip.headAt(1, 25));
    assertEquals(new Rectangle(0, 0, 34, 34), strip.bounds());
  }
}
