package dev.attnviz.swing.analysis;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.AttentionDifference;
import dev.attnviz.swing.analysis.ComparisonView.Panel;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.testing.Mouse;
import dev.attnviz.swing.testing.NumberScan;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The comparison view: A, B and A − B, the diverging colours of the difference, and the message for
 * inputs that cannot be compared.
 *
 * <p>Data: three tokens, one layer, two heads. Head 0: A attends i → i, B sends every row to the
 * first token, so A − B is +1 on the diagonal below the first row, −1 in the first column below the
 * first row, 0 elsewhere. Head 1: A and B are uniform, so the difference is 0.
 */
@OnEdt
class ComparisonViewTest {

  private AttentionSelectionModel selection;
  private ComparisonView view;

  private static AttentionData input(List<String> tokens, float[][] head0) {
    int n = tokens.size();
    float[][] uniform = new float[n][n];
    for (float[] row : uniform) {
      java.util.Arrays.fill(row, 1f / n);
    }
    return TestData.self(tokens, new float[][][][] {{head0, uniform}});
  }

  static AttentionData a() {
    return input(List.of("[CLS]", "she", "ran"), TestData.diagonal(3, 1f));
  }

  static AttentionData b() {
    float[][] toFirst = {{1, 0, 0}, {1, 0, 0}, {1, 0, 0}};
    return input(List.of("[CLS]", "he", "ran"), toFirst);
  }

  @BeforeEach
  void setUp() {
    selection = new AttentionSelectionModel();
    view = new ComparisonView(selection);
    view.setControlsVisible(false);
    view.setPair(a(), "She", b(), "He");
  }

  private void assertCell(
      BufferedImage image, Panel panel, int row, int column, double scale, Color c, String what) {
    Rectangle cell = view.cellBounds(panel, row, column).orElseThrow();
    assertAll(image, cell.getCenterX() * scale, cell.getCenterY() * scale, c, 2, what);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void positiveAndNegativeDifferencesHaveTheirHuesAndZeroIsTheBackground(double scale) {
    BufferedImage image = Pixels.paint(view, scale);
    Color background = view.colors().background();
    assertCell(image, Panel.DIFFERENCE, 1, 1, scale, view.colors().positive(), "she->she +1");
    assertCell(image, Panel.DIFFERENCE, 1, 0, scale, view.colors().negative(), "he->[CLS] -1");
    assertCell(image, Panel.DIFFERENCE, 0, 0, scale, background, "equal: 0");
    assertCell(image, Panel.DIFFERENCE, 2, 1, scale, background, "both 0");
    assertCell(image, Panel.A, 1, 1, scale, view.colors().heat(), "A: she -> she");
    assertCell(image, Panel.B, 1, 1, scale, background, "B: he -> he");
    assertCell(image, Panel.B, 1, 0, scale, view.colors().heat(), "B: he -> [CLS]");
  }

  @Test
  void theScaleIsSymmetricAroundZeroUpToTheLargestDifference() {
    float[][] half = {{1, 0, 0}, {0.5f, 0.5f, 0}, {0, 0, 1}};
    view.setPair(input(List.of("[CLS]", "she", "ran"), half), "A", b(), "B");
    // Differences: she -> she +0.5, she -> [CLS] -0.5, ran -> ran +1, ran -> [CLS] -1.
    BufferedImage image = Pixels.paint(view, 1);
    Color background = view.colors().background();
    assertCell(
        image,
        Panel.DIFFERENCE,
        1,
        1,
        1,
        blend(background, view.colors().positive(), 0.5),
        "+0.5 of ±1");
    assertCell(
        image,
        Panel.DIFFERENCE,
        1,
        0,
        1,
        blend(background, view.colors().negative(), 0.5),
        "-0.5 of ±1");
  }

  @Test
  void differentTokenCountsAreShownSideBySideWithASentenceInsteadOfTheDifference() {
    view.setPair(
        a(),
        "She",
        input(List.of("[CLS]", "they", "ran", "off"), TestData.diagonal(4, 1f)),
        "They");
    assertTrue(view.message().isEmpty(), "no refusal");
    assertEquals(
        "No difference A \u2212 B: the inputs have 3 and 4 tokens, which do not align one to one"
            + " \u2014 swap one word for another to compare",
        view.differenceNote().orElseThrow());
    // A is 3 × 3, B is 4 × 4, each its own heatmap; no third one.
    assertTrue(view.cellBounds(Panel.A, 2, 2).isPresent());
    assertTrue(view.cellBounds(Panel.B, 3, 3).isPresent());
    assertTrue(view.cellBounds(Panel.DIFFERENCE, 0, 0).isEmpty());
    assertTrue(view.shownMatrix().isEmpty(), "no difference to export as CSV");
    HeatColorScale heat = HeatColorScale.of(view.colors());
    BufferedImage image = Pixels.paint(view, 1);
    assertCell(image, Panel.A, 1, 1, 1, heat.color(1f), "A: she -> she");
    assertCell(image, Panel.B, 3, 3, 1, heat.color(1f), "B: off -> off");
    assertCell(image, Panel.B, 3, 0, 1, heat.color(0f), "B: off -> [CLS]");
    // The sentence is drawn below the heatmaps, where the view made room for all of it.
    Rectangle b = view.cellBounds(Panel.B, 3, 3).orElseThrow();
    int below = b.y + b.height + 1;
    String note = view.differenceNote().get();
    assertTrue(view.getPreferredSize().width > view.colors().text().width(note));
    Rectangle rest = new Rectangle(0, below, image.getWidth(), image.getHeight() - below);
    Rectangle right =
        new Rectangle(b.x + b.width + 8, below, 1, 1)
            .union(new Rectangle(image.getWidth() - 1, image.getHeight() - 1, 1, 1));
    assertTrue(
        Pixels.countOther(image, rest, 1, view.colors().background()) > 50, "legend and note");
    assertTrue(
        Pixels.countOther(image, right, 1, view.colors().background()) > 10,
        "the note runs on right of B, beyond any legend");
    Rectangle cell = view.cellBounds(Panel.B, 3, 3).orElseThrow();
    String tip =
        view.getToolTipText(Mouse.movedTo(view, (int) cell.getCenterX(), (int) cell.getCenterY()));
    assertTrue(tip.contains("B \u201coff\u201d \u2192 \u201coff\u201d: 1.000"), tip);
    view.getModel().setWordLevel(true);
    assertTrue(view.differenceNote().orElseThrow().contains("3 and 4 words"));
  }

  @Test
  void modelsOfDifferentSizesAreComparedWhereBothHaveTheHead() {
    float[][] d = TestData.diagonal(3, 1f);
    view.setPair(
        a(), "A", TestData.self(List.of("[CLS]", "he", "ran"), new float[][][][] {{d}}), "B");
    assertTrue(view.message().isEmpty());
    assertTrue(view.differenceNote().isEmpty(), "the tokens align");
    assertTrue(view.cellBounds(Panel.DIFFERENCE, 0, 0).isPresent());
    selection.setFocusHead(1);
    assertEquals(
        "Layer 0, head 1 is not in B's results (1 layers \u00d7 1 heads); choose one both have",
        view.message().orElseThrow());
  }

  @Test
  void theDifferenceExportsWithBothInputsTokens() {
    ShownMatrix difference = view.shownMatrix().orElseThrow();
    assertEquals(List.of("[CLS]", "she / he", "ran"), difference.rowLabels());
    assertEquals("Layer 0, Head 0, self attention: She \u2212 He", difference.title());
    float[] expected =
        AttentionDifference.of(a(), b(), AttentionKind.SELF).values().copyMatrix(0, 0);
    assertArrayEquals(expected, difference.values());
    assertTrue(ViewExporter.toSvg(view).contains("<svg"));
  }

  @Test
  void theSharedSelectionChoosesTheHeadAndTheMeanAveragesAllHeads() {
    selection.setFocusHead(1);
    assertArrayEquals(new float[9], view.shownMatrix().orElseThrow().values(), "head 1 is equal");
    view.setMeanOfHeads(true);
    float[] mean = view.shownMatrix().orElseThrow().values();
    assertEquals(0.5f, mean[4], 1e-6, "she -> she: (1 + 0) / 2 heads");
    assertEquals(-0.5f, mean[3], 1e-6);
    assertTrue(view.shownMatrix().orElseThrow().title().contains("mean of 2 heads"));
  }

  @Test
  void hidingSpecialTokensAppliesToBothInputs() {
    view.getModel().setHideSpecialTokens(true);
    assertEquals(List.of("she / he", "ran"), view.shownMatrix().orElseThrow().rowLabels());
    assertTrue(view.message().isEmpty());
  }

  @Test
  void hoverHighlightsTheSameTokenInEveryPanelAndTooltipsGiveAllThreeNumbers() {
    Rectangle cell = view.cellBounds(Panel.B, 1, 0).orElseThrow();
    MouseEvent move = Mouse.movedTo(view, (int) cell.getCenterX(), (int) cell.getCenterY());
    view.dispatchEvent(move);
    assertEquals(TokenRef.query(1), selection.hoveredToken());
    BufferedImage image = Pixels.paint(view, 1);
    for (Panel panel : Panel.values()) {
      Rectangle label = view.tokenBounds(panel, TokenRef.query(1)).orElseThrow();
      assertAll(
          image,
          label.x + 2,
          label.getCenterY(),
          view.colors().highlightBackground(),
          2,
          panel + " highlights the hovered row's label");
    }
    String tip = view.getToolTipText(move);
    assertTrue(tip.contains("A \u201cshe\u201d \u2192 \u201c[CLS]\u201d: 0.0000"), tip);
    assertTrue(tip.contains("B \u201che\u201d \u2192 \u201c[CLS]\u201d: 1.000"), tip);
    assertTrue(tip.contains("A \u2212 B: -1.000"), tip);
    assertEquals(3, NumberScan.assertAtMostFourSignificantDigits(tip));
  }

  @Test
  void anotherBAgainstTheSameAIsShown() {
    AttentionData a = a();
    view.setPair(a, "She", b(), "He");
    view.setPair(a, "She", a(), "She again");
    assertArrayEquals(new float[9], view.shownMatrix().orElseThrow().values(), "A - A = 0");
    assertEquals("She again", view.labelB());
  }

  @Test
  void theInputsAreTheViewsOwn() {
    assertThrows(
        UnsupportedOperationException.class, () -> view.setModel(new AttentionViewModel()));
    view.clearPair();
    assertTrue(view.message().orElseThrow().startsWith("Nothing to compare"));
  }

  @Test
  void realBertAttentionOfSheAndHe() {
    view.setPair(DoctorNurse.she(), "She", DoctorNurse.he(), "He");
    selection.setLayer(2);
    selection.setFocusHead(8);
    ShownMatrix difference = view.shownMatrix().orElseThrow();
    assertEquals("she / he", difference.rowLabels().get(9));
    assertEquals("nurse", difference.columnLabels().get(5));
    double expected =
        DoctorNurse.she().primary().weight(2, 8, 9, 5)
            - DoctorNurse.he().primary().weight(2, 8, 9, 5);
    assertEquals(expected, difference.value(9, 5), 1e-6);
    assertTrue(expected > 0.4, "in this head 'she' looks at 'nurse' much more than 'he' does");
  }
}
