package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.assertNear;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.UIManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paints the head view into images and checks the pixels that matter: which lines are drawn, in
 * which colour and opacity, for every interaction of the reference tool, at scale 1 and 2.
 *
 * <p>Data: 4 tokens, 2 layers, 2 heads. Layer 0: head 0 attends i → i (weight 1, row 3: 0.5), head
 * 1 attends i → 3 - i. Layer 1: head 0 i → i, head 1 nothing. A horizontal line (head 0) and the
 * crossing lines (head 1) never meet at the sampled points.
 */
@OnEdt
class HeadViewPixelTest {

  private static final List<String> TOKENS = List.of("alpha", "beta", "gamma", "delta");
  private static final int TOLERANCE = 8;

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private HeadView view;

  static AttentionData fourTokens() {
    float[][] head0 = TestData.diagonal(4, 1f);
    head0[3][3] = 0.5f;
    return TestData.self(
        TOKENS,
        new float[][][][] {
          {head0, TestData.reversed(4)}, {TestData.diagonal(4, 1f), TestData.zeros(4, 4)}
        });
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(fourTokens());
    selection = new AttentionSelectionModel();
    view = new HeadView(model, selection);
    view.setControlsVisible(false);
  }

  private Color background() {
    return view.colors().background();
  }

  private Color head(int h) {
    return view.colors().headColor(h, 2);
  }

  private Point2D at(int query, int key, double t, double scale) {
    return ViewProbe.scaled(ViewProbe.along(view::tokenBounds, query, key, t), scale);
  }

  private void assertLine(
      BufferedImage image, int query, int key, double t, double scale, Color color, String what) {
    Point2D p = at(query, key, t, scale);
    assertNear(image, p.getX(), p.getY(), color, TOLERANCE, what);
  }

  private void assertNoLine(
      BufferedImage image, int query, int key, double t, double scale, String what) {
    Point2D p = at(query, key, t, scale);
    assertAll(image, p.getX(), p.getY(), background(), 2, what);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void everyActiveHeadDrawsItsLinesAndAnInactiveOneNone(double scale) {
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, blend(background(), head(0), 0.5), "head 0, 0 → 0");
    assertLine(image, 0, 3, 0.25, scale, blend(background(), head(1), 0.5), "head 1, 0 → 3");

    selection.toggleHead(1, 2);
    image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, head(0), "head 0 alone, full weight");
    assertNoLine(image, 0, 3, 0.25, scale, "inactive head 1 draws nothing");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void lineOpacityIsWeightOverActiveHeadCount(double scale) {
    selection.isolateHead(0, 2);
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, head(0), "weight 1, one head");
    assertLine(image, 3, 3, 0.5, scale, blend(background(), head(0), 0.5), "weight 0.5, one head");

    selection.activateAllHeads();
    image = Pixels.paint(view, scale);
    assertLine(image, 3, 3, 0.5, scale, blend(background(), head(0), 0.25), "0.5 / 2 heads");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void hoveringALeftTokenShowsOnlyItsLinesAndPerHeadSlices(double scale) {
    selection.setHoveredToken(TokenRef.query(0));
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, blend(background(), head(0), 0.5), "own line, head 0");
    assertLine(image, 0, 3, 0.25, scale, blend(background(), head(1), 0.5), "own line, head 1");
    assertNoLine(image, 3, 3, 0.5, scale, "another token's line is hidden");
    assertNoLine(image, 3, 0, 0.25, scale, "another token's crossing line is hidden");

    Rectangle hovered = view.tokenBounds(TokenRef.query(0)).orElseThrow();
    assertNear(
        image,
        (hovered.x + 1) * scale,
        (hovered.y + 1) * scale,
        view.colors().highlightBackground(),
        2,
        "hovered token highlighted");
    // Right box of key 0: left slice is head 0 (weight 1), right slice head 1 (weight 0).
    Rectangle key0 = view.tokenBounds(TokenRef.key(0)).orElseThrow();
    assertNear(image, (key0.x + 1) * scale, (key0.y + 1) * scale, head(0), 2, "slice head 0");
    assertAll(
        image,
        (key0.getMaxX() - 2) * scale,
        (key0.y + 1.5) * scale,
        background(),
        2,
        "empty slice head 1");
    Rectangle key3 = view.tokenBounds(TokenRef.key(3)).orElseThrow();
    assertNear(
        image, (key3.getMaxX() - 2) * scale, (key3.y + 1) * scale, head(1), 2, "slice head 1");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void hoveringARightTokenShowsOnlyTheLinesIntoIt(double scale) {
    selection.setHoveredToken(TokenRef.key(3));
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 3, 3, 0.5, scale, blend(background(), head(0), 0.25), "3 → 3, head 0");
    assertLine(image, 0, 3, 0.25, scale, blend(background(), head(1), 0.5), "0 → 3, head 1");
    assertNoLine(image, 0, 0, 0.5, scale, "0 → 0 does not touch key 3");
    // Left box of query 3: head 0 slice weight 0.5.
    Rectangle query3 = view.tokenBounds(TokenRef.query(3)).orElseThrow();
    assertNear(
        image,
        (query3.x + 1) * scale,
        (query3.y + 1) * scale,
        blend(background(), head(0), 0.5),
        3,
        "slice head 0 with weight 0.5");
  }

  @Test
  void clickLocksATokenThatHoverNoLongerChangesAndEscapeUnlocks() {
    Pixels.paint(view, 1);
    Rectangle query1 = view.tokenBounds(TokenRef.query(1)).orElseThrow();
    Mouse.press(view, query1.x + 2, query1.y + 2, 1);
    assertEquals(TokenRef.query(1), selection.lockedToken());

    Rectangle query3 = view.tokenBounds(TokenRef.query(3)).orElseThrow();
    Mouse.move(view, query3.x + 2, query3.y + 2);
    assertEquals(TokenRef.query(3), selection.hoveredToken());
    BufferedImage image = Pixels.paint(view, 1);
    assertLine(image, 1, 1, 0.5, 1, blend(background(), head(0), 0.5), "locked token's line");
    assertNoLine(image, 3, 3, 0.5, 1, "hovered token does not replace the locked one");

    ViewProbe.key(view, KeyEvent.VK_ESCAPE);
    assertNull(selection.lockedToken());
  }

  @Test
  void arrowsMoveTokenHeadAndLayer() {
    ViewProbe.key(view, KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(0), selection.lockedToken());
    ViewProbe.key(view, KeyEvent.VK_DOWN);
    assertEquals(TokenRef.query(1), selection.lockedToken());
    ViewProbe.key(view, KeyEvent.VK_UP);
    assertEquals(TokenRef.query(0), selection.lockedToken());
    ViewProbe.key(view, KeyEvent.VK_RIGHT);
    assertEquals(1, selection.focusHead());
    ViewProbe.key(view, KeyEvent.VK_SPACE);
    assertFalse(selection.isHeadActive(1));
    ViewProbe.key(view, KeyEvent.VK_PAGE_DOWN);
    assertEquals(1, selection.layer());
    ViewProbe.key(view, KeyEvent.VK_MINUS);
    assertEquals(0, selection.layer());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void headSquareClickTogglesAndDoubleClickIsolates(double scale) {
    HeadSquares squares = view.headSquares();
    squares.setSize(squares.getPreferredSize());
    Rectangle square1 = squares.stripLayout().square(1);
    Mouse.press(squares, square1.x + 2, square1.y + 2, 1);
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, head(0), "head 1 toggled off: head 0 alone");
    assertNoLine(image, 0, 3, 0.25, scale, "head 1 toggled off");

    // Double-click head 1: first press turns it on, second shows it alone.
    Mouse.press(squares, square1.x + 2, square1.y + 2, 1);
    Mouse.press(squares, square1.x + 2, square1.y + 2, 2);
    image = Pixels.paint(view, scale);
    assertNoLine(image, 0, 0, 0.5, scale, "head 0 hidden after isolating head 1");
    assertLine(image, 0, 3, 0.25, scale, head(1), "head 1 alone at full opacity");

    // Double-click the only active head: everything back on.
    Mouse.press(squares, square1.x + 2, square1.y + 2, 1);
    Mouse.press(squares, square1.x + 2, square1.y + 2, 2);
    image = Pixels.paint(view, scale);
    assertLine(image, 0, 0, 0.5, scale, blend(background(), head(0), 0.5), "all heads again");
    assertLine(image, 0, 3, 0.25, scale, blend(background(), head(1), 0.5), "all heads again");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void sentenceFiltersSliceRowsAndColumns(double scale) {
    // Sentence A = tokens 0, 1; sentence B = tokens 2, 3. Head 0: 0 → 2, 1 → 3, 2 → 0, 3 → 1.
    float[][] cross = new float[4][4];
    cross[0][2] = 1f;
    cross[1][3] = 1f;
    cross[2][0] = 1f;
    cross[3][1] = 1f;
    model.setData(TestData.pair(TOKENS, 2, new float[][][][] {{cross}}));

    selection.setFilter(SentenceFilter.A_TO_B);
    BufferedImage image = Pixels.paint(view, scale);
    assertTrue(view.tokenBounds(TokenRef.query(2)).isEmpty(), "rows of B hidden");
    assertTrue(view.tokenBounds(TokenRef.key(0)).isEmpty(), "columns of A hidden");
    Rectangle query0 = view.tokenBounds(TokenRef.query(0)).orElseThrow();
    Rectangle key2 = view.tokenBounds(TokenRef.key(2)).orElseThrow();
    assertEquals(query0.y, key2.y, "first key of B drawn in the first row");
    assertLine(image, 0, 2, 0.5, scale, head(0), "A → B line 0 → 2");

    selection.setFilter(SentenceFilter.B_TO_A);
    image = Pixels.paint(view, scale);
    assertTrue(view.tokenBounds(TokenRef.query(0)).isEmpty(), "rows of A hidden");
    assertLine(image, 3, 1, 0.5, scale, head(0), "B → A line 3 → 1");

    selection.setFilter(SentenceFilter.A_TO_A);
    image = Pixels.paint(view, scale);
    assertTrue(view.tokenBounds(TokenRef.key(2)).isEmpty(), "columns of B hidden");
    assertNoLine(image, 0, 0, 0.5, scale, "no A → A attention in this data");
  }

  @Test
  void filterSelectorOnlyForPairsAndKindSelectorOnlyForSeveralKinds() {
    view.setControlsVisible(true);
    assertFalse(view.selectors().filterSelector().isVisible(), "single sentence: no filter");
    assertFalse(view.selectors().kindSelector().isVisible(), "one kind: no kind selector");
    model.setData(TestData.pair(TOKENS, 2, new float[][][][] {{TestData.diagonal(4, 1f)}}));
    assertTrue(view.selectors().filterSelector().isVisible(), "pair: filter shown");
    view.selectors().filterSelector().setSelectedItem(SentenceFilter.B_TO_B);
    assertEquals(SentenceFilter.B_TO_B, selection.filter(), "the selector writes the selection");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void crossAttentionPutsDecoderTokensLeft(double scale) {
    float[][] cross = new float[2][3];
    cross[0][2] = 1f;
    cross[1][0] = 1f;
    model.setData(
        TestData.encoderDecoder(
            List.of("enc0", "enc1", "enc2"),
            List.of("dec0", "dec1"),
            new float[][][][] {{TestData.diagonal(3, 1f)}},
            new float[][][][] {{TestData.diagonal(2, 1f)}},
            new float[][][][] {{cross}}));
    view.setControlsVisible(true);
    assertTrue(view.selectors().kindSelector().isVisible(), "three kinds: selector shown");
    selection.setKind(AttentionKind.CROSS);
    view.setControlsVisible(false);

    assertEquals(List.of("dec0", "dec1"), view.shown().rowLabels(), "decoder tokens on the left");
    assertEquals(List.of("enc0", "enc1", "enc2"), view.shown().columnLabels());
    assertTrue(view.tokenBounds(TokenRef.query(2)).isEmpty(), "only two decoder rows");
    BufferedImage image = Pixels.paint(view, scale);
    assertLine(image, 0, 2, 0.5, scale, head(0), "dec0 → enc2");
    assertLine(image, 1, 0, 0.5, scale, head(0), "dec1 → enc0");
    assertNoLine(image, 0, 0, 0.5, scale, "dec0 → enc0 has no weight");
  }

  @Test
  void includeLayersMovesTheSelectionAndLimitsTheLayerSelector() {
    model.setIncludeLayers(1);
    assertEquals(1, selection.layer(), "the only included layer is shown");
    assertEquals(1, view.selectors().layerSelector().getItemCount());
    assertEquals(1, view.selectors().layerSelector().getItemAt(0), "original index kept");
    BufferedImage image = Pixels.paint(view, 1);
    assertLine(image, 0, 0, 0.5, 1, blend(background(), head(0), 0.5), "layer 1, head 0");
    assertNoLine(image, 0, 3, 0.25, 1, "layer 1 head 1 has no weights");
  }

  @Test
  void defaultLayerAndHeadsArePresetByTheHost() {
    AttentionViewModel preset = new AttentionViewModel();
    preset.setDefaultLayer(1);
    preset.setDefaultHeads(1);
    AttentionSelectionModel fresh = new AttentionSelectionModel();
    HeadView presetView = new HeadView(preset, fresh);
    preset.setData(fourTokens());
    assertEquals(1, fresh.layer());
    assertTrue(fresh.isHeadActive(1));
    assertFalse(fresh.isHeadActive(0));
    assertEquals(1, presetView.getSelectionModel().focusHead());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void darkThemeComesFromUiManager(double scale) {
    Object old = UIManager.get("AttentionView.background");
    try {
      UIManager.put("AttentionView.background", new Color(0x1e1f22));
      view.updateUI();
      assertTrue(view.colors().dark());
      BufferedImage image = Pixels.paint(view, scale);
      assertNear(image, 2, 2, new Color(0x1e1f22), 0, "dark background");
      assertLine(
          image,
          0,
          0,
          0.5,
          scale,
          blend(new Color(0x1e1f22), head(0), 0.5),
          "line blends over the dark background");
    } finally {
      UIManager.put("AttentionView.background", old);
      view.updateUI();
    }
    assertFalse(view.colors().dark());
    BufferedImage light = Pixels.paint(view, scale);
    assertNear(
        light,
        2,
        2,
        UIManager.getColor("Panel.background"),
        0,
        "without a view key, the look and feel's panel background");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void matrixModeShowsOneHeadOrTheMeanOfActiveHeads(double scale) {
    view.setDisplayMode(DisplayMode.HEATMAP);
    HeatColorScale heat = HeatColorScale.of(view.colors());
    selection.isolateHead(0, 2);
    BufferedImage image = Pixels.paint(view, scale);
    assertCell(image, scale, 0, 0, heat.color(1f), "head 0, 0 → 0");
    assertCell(image, scale, 3, 3, heat.color(0.5f), "head 0, 3 → 3");
    assertCell(image, scale, 0, 3, heat.color(0f), "head 0, 0 → 3");

    selection.activateAllHeads();
    image = Pixels.paint(view, scale);
    assertCell(image, scale, 0, 0, heat.color(0.5f), "mean, 0 → 0");
    assertCell(image, scale, 0, 3, heat.color(0.5f), "mean, 0 → 3");
    assertCell(image, scale, 3, 3, heat.color(0.25f), "mean, 3 → 3");
  }

  private void assertCell(
      BufferedImage image, double scale, int row, int column, Color expected, String what) {
    Rectangle left = view.tokenBounds(TokenRef.query(row)).orElseThrow();
    Rectangle top = view.tokenBounds(TokenRef.key(column)).orElseThrow();
    assertAll(image, top.getCenterX() * scale, left.getCenterY() * scale, expected, 1, what);
  }
}
