package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.assertNear;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JScrollPane;
import javax.swing.UIManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paints the model view into images: thumbnails per (layer, head) in the layer's colour, level of
 * detail, selection and detail pane, included layers and heads, caching, at scale 1 and 2.
 *
 * <p>Data: 4 tokens, 3 layers, 2 heads; every head attends i → i, head 0 with weight 1 and head 1
 * with weight 0.5, so each thumbnail shows four horizontal lines.
 */
@OnEdt
class ModelViewPixelTest {

  private static final List<String> TOKENS = List.of("alpha", "beta", "gamma", "delta");
  private static final int INSET = 2;

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private ModelView view;

  static AttentionData threeLayers(int tokens) {
    float[][][][] w = new float[3][2][][];
    for (int l = 0; l < 3; l++) {
      w[l][0] = TestData.diagonal(tokens, 1f);
      w[l][1] = TestData.diagonal(tokens, 0.5f);
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      labels.add(i < TOKENS.size() ? TOKENS.get(i) : "t" + i);
    }
    return TestData.self(labels, w);
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(threeLayers(4));
    selection = new AttentionSelectionModel();
    view = new ModelView(model, selection);
    view.setControlsVisible(false);
  }

  private Color layer(int l) {
    return view.colors().headColor(l, 3);
  }

  private Color background() {
    return view.colors().background();
  }

  /** Middle of the horizontal thumbnail line of token {@code row} (of {@code rows}). */
  private Point2D thumbnailLine(LayerHead cell, int row, int rows, double scale) {
    Rectangle box = view.thumbnailBounds(cell).orElseThrow();
    double y = box.y + INSET + (row + 0.5) * (box.height - 2.0 * INSET) / rows;
    return new Point2D.Double(box.getCenterX() * scale, y * scale);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void thumbnailsDrawEveryHeadInItsLayerColourWithOpacityWeight(double scale) {
    BufferedImage image = Pixels.paint(view, scale);
    assertEquals(ThumbnailPainter.Style.LINES, view.thumbnailStyle());
    for (int l = 0; l < 3; l++) {
      Point2D full = thumbnailLine(new LayerHead(l, 0), 0, 4, scale);
      assertNear(image, full.getX(), full.getY(), layer(l), 8, "layer " + l + " head 0");
      Point2D half = thumbnailLine(new LayerHead(l, 1), 3, 4, scale);
      assertNear(
          image,
          half.getX(),
          half.getY(),
          blend(background(), layer(l), 0.5),
          8,
          "layer " + l + " head 1 at weight 0.5");
    }
    Rectangle box = view.thumbnailBounds(new LayerHead(0, 0)).orElseThrow();
    double between = box.y + INSET + 1.0 * (box.height - 2.0 * INSET) / 4;
    assertAll(image, box.getCenterX() * scale, between * scale, background(), 2, "no line");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void longInputsGetHeatmapThumbnails(double scale) {
    model.setData(threeLayers(80));
    assertEquals(ThumbnailPainter.Style.HEATMAP, view.thumbnailStyle(), "80 tokens > 64");
    BufferedImage image = Pixels.paint(view, scale);
    Rectangle box = view.thumbnailBounds(new LayerHead(1, 0)).orElseThrow();
    assertNear(
        image,
        (box.x + INSET + 1) * scale,
        (box.y + INSET + 1) * scale,
        layer(1),
        2,
        "diagonal cell, inside the frame");
    assertNear(
        image,
        (box.getMaxX() - INSET - 2) * scale,
        (box.y + INSET + 1) * scale,
        background(),
        2,
        "off-diagonal cell");
    view.setThumbnailMode(ThumbnailMode.LINES);
    assertEquals(ThumbnailPainter.Style.LINES, view.thumbnailStyle());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void clickingAThumbnailSelectsItAndOpensTheDetailThatAHeadViewFollows(double scale) {
    HeadView headView = new HeadView(model, selection);
    Pixels.paint(view, scale);
    LayerHead cell = new LayerHead(2, 1);
    Rectangle box = view.thumbnailBounds(cell).orElseThrow();
    Mouse.press(view, box.x + 5, box.y + 5, 1);
    assertEquals(cell, selection.selectedCell());
    assertEquals(2, selection.layer(), "the head view sharing the selection moves to the layer");
    assertEquals(1, headView.getSelectionModel().focusHead());

    view.setSize(view.getPreferredSize());
    BufferedImage image = Pixels.paint(view, scale);
    assertNear(
        image,
        (box.x - 2) * scale,
        (box.getCenterY()) * scale,
        view.colors().selection(),
        8,
        "selected thumbnail has a border");
    Rectangle query0 = view.detailTokenBounds(TokenRef.query(0)).orElseThrow();
    Rectangle key0 = view.detailTokenBounds(TokenRef.key(0)).orElseThrow();
    Point2D line = ViewProbe.scaled(ViewProbe.along(query0, key0, 0.5), scale);
    assertNear(
        image,
        line.getX(),
        line.getY(),
        blend(background(), layer(2), 0.5),
        8,
        "detail line of layer 2, head 1");

    LayerHead other = new LayerHead(0, 0);
    Rectangle otherBox = view.thumbnailBounds(other).orElseThrow();
    Mouse.press(view, otherBox.x + 5, otherBox.y + 5, 1);
    assertEquals(other, selection.selectedCell(), "another thumbnail moves the detail");
    Mouse.press(view, otherBox.x + 5, otherBox.y + 5, 1);
    assertNull(selection.selectedCell(), "the same thumbnail closes it");
    assertTrue(view.detailTokenBounds(TokenRef.query(0)).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void hoveringALeftTokenInTheDetailShowsOnlyItsLines(double scale) {
    selection.toggleCell(new LayerHead(1, 0));
    view.setSize(view.getPreferredSize());
    Pixels.layoutTree(view);
    Rectangle query2 = view.detailTokenBounds(TokenRef.query(2)).orElseThrow();
    Mouse.move(view, query2.x + 3, query2.y + 3);
    assertEquals(TokenRef.query(2), selection.hoveredToken());
    BufferedImage image = Pixels.paint(view, scale);
    Point2D own =
        ViewProbe.scaled(
            ViewProbe.along(query2, view.detailTokenBounds(TokenRef.key(2)).orElseThrow(), 0.5),
            scale);
    assertNear(image, own.getX(), own.getY(), layer(1), 8, "the hovered token's line");
    Point2D otherLine =
        ViewProbe.scaled(
            ViewProbe.along(
                view.detailTokenBounds(TokenRef.query(0)).orElseThrow(),
                view.detailTokenBounds(TokenRef.key(0)).orElseThrow(),
                0.5),
            scale);
    assertAll(image, otherLine.getX(), otherLine.getY(), background(), 2, "other lines hidden");
  }

  @Test
  void includeLayersAndHeadsRemoveThemAndKeepTheirIndexes() {
    model.setIncludeLayers(0, 2);
    model.setIncludeHeads(1);
    assertTrue(view.thumbnailBounds(new LayerHead(1, 1)).isEmpty(), "layer 1 excluded");
    assertTrue(view.thumbnailBounds(new LayerHead(0, 0)).isEmpty(), "head 0 excluded");
    Rectangle first = view.thumbnailBounds(new LayerHead(0, 1)).orElseThrow();
    Rectangle second = view.thumbnailBounds(new LayerHead(2, 1)).orElseThrow();
    assertEquals(first.x, second.x, "one head column");
    assertTrue(second.y > first.y && second.y - first.y < 2 * first.height, "adjacent rows");
    BufferedImage image = Pixels.paint(view, 1);
    Point2D line = thumbnailLine(new LayerHead(2, 1), 0, 4, 1);
    assertNear(
        image,
        line.getX(),
        line.getY(),
        blend(background(), layer(2), 0.5),
        8,
        "layer 2 keeps its colour and index");
  }

  @Test
  void thumbnailsAreCachedAndRebuiltOnlyWhenTheirInputsChange() {
    Pixels.paint(view, 1);
    long builds = view.thumbnailCache().builds();
    assertEquals(6, builds, "3 layers x 2 heads");
    selection.setHoveredToken(TokenRef.query(1));
    selection.toggleCell(new LayerHead(0, 1));
    view.setSize(view.getPreferredSize());
    Pixels.paint(view, 1);
    assertEquals(builds, view.thumbnailCache().builds(), "hover and selection reuse thumbnails");
    Pixels.paint(view, 2);
    assertEquals(builds + 6, view.thumbnailCache().builds(), "new device scale: rebuilt");
    assertEquals(6, view.thumbnailCache().size());
    model.setData(TestData.pair(TOKENS, 2, new float[][][][] {{TestData.diagonal(4, 1f)}}));
    selection.setFilter(SentenceFilter.A_TO_A);
    BufferedImage image = Pixels.paint(view, 2);
    assertEquals(builds + 7, view.thumbnailCache().builds(), "new data: rebuilt");
    assertNotNull(image);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void darkThemeFromUiManager(double scale) {
    Object old = UIManager.get("AttentionView.background");
    try {
      Color dark = new Color(0x2b2b2b);
      UIManager.put("AttentionView.background", dark);
      view.updateUI();
      BufferedImage image = Pixels.paint(view, scale);
      Point2D half = thumbnailLine(new LayerHead(0, 1), 0, 4, scale);
      assertNear(image, half.getX(), half.getY(), blend(dark, layer(0), 0.5), 8, "dark blend");
      Rectangle box = view.thumbnailBounds(new LayerHead(0, 1)).orElseThrow();
      assertNear(image, (box.x + 1) * scale, (box.y + 1) * scale, dark, 0, "dark thumbnail");
    } finally {
      UIManager.put("AttentionView.background", old);
      view.updateUI();
    }
  }

  @Test
  void headAndLayerKeysMoveTheSelectedThumbnailAndEscapeClosesIt() {
    ViewProbe.key(view, KeyEvent.VK_RIGHT);
    assertEquals(new LayerHead(0, 1), selection.selectedCell());
    // The views' one key map: Page Down is the next layer everywhere (Down is the next token).
    ViewProbe.key(view, KeyEvent.VK_PAGE_DOWN);
    assertEquals(new LayerHead(1, 1), selection.selectedCell());
    assertEquals(1, selection.layer());
    selection.setLockedToken(TokenRef.query(0));
    ViewProbe.key(view, KeyEvent.VK_ESCAPE);
    assertNull(selection.lockedToken(), "first Escape unlocks the token");
    ViewProbe.key(view, KeyEvent.VK_ESCAPE);
    assertNull(selection.selectedCell(), "second Escape closes the detail");
  }

  @Test
  void inAScrollPaneTheControlsMoveToTheColumnHeader() {
    view.setControlsVisible(true);
    JScrollPane scrollPane = new JScrollPane(view);
    scrollPane.addNotify();
    assertSame(view.controlsBar(), scrollPane.getColumnHeader().getView());
    assertEquals(0, view.contentTop(), "nothing above the content inside the viewport");
    view.setControlsVisible(false);
    assertNull(scrollPane.getColumnHeader().getView(), "hidden controls leave the header");
    scrollPane.removeNotify();
    view.setControlsVisible(true);
    assertSame(view, view.controlsBar().getParent(), "outside a scroll pane: on top");
    assertTrue(view.contentTop() > 0);
  }
}
