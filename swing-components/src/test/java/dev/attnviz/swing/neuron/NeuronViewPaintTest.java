package dev.attnviz.swing.neuron;

import static dev.attnviz.swing.testing.Pixels.assertColor;
import static dev.attnviz.swing.testing.Pixels.centre;
import static dev.attnviz.swing.testing.Pixels.countOther;
import static dev.attnviz.swing.testing.Pixels.over;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TextPixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the view paints, checked pixel by pixel at scale 1 and under {@code g.scale(2, 2)}. */
@OnEdt
class NeuronViewPaintTest {

  private ViewColors colors;
  private AttentionSelectionModel selection;

  @BeforeEach
  void lightTheme() {
    Theme.LIGHT.apply();
    colors = ViewColors.fromUIManager();
    selection = new AttentionSelectionModel();
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  private NeuronView view(AttentionData data, int head) {
    selection.setFocusHead(head);
    NeuronView view = new NeuronView(new AttentionViewModel(data), selection);
    Pixels.host(view);
    return view;
  }

  private static NeuronLayout layout(NeuronView view) {
    return view.scene().layout();
  }

  private Color cell(double value) {
    return over(SignedValueColors.color(value, colors.positive(), colors.negative()), bg());
  }

  private Color bg() {
    return colors.background();
  }

  private static BufferedImage paint(NeuronView view, double scale) {
    return Pixels.paintAtPreferredSize(view, scale);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void queryAndKeyCellsShowSignByHueAndMagnitudeByTanhOpacity(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    for (int i = 0; i < 3; i++) {
      for (int d = 0; d < 4; d++) {
        assertColor(
            cell(TestData.QUERIES[i][d]),
            centre(image, layout.cellBounds(Column.QUERY, i, d), scale),
            "q[" + i + "][" + d + "]");
        assertColor(
            cell(TestData.KEYS[i][d]),
            centre(image, layout.cellBounds(Column.KEY, i, d), scale),
            "k[" + i + "][" + d + "]");
      }
    }
    // q[0] = (4, -4, 2, 0): same magnitude, other hue; tanh(1) vs tanh(1/2) opacity; 0 is blank.
    Color plusFour = centre(image, layout.cellBounds(Column.QUERY, 0, 0), scale);
    Color minusFour = centre(image, layout.cellBounds(Column.QUERY, 0, 1), scale);
    Color plusTwo = centre(image, layout.cellBounds(Column.QUERY, 0, 2), scale);
    Color zero = centre(image, layout.cellBounds(Column.QUERY, 0, 3), scale);
    assertColor(blend(colors.positive(), Math.tanh(1)), plusFour, "+4");
    assertColor(blend(colors.negative(), Math.tanh(1)), minusFour, "-4");
    assertColor(blend(colors.positive(), Math.tanh(0.5)), plusTwo, "+2");
    assertColor(bg(), zero, "0");
  }

  /** {@code color} at alpha {@code round(255 · opacity)} over the background: computed here. */
  private Color blend(Color color, double opacity) {
    int alpha = (int) Math.round(255 * opacity);
    return over(new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha), bg());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void withoutSelectionProductsAndScoresAreEmptyAndThePlaceholderShows(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    for (int j = 0; j < 3; j++) {
      assertEquals(0, countOther(image, grow(layout.vectorBounds(Column.PRODUCT, j)), scale, bg()));
      assertEquals(0, countOther(image, grow(layout.scoreBounds(j)), scale, bg()));
    }
    assertTextAt(
        image, scale, NeuronText.placeholder(), layout.statusBounds(), colors.mutedForeground());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void selectedQueryShowsProductsScoresAndSoftmaxWeights(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    selection.setHoveredToken(TokenRef.query(1));
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    float[] q = TestData.QUERIES[1];
    for (int j = 0; j < 3; j++) {
      double dot = 0;
      for (int d = 0; d < 4; d++) {
        double product = (double) q[d] * TestData.KEYS[j][d];
        dot += product;
        assertColor(
            cell(product),
            centre(image, layout.cellBounds(Column.PRODUCT, j, d), scale),
            "q1 x k" + j + " [" + d + "]");
      }
      assertColor(
          cell(dot / Math.sqrt(4)), centre(image, layout.scoreBounds(j), scale), "score " + j);
      Rectangle token = layout.tokenBounds(Column.KEY_TOKENS, j);
      Color tint =
          over(SignedValueColors.withOpacity(colors.headColor(1, 2), TestData.WEIGHTS[1][j]), bg());
      assertColor(tint, Pixels.at(image, token.x + 1, token.y + 1, scale), "softmax " + j);
    }
    // The query row is outlined in the selection colour.
    Rectangle row = layout.vectorBounds(Column.QUERY, 1);
    assertColor(colors.selection(), Pixels.at(image, row.x + 10.5, row.y - 1.5, scale), "outline");
    assertTrue(
        countOther(image, layout.statusBounds(), scale, bg()) > 0,
        "the status line describes the pair");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void connectorOpacityIsTanhOfScaledWeight(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    selection.setLockedToken(TokenRef.query(1));
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    Color head = colors.headColor(1, 2);
    Point from = layout.queryAnchor(1);
    for (int j = 0; j < 3; j++) {
      Point to = layout.keyAnchor(j);
      double slope = (to.y - from.y) / (double) (to.x - from.x);
      double coverage =
          verticalCoverage(image, scale, head, (from.x + to.x) / 2.0, (from.y + to.y) / 2.0, 5);
      // An antialiased line of width w and slope m covers w·sqrt(1+m²) pixels of a column.
      double expected =
          SignedValueColors.connectorOpacity(TestData.WEIGHTS[1][j])
              * 1.5
              * Math.sqrt(1 + slope * slope)
              * scale;
      assertEquals(expected, coverage, 0.12 * scale, "connector to key " + j);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void causalModelsHideProductsAndScoresOfLaterKeys(double scale) {
    NeuronView view = view(TestData.causalThreeTokens(), 1);
    selection.setLockedToken(TokenRef.query(1));
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    for (int j = 0; j < 2; j++) {
      assertTrue(countOther(image, layout.vectorBounds(Column.PRODUCT, j), scale, bg()) > 0);
      assertTrue(countOther(image, layout.scoreBounds(j), scale, bg()) > 0);
    }
    assertEquals(0, countOther(image, layout.vectorBounds(Column.PRODUCT, 2), scale, bg()));
    assertEquals(0, countOther(image, layout.scoreBounds(2), scale, bg()));

    selection.setLockedToken(TokenRef.query(0));
    BufferedImage first = paint(view, scale);
    assertTrue(countOther(first, layout.scoreBounds(0), scale, bg()) > 0);
    for (int j = 1; j < 3; j++) {
      assertEquals(0, countOther(first, grow(layout.vectorBounds(Column.PRODUCT, j)), scale, bg()));
      assertEquals(0, countOther(first, grow(layout.scoreBounds(j)), scale, bg()));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void pairFilterSlicesQueriesByRowSentenceAndKeysByColumnSentence(double scale) {
    AttentionData data = NeuronSliceTest.pairData();
    selection.setFilter(SentenceFilter.A_TO_B);
    NeuronView view = view(data, 1);
    selection.setLockedToken(TokenRef.query(1));
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    var keys = data.primary().keys().orElseThrow();
    var queries = data.primary().queries().orElseThrow();
    for (int column = 0; column < 2; column++) {
      for (int d = 0; d < 4; d++) {
        assertColor(
            cell(keys.get(0, 1, 3 + column, d)),
            centre(image, layout.cellBounds(Column.KEY, column, d), scale),
            "key row " + column + " shows token " + (3 + column));
        assertColor(
            cell((double) queries.get(0, 1, 1, d) * keys.get(0, 1, 3 + column, d)),
            centre(image, layout.cellBounds(Column.PRODUCT, column, d), scale),
            "product with token " + (3 + column));
      }
    }
    // Only sentence A's three tokens have query rows; sentence B's two keys have key rows.
    assertEquals(List.of("[CLS]", "a", "[SEP]"), view.scene().slice().queryLabels());
    assertEquals(0, countOther(image, grow(layout.vectorBounds(Column.KEY, 2)), scale, bg()));
    assertTrue(countOther(image, layout.vectorBounds(Column.QUERY, 2), scale, bg()) > 0);

    selection.setFilter(SentenceFilter.B_TO_A);
    BufferedImage swapped = paint(view, scale);
    for (int d = 0; d < 4; d++) {
      assertColor(
          cell(queries.get(0, 1, 3, d)),
          centre(swapped, layout.cellBounds(Column.QUERY, 0, d), scale),
          "B -> A: first query row is token 3");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 128})
  void largeHeadsDrawEveryDimension(int headSize) {
    for (double scale : new double[] {1, 2}) {
      NeuronView view = view(TestData.uniform(1, 1, 2, headSize), 0);
      selection.setLockedToken(TokenRef.query(0));
      BufferedImage image = paint(view, scale);
      NeuronLayout layout = layout(view);
      assertEquals(NeuronLayout.cellWidth(headSize), layout.cellWidth());
      for (int d = 0; d < headSize; d++) {
        float value = TestData.patternValue(d);
        assertColor(
            cell(value), centre(image, layout.cellBounds(Column.QUERY, 1, d), scale), "q" + d);
        assertColor(
            cell(-value), centre(image, layout.cellBounds(Column.KEY, 1, d), scale), "k" + d);
        assertColor(
            cell(-(double) value * value),
            centre(image, layout.cellBounds(Column.PRODUCT, 1, d), scale),
            "product " + d);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void topDimensionsAreOutlinedInTheProductRowOfThePair(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    view.setTopDimensionCount(2);
    selection.setLockedToken(TokenRef.query(1));
    view.setPairKey(2);
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    // q1 x k2 = (8, 16, 2, -18): the largest magnitudes are dimensions 3 and 1.
    assertEquals(List.of(3, 1), view.contributions().stream().map(c -> c.dimension()).toList());
    for (int d = 0; d < 4; d++) {
      Rectangle product = layout.cellBounds(Column.PRODUCT, 2, d);
      Color above = Pixels.at(image, product.x + product.width / 2.0, product.y - 0.5, scale);
      boolean top = d == 3 || d == 1;
      assertColor(top ? colors.foreground() : colors.selection(), above, "edge above dim " + d);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void lockedTokenIsFramed(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    selection.setHoveredToken(TokenRef.query(2));
    Rectangle token = layout(view).tokenBounds(Column.QUERY_TOKENS, 2);
    BufferedImage hovered = paint(view, scale);
    assertColor(
        colors.highlightBackground(), Pixels.at(hovered, token.x + 1, token.y + 1, scale), "hover");
    assertColor(
        bg(), Pixels.at(hovered, token.x - 1, token.y + 5, scale), "no frame while hovering");
    selection.setLockedToken(TokenRef.query(2));
    BufferedImage locked = paint(view, scale);
    assertColor(colors.selection(), Pixels.at(locked, token.x - 1, token.y + 5, scale), "frame");
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void dataWithoutVectorsSaysWhyAndStillDrawsTheLines(double scale) {
    NeuronView view = view(TestData.threeTokens(false), 1);
    assertEquals(NeuronMode.EXPANDED, view.getMode());
    assertFalse(view.isExpandedAvailable());
    assertEquals(NeuronText.noVectorsInData(), view.statusMessage().orElseThrow());
    BufferedImage image = paint(view, scale);
    NeuronLayout layout = layout(view);
    assertFalse(layout.expanded());
    assertTextAt(
        image, scale, NeuronText.noVectorsInData(), layout.statusBounds(), colors.foreground());
    assertCollapsedLines(image, scale, layout, -1);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void collapsedModeDrawsLinesWithWeightOpacityAndOnlyTheSelectedRow(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    view.setMode(NeuronMode.COLLAPSED);
    assertTrue(view.statusMessage().isEmpty());
    NeuronLayout layout = layout(view);
    assertCollapsedLines(paint(view, scale), scale, layout, -1);
    selection.setHoveredToken(TokenRef.query(1));
    assertCollapsedLines(paint(view, scale), scale, layout, 1);
  }

  /** Checks the line of every pair, or of row {@code onlyRow}'s pairs and no other line. */
  private void assertCollapsedLines(
      BufferedImage image, double scale, NeuronLayout layout, int onlyRow) {
    Color head = colors.headColor(1, 2);
    for (int i = 0; i < 3; i++) {
      Point from = layout.queryAnchor(i);
      for (int j = 0; j < 3; j++) {
        Point to = layout.keyAnchor(j);
        // A quarter of the way along, where no other line of this row comes close.
        double x = from.x + (to.x - from.x) * 0.25;
        double y = from.y + (to.y - from.y) * 0.25;
        double slope = (to.y - from.y) / (double) (to.x - from.x);
        boolean shown = onlyRow < 0 || onlyRow == i;
        double expected =
            shown ? TestData.WEIGHTS[i][j] * 2 * Math.sqrt(1 + slope * slope) * scale : 0;
        if (onlyRow >= 0 || (i == 1 && j == 1)) {
          // With every line drawn, lines cross; the flat middle one is checked alone.
          assertEquals(
              expected,
              verticalCoverage(image, scale, head, x, y, 2.5),
              0.15 * scale,
              "line " + i + " -> " + j);
        }
      }
    }
  }

  /**
   * How much of {@code color} the column of device pixels at user-space {@code x} holds within
   * {@code reach} of {@code y}: the sum over the pixels of the fraction of the way from the
   * background to the colour, measured on the channel where they differ most.
   */
  private double verticalCoverage(
      BufferedImage image, double scale, Color color, double x, double y, double reach) {
    Color b = bg();
    int channel = strongestChannel(color, b);
    int target = channel(color, channel);
    int base = channel(b, channel);
    int px = (int) Math.floor(x * scale);
    double sum = 0;
    for (int py = (int) ((y - reach) * scale); py <= (int) ((y + reach) * scale); py++) {
      sum += (channel(new Color(image.getRGB(px, py)), channel) - base) / (double) (target - base);
    }
    return sum;
  }

  private static int strongestChannel(Color a, Color b) {
    int best = 0;
    for (int c = 1; c < 3; c++) {
      if (Math.abs(channel(a, c) - channel(b, c)) > Math.abs(channel(a, best) - channel(b, best))) {
        best = c;
      }
    }
    return best;
  }

  private static int channel(Color color, int channel) {
    return switch (channel) {
      case 0 -> color.getRed();
      case 1 -> color.getGreen();
      default -> color.getBlue();
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void aBrokenSceneDrawsAnErrorInsteadOfThrowing(double scale) {
    NeuronView view = view(TestData.threeTokens(true), 1);
    NeuronScene good = view.scene();
    // A selected row that the slice does not have: painting its connectors runs off the arrays.
    view.setScene(
        new NeuronScene(good.slice(), good.layout(), colors, null, 7, -1, true, -1, List.of()));
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    // Nothing else in the view is reddish on a white background: the text is in the error colour.
    int reddish = 0;
    for (int y = 0; y < (int) (30 * scale); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        reddish += c.getRed() - c.getGreen() > 40 ? 1 : 0;
      }
    }
    assertTrue(reddish > 20 * scale, "error text in the negative colour: " + reddish);
    // Nothing of the broken picture is left: below the error line all is background.
    Rectangle below = new Rectangle(0, 40, good.layout().size().width, 40);
    assertEquals(0, countOther(image, below, scale, bg()));
  }

  /** Asserts that {@code box} holds exactly {@code text}, in full. */
  private void assertTextAt(
      BufferedImage image, double scale, String text, Rectangle box, Color color) {
    TextPixels.assertLabel(image, scale, colors.text(), text, box, false, 0, color, bg());
  }

  /** {@code box} with the one-pixel frame around it. */
  private static Rectangle grow(Rectangle box) {
    Rectangle grown = new Rectangle(box);
    grown.grow(1, 1);
    return grown;
  }
}
