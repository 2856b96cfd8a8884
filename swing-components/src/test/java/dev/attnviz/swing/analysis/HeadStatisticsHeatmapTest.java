package dev.attnviz.swing.analysis;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.NumberScan;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import javax.swing.event.ChangeEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The statistics heatmap's pixels follow the statistic, the selected head is outlined, a click
 * selects a head in the shared selection model.
 *
 * <p>Data: {@code [CLS] a b}, 2 layers × 2 heads. Entropy (natural log): layer 0 head 0 attends i →
 * i (0); head 1 is uniform (ln 3, the largest); layer 1 head 0 sends everything to [CLS] (0); head
 * 1 splits each row evenly over two keys (ln 2).
 */
@OnEdt
class HeadStatisticsHeatmapTest {

  private static final double LN2 = Math.log(2);
  private static final double LN3 = Math.log(3);

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private HeadStatisticsHeatmap view;

  static AttentionData fourHeads() {
    float third = 1f / 3;
    float[][] uniform = {{third, third, third}, {third, third, third}, {third, third, third}};
    float[][] toCls = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
    float[][] halves = {{0.5f, 0.5f, 0}, {0.5f, 0.5f, 0}, {0, 0.5f, 0.5f}};
    return TestData.self(
        List.of("[CLS]", "a", "b"),
        new float[][][][] {{TestData.diagonal(3, 1f), uniform}, {toCls, halves}});
  }

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(fourHeads());
    selection = new AttentionSelectionModel();
    view = new HeadStatisticsHeatmap(model, selection);
    view.setControlsVisible(false);
  }

  private Color heat(double opacity) {
    return blend(view.colors().background(), view.colors().heat(), opacity);
  }

  private void assertCell(BufferedImage image, int layer, int head, double scale, Color c) {
    assertCell(image, layer, head, scale, c, "");
  }

  private void assertCell(
      BufferedImage image, int layer, int head, double scale, Color c, String why) {
    Rectangle cell = view.cellBounds(new LayerHead(layer, head)).orElseThrow();
    assertAll(
        image,
        cell.getCenterX() * scale,
        cell.getCenterY() * scale,
        c,
        2,
        "cell of layer " + layer + ", head " + head + " " + why);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void cellColoursFollowTheStatisticFromTintToFullHeat(double scale) {
    selection.setFocusHead(1);
    selection.setLayer(1);
    BufferedImage image = Pixels.paint(view, scale);
    float minTint = HeadStatisticsPicture.MIN_TINT;
    assertCell(image, 0, 1, scale, heat(1));
    assertCell(image, 0, 0, scale, heat(minTint));
    assertCell(image, 1, 0, scale, heat(minTint));
    assertCell(image, 1, 1, scale, heat(minTint + (1 - minTint) * LN2 / LN3));

    view.setStatistic(Statistic.FIRST);
    image = Pixels.paint(view, scale);
    assertCell(image, 1, 0, scale, heat(1));
    assertCell(image, 0, 1, scale, heat(minTint), "first token 1/3, the least, now");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void theSelectedHeadIsOutlinedAndNoOtherIs(double scale) {
    selection.setLayer(1);
    selection.setFocusHead(0);
    BufferedImage image = Pixels.paint(view, scale);
    Color ring = view.colors().selection();
    Rectangle selected = view.cellBounds(new LayerHead(1, 0)).orElseThrow();
    Rectangle other = view.cellBounds(new LayerHead(0, 0)).orElseThrow();
    Pixels.assertNear(image, selected.x * scale, selected.getCenterY() * scale, ring, 8, "outline");
    assertAll(
        image,
        (other.x + 2) * scale,
        other.getCenterY() * scale,
        heat(HeadStatisticsPicture.MIN_TINT),
        2,
        "no outline on another head");
  }

  @Test
  void clickingACellSelectsItsHeadForEveryViewInOneEvent() {
    List<ChangeEvent> events = new ArrayList<>();
    selection.addChangeListener(events::add);
    Rectangle cell = view.cellBounds(new LayerHead(1, 1)).orElseThrow();
    Mouse.press(view, (int) cell.getCenterX(), (int) cell.getCenterY(), 1);
    assertEquals(1, selection.layer());
    assertEquals(1, selection.focusHead());
    assertEquals(new LayerHead(1, 1), selection.selectedCell());
    assertEquals(1, events.size());
    assertTrue(((SelectionEvent) events.get(0)).changed(SelectionEvent.Aspect.LAYER));

    Mouse.press(view, (int) cell.getCenterX(), (int) cell.getCenterY(), 1);
    assertEquals(new LayerHead(1, 1), selection.selectedCell(), "a second click keeps it");
    assertNull(view.headAt(new Point(0, 0)), "no head outside the grid");
  }

  @Test
  void arrowsMoveTheSelectedHead() {
    view.moveHead(1, 0);
    assertEquals(new LayerHead(1, 0), selection.selectedCell());
    view.moveHead(0, 1);
    assertEquals(new LayerHead(1, 1), selection.selectedCell());
    view.moveHead(1, 1);
    assertEquals(new LayerHead(1, 1), selection.selectedCell(), "stops at the edge");
  }

  @Test
  void undefinedValuesLeaveTheirCellsEmpty() {
    float[][] two = {{0.5f, 0.5f}, {0.5f, 0.5f}};
    float[][] three = {{0.2f, 0.3f, 0.5f}, {0.2f, 0.3f, 0.5f}};
    model.setData(
        TestData.encoderDecoder(
            List.of("x", "y", "z"),
            List.of("p", "q"),
            new float[][][][] {{TestData.diagonal(3, 1f)}},
            new float[][][][] {{two}},
            new float[][][][] {{three}}));
    selection.setKind(AttentionKind.CROSS);
    view.setStatistic(Statistic.SELF);
    BufferedImage image = Pixels.paint(view, 1);
    assertCell(image, 0, 0, 1, view.colors().background());
    view.setStatistic(Statistic.CONFIDENCE);
    image = Pixels.paint(view, 1);
    assertCell(image, 0, 0, 1, heat(1));
  }

  @Test
  void tooltipsListEveryStatisticWithTheShownOneFirst() {
    Rectangle cell = view.cellBounds(new LayerHead(0, 1)).orElseThrow();
    String tip = view.getToolTipText(Mouse.movedTo(view, (int) cell.getCenterX(), cell.y + 2));
    assertTrue(tip.startsWith("<html>Layer 0, Head 1 (self)<br><b>Entropy: 1.099</b>"), tip);
    assertTrue(tip.contains("Confidence: 0.3333"), tip);
    assertTrue(NumberScan.assertAtMostFourSignificantDigits(tip) >= 4, tip);
  }

  @Test
  void exportsTheShownGridAndAPicture() {
    model.setIncludeLayers(1);
    view.setStatistic(Statistic.SPECIAL);
    ShownMatrix grid = view.shownMatrix().orElseThrow();
    assertEquals(List.of("Layer 1"), grid.rowLabels());
    assertEquals(List.of("Head 0", "Head 1"), grid.columnLabels());
    HeadStatistics expected = HeadStatistics.of(fourHeads());
    assertArrayEquals(
        new float[] {
          (float) expected.get(AttentionKind.SELF, 1, 0).special(),
          (float) expected.get(AttentionKind.SELF, 1, 1).special()
        },
        grid.values());
    assertEquals("special of self attention, layers x heads", grid.title());
    BufferedImage picture = ViewExporter.toImage(view, 2);
    assertEquals(view.exportSize().width * 2, picture.getWidth());
    assertTrue(ViewExporter.toSvg(view).contains("<svg"));
  }

  @Test
  void statisticsAreThoseOfTheDisplayedData() {
    AttentionData data = TestData.bertPair();
    model.setData(data);
    assertEquals(HeadStatistics.of(data).heads(), view.statistics().orElseThrow().heads());
    assertEquals(144, view.statistics().orElseThrow().heads().size());
    model.setHideSpecialTokens(true);
    assertEquals(
        0.0,
        view.statistics().orElseThrow().get(AttentionKind.SELF, 3, 4).special(),
        "no special tokens left to attend to");
    assertFalse(view.isComputing());
  }

  @Test
  void anEmptyModelShowsAMessageAndExportsNoGrid() {
    model.setData(null);
    assertTrue(view.statistics().isEmpty());
    assertTrue(view.shownMatrix().isEmpty());
    BufferedImage image = Pixels.paint(view, 1);
    assertTrue(image.getWidth() > 0);
  }
}
