package dev.attnviz.swing.analysis;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.assertNear;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.DisplayMode;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JScrollPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rollout view draws the rollout of the shown data, as a matrix and as lines.
 *
 * <p>Data: {@code x y z}, 2 layers of 2 heads. In layer 0 both heads send every row to x, so {@code
 * Â_0 = 0.5 · A + 0.5 · I} has rows x: (1, 0, 0), y: (0.5, 0.5, 0), z: (0.5, 0, 0.5). In layer 1
 * every token attends to itself, {@code Â_1 = I}, so the rollout after layer 1 equals the one after
 * layer 0. The largest entry is 1 (x → x).
 */
@OnEdt
class RolloutViewTest {

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private RolloutView view;

  static AttentionData toFirstThenSelf() {
    float[][] toX = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
    float[][] self = TestData.diagonal(3, 1f);
    return TestData.self(List.of("x", "y", "z"), new float[][][][] {{toX, toX}, {self, self}});
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(toFirstThenSelf());
    selection = new AttentionSelectionModel();
    view = new RolloutView(model, selection);
    view.setControlsVisible(false);
  }

  private Point cellCenter(int row, int column) {
    Rectangle rowLabel = view.tokenBounds(TokenRef.query(row)).orElseThrow();
    Rectangle columnLabel = view.tokenBounds(TokenRef.key(column)).orElseThrow();
    return new Point((int) columnLabel.getCenterX(), (int) rowLabel.getCenterY());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void theMatrixShowsTheRolloutScaledToItsLargestEntry(double scale) {
    BufferedImage image = Pixels.paint(view, scale);
    Color background = view.colors().background();
    Color heat = view.colors().heat();
    assertPixel(image, cellCenter(0, 0), scale, heat, "x -> x: 1");
    assertPixel(image, cellCenter(1, 0), scale, blend(background, heat, 0.5), "y -> x: 0.5");
    assertPixel(image, cellCenter(1, 1), scale, blend(background, heat, 0.5), "y -> y: 0.5");
    assertPixel(image, cellCenter(0, 1), scale, background, "x -> y: 0");
    assertPixel(image, cellCenter(2, 1), scale, background, "z -> y: 0");
  }

  private static void assertPixel(
      BufferedImage image, Point p, double scale, Color color, String what) {
    assertAll(image, p.x * scale, p.y * scale, color, 2, what);
  }

  @Test
  void depthChoosesTheLayerAndTheLastOneIsTheDefault() {
    assertEquals(RolloutView.FINAL_LAYER, view.getDepth());
    assertEquals(1, view.shownDepth());
    assertEquals(2, view.depthSelector().getItemCount());
    List<String> events = new ArrayList<>();
    view.addPropertyChangeListener("depth", e -> events.add(e.getNewValue().toString()));
    view.setDepth(0);
    view.setDepth(0);
    assertEquals(List.of("0"), events);
    assertEquals(0, view.depthSelector().getSelectedItem());
    view.depthSelector().setSelectedItem(1);
    assertEquals(RolloutView.FINAL_LAYER, view.getDepth(), "the last layer means the full rollout");
    view.setDepth(7);
    assertEquals(1, view.shownDepth(), "deeper than the data: its last layer");
    assertThrows(IllegalArgumentException.class, () -> view.setDepth(-2));
  }

  @Test
  void exportsTheShownRolloutAsAMatrix() {
    AttentionData data = TestData.bertPair();
    model.setData(data);
    view.setDepth(5);
    ShownMatrix shown = view.shownMatrix().orElseThrow();
    assertEquals("Rollout after layer 5 (self)", shown.title());
    Matrix expected = Rollout.of(data, AttentionKind.SELF).afterLayer(5);
    float[] values = shown.values();
    int n = shown.rowLabels().size();
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        assertEquals(expected.get(i, j), values[i * n + j], 1e-6);
        sum += values[i * n + j];
      }
      assertEquals(1.0, sum, 1e-4, "rollout rows sum to 1");
    }
    assertTrue(ViewExporter.toSvg(view).contains("<svg"));
  }

  @Test
  void theFilterAndTheDisplayOptionsApply() {
    model.setData(TestData.bertPair());
    int all = view.shownMatrix().orElseThrow().rowLabels().size();
    model.setHideSpecialTokens(true);
    ShownMatrix hidden = view.shownMatrix().orElseThrow();
    assertEquals(all - 3, hidden.rowLabels().size(), "[CLS] and two [SEP] hidden");
    assertFalse(hidden.columnLabels().contains("[SEP]"));
    selection.setFilter(dev.attnviz.core.SentenceFilter.B_TO_B);
    assertEquals(
        List.of("the", "turtle", "slowly", "crawled"),
        view.shownMatrix().orElseThrow().rowLabels());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void linesShowTheRowOfTheSelectedToken(double scale) {
    view.setDisplayMode(DisplayMode.LINES);
    selection.setHoveredToken(TokenRef.query(1));
    BufferedImage image = Pixels.paint(view, scale);
    Color background = view.colors().background();
    Color heat = view.colors().heat();
    Rectangle y = view.tokenBounds(TokenRef.query(1)).orElseThrow();
    Rectangle x = view.tokenBounds(TokenRef.key(0)).orElseThrow();
    Rectangle z = view.tokenBounds(TokenRef.key(2)).orElseThrow();
    double x0 = y.getMaxX() + 2;
    double x1 = x.getX() - 2;
    double midX = (x0 + x1) / 2;
    assertNear(
        image,
        midX * scale,
        (y.getCenterY() + x.getCenterY()) / 2 * scale,
        blend(background, heat, 0.5),
        10,
        "y -> x, weight 0.5");
    assertAll(
        image,
        midX * scale,
        (y.getCenterY() + z.getCenterY()) / 2 * scale,
        background,
        2,
        "y -> z, weight 0: no line");
  }

  @Test
  void hoverAndClickSelectTokensInTheSharedSelection() {
    Point cell = cellCenter(2, 0);
    Mouse.move(view, cell.x, cell.y);
    assertEquals(TokenRef.query(2), selection.hoveredToken(), "a cell stands for its query");
    Mouse.press(view, cell.x, cell.y, 1);
    assertEquals(TokenRef.query(2), selection.lockedToken());
    view.getActionMap().get("attnviz.previousToken").actionPerformed(null);
    assertEquals(TokenRef.query(1), selection.lockedToken());
    String tip = view.getToolTipText(Mouse.movedTo(view, cell.x, cell.y));
    assertEquals(
        "<html>\u201cz\u201d \u2192 \u201cx\u201d<br>Rollout after layer 1: 0.5000</html>", tip);
  }

  @Test
  void movingTheLockedTokenScrollsItIntoView() {
    model.setData(TestData.bertPair());
    view.setDisplayMode(DisplayMode.LINES);
    view.setControlsVisible(true);
    JScrollPane pane = Pixels.host(view);
    pane.setSize(400, 200);
    Pixels.layoutTree(pane);
    int last = view.shownRollout().rowCount() - 1;
    for (int i = 0; i <= last; i++) {
      view.getActionMap().get("attnviz.nextToken").actionPerformed(null);
    }
    assertEquals(TokenRef.query(last), selection.lockedToken());
    Rectangle token = view.tokenBounds(TokenRef.query(last)).orElseThrow();
    Rectangle visible = pane.getViewport().getViewRect();
    assertTrue(visible.y > 0, "scrolled down");
    assertTrue(visible.contains(token), () -> visible + " shows " + token);
  }

  @Test
  void crossAttentionGetsAMessageInsteadOfARollout() {
    model.setData(AnalysisData.encoderDecoderOfTwo());
    selection.setKind(AttentionKind.CROSS);
    assertTrue(view.message().orElseThrow().contains("needs self-attention"));
    assertTrue(view.shownMatrix().isEmpty());
    assertNull(view.tokenAt(new Point(20, 20)));
    selection.setKind(AttentionKind.ENCODER);
    assertTrue(view.message().isEmpty());
    assertEquals(AttentionKind.ENCODER, view.rollout().orElseThrow().kind());
    assertArrayEquals(
        new float[] {0.75f, 0.25f, 0.25f, 0.75f}, view.shownMatrix().orElseThrow().values());
  }

  @Test
  void withoutDataTheViewSaysSo() {
    model.setData(null);
    assertEquals("No attention data", view.message().orElseThrow());
    assertTrue(view.rollout().isEmpty());
    assertTrue(Pixels.paint(view, 1).getWidth() > 0);
  }

  @Test
  void inLinesModeTheTitleSaysHowManyLinesAreDrawnWhenSomeAreLeftOut() {
    model.setData(SyntheticAttention.realistic(128, 2, 2, 42));
    String heatmapTitle = view.title();
    view.setDisplayMode(DisplayMode.LINES);

    String linesTitle = view.title();
    selection.setHoveredToken(TokenRef.query(4));

    assertTrue(
        linesTitle.matches(
            java.util.regex.Pattern.quote(heatmapTitle)
                + ": the strongest [\\d,]+ of [\\d,]+ lines"),
        linesTitle);
    assertEquals(linesTitle, view.title(), "the same while a token is hovered");
    model.setData(toFirstThenSelf());
    assertFalse(view.title().contains("strongest"), "every line drawn: the title only");
  }
}
