package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.swing.model.TokenRef;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Geometry and hit-testing of the two token columns, without painting. */
class TokenColumnsLayoutTest {

  // x 10, y 20, 3 left and 2 right tokens, boxes 50 and 40 wide, rows 18 high, 100 between.
  private final TokenColumnsLayout layout = new TokenColumnsLayout(10, 20, 3, 2, 50, 40, 18, 100);

  @Test
  void boxesAnchorsAndBounds() {
    assertEquals(new Rectangle(10, 56, 50, 18), layout.box(TokenRef.Side.QUERY, 2));
    assertEquals(new Rectangle(160, 38, 40, 18), layout.box(TokenRef.Side.KEY, 1));
    assertEquals(62, layout.leftAnchorX());
    assertEquals(158, layout.rightAnchorX());
    assertEquals(20 + 18 + 9, layout.rowCenterY(1));
    assertEquals(new Rectangle(10, 20, 190, 54), layout.bounds());
    assertEquals(new Rectangle(60, 20, 100, 54), layout.lineArea());
  }

  @Test
  void hitTestFindsBoxesAndNothingBetweenOrBelow() {
    assertEquals(new TokenColumnsLayout.Hit(TokenRef.Side.QUERY, 0), layout.hitTest(10, 20));
    assertEquals(new TokenColumnsLayout.Hit(TokenRef.Side.QUERY, 2), layout.hitTest(59, 73));
    assertEquals(new TokenColumnsLayout.Hit(TokenRef.Side.KEY, 1), layout.hitTest(199, 55));
    assertNull(layout.hitTest(100, 30), "line area");
    assertNull(layout.hitTest(170, 60), "below the last right token");
    assertNull(layout.hitTest(20, 19), "above");
    assertNull(layout.hitTest(9, 30), "left of the columns");
  }

  @Test
  void visibleRowRangeForCulling() {
    assertEquals(0, layout.firstRowBelow(-100, 3));
    assertEquals(1, layout.firstRowBelow(38, 3));
    assertEquals(1, layout.firstRowBelow(55.9, 3));
    assertEquals(3, layout.firstRowBelow(1000, 3), "none");
    assertEquals(-1, layout.lastRowAbove(19, 3), "none");
    assertEquals(1, layout.lastRowAbove(55, 3));
    assertEquals(2, layout.lastRowAbove(1000, 3));
  }

  @Test
  void fittingSizesBoxesToTheWidestLabelWithACap() {
    TokenColumnsLayout fitted =
        TokenColumnsLayout.fitting(
            0, 0, List.of("ab", "abcdef"), List.of("a"), s -> s.length() * 10, 16, 80, 50);
    assertEquals(50, fitted.leftWidth(), "60 + padding capped at 50");
    assertEquals(10 + 2 * TokenColumnsLayout.TEXT_PADDING, fitted.rightWidth());
  }

  @Test
  void rejectsImpossibleSizes() {
    assertThrows(
        IllegalArgumentException.class, () -> new TokenColumnsLayout(0, 0, -1, 2, 5, 5, 5, 50));
    assertThrows(
        IllegalArgumentException.class, () -> new TokenColumnsLayout(0, 0, 1, 2, 5, 5, 0, 50));
    assertThrows(
        IllegalArgumentException.class, () -> new TokenColumnsLayout(0, 0, 1, 2, 5, 5, 5, 1));
  }

  @org.junit.jupiter.api.Test
  void theLineAreaAdaptsToTheTokenCountWithinItsBoundsAndTheRoom() {
    int thirteen = TokenColumnsLayout.lineAreaFor(13, 2000, 100, 600);
    org.junit.jupiter.api.Assertions.assertTrue(
        thirteen >= 150 && thirteen <= 250, "13 tokens: " + thirteen);
    org.junit.jupiter.api.Assertions.assertTrue(
        TokenColumnsLayout.lineAreaFor(100, 2000, 100, 600) > thirteen, "longer, wider");
    org.junit.jupiter.api.Assertions.assertEquals(
        600, TokenColumnsLayout.lineAreaFor(512, 2000, 100, 600), "at most the maximum");
    org.junit.jupiter.api.Assertions.assertEquals(
        300, TokenColumnsLayout.lineAreaFor(100, 300, 100, 600), "within the room");
    org.junit.jupiter.api.Assertions.assertEquals(
        180, TokenColumnsLayout.lineAreaFor(100, 50, 180, 600), "never below the minimum");
  }
}
