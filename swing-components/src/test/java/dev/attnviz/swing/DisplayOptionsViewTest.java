package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertAll;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.testing.Named;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The "hide special tokens" and "word level" toggles, from the check boxes to the pixels. */
@OnEdt
class DisplayOptionsViewTest {

  private static final List<String> PIECES = List.of("[CLS]", "play", "##ing", "ball", "[SEP]");

  /**
   * {@code [CLS] a b}, one layer, one head: [CLS] attends to itself; "a" gives 0.5 to [CLS] and
   * 0.25 to each of "a" and "b"; "b" gives 0.6 to [CLS], 0.1 to "a" and 0.3 to itself. Hiding [CLS]
   * re-normalizes the rows of "a" to (0.5, 0.5) and of "b" to (0.25, 0.75).
   */
  private static AttentionData sink() {
    float[][] m = {{1f, 0f, 0f}, {0.5f, 0.25f, 0.25f}, {0.6f, 0.1f, 0.3f}};
    return TestData.self(List.of("[CLS]", "a", "b"), new float[][][][] {{m}});
  }

  /** {@link #PIECES} with query and key vectors, so that the neuron view can expand. */
  private static AttentionData piecesWithVectors() {
    int n = PIECES.size();
    Tensor4D.Builder weights = Tensor4D.builder(1, 1, n, n);
    Tensor4D.Builder vectors = Tensor4D.builder(1, 1, n, 2);
    for (int i = 0; i < n; i++) {
      float[] row = new float[n];
      java.util.Arrays.fill(row, 1f / n);
      weights.setRow(0, 0, i, row, 0);
      vectors.setRow(0, 0, i, new float[] {i, 1}, 0);
    }
    Tensor4D v = vectors.build();
    return AttentionData.builder()
        .setModel(new ModelInfo("test-model", "synthetic", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(PIECES))
                .setWeights(weights.build())
                .optVectors(v, v)
                .build())
        .build();
  }

  @Test
  void headAndModelViewsOfferBothTogglesWhileTheOlderControlsDoNot() {
    AttentionViewModel model = new AttentionViewModel(sink());
    HeadView head = new HeadView(model, new AttentionSelectionModel());
    ModelView grid = new ModelView(model, new AttentionSelectionModel());
    for (SelectionControls controls : List.of(head.selectors(), grid.selectors())) {
      assertTrue(controls.hideSpecialTokensToggle().isVisible());
      assertTrue(controls.wordLevelToggle().isVisible());
      assertTrue(controls.hideSpecialTokensToggle().isEnabled(), "the input has [CLS]");
    }
    SelectionControls older = new SelectionControls(true, false);
    older.bind(model, new AttentionSelectionModel());
    assertFalse(older.hideSpecialTokensToggle().isVisible());
    assertFalse(older.wordLevelToggle().isVisible());
  }

  @Test
  void eachViewsOwnChoicesShareTheSelectorRowAboveTheDisplayOptions() {
    AttentionViewModel model = new AttentionViewModel(sink());
    HeadView head = new HeadView(model, new AttentionSelectionModel());
    RolloutView rollout = new RolloutView(model, new AttentionSelectionModel());
    ComparisonView comparison = new ComparisonView(new AttentionSelectionModel());
    List<JComponent> choices =
        List.of(
            Named.in(head, "displayMode"),
            Named.in(rollout, "depth"),
            Named.in(comparison, "meanOfHeads"));
    List<SelectionControls> selectors =
        List.of(head.selectors(), rollout.selectors(), comparison.selectors());
    for (int i = 0; i < choices.size(); i++) {
      Container row = selectors.get(i).layerSelector().getParent();
      assertSame(row, choices.get(i).getParent(), "one row of choices, not a block beside them");
      assertNotSame(row, selectors.get(i).hideSpecialTokensToggle().getParent());
    }
  }

  @Test
  void aTickWritesTheModelAndEveryViewOfTheModelFollows() {
    AttentionViewModel model = new AttentionViewModel(sink());
    HeadView first = new HeadView(model, new AttentionSelectionModel());
    HeadView second = new HeadView(model, new AttentionSelectionModel());
    int firstRow = second.tokenBounds(TokenRef.query(0)).orElseThrow().y;
    first.selectors().hideSpecialTokensToggle().doClick();
    assertTrue(model.isHideSpecialTokens());
    assertTrue(second.selectors().hideSpecialTokensToggle().isSelected(), "the other box follows");
    assertFalse(second.tokenBounds(TokenRef.query(0)).isPresent(), "[CLS] gone");
    assertTrue(second.tokenBounds(TokenRef.query(2)).isPresent(), "'b' keeps its data index 2");
    assertEquals(
        firstRow, second.tokenBounds(TokenRef.query(1)).orElseThrow().y, "'a' is the first row");
    model.setWordLevel(true);
    assertTrue(first.selectors().wordLevelToggle().isSelected());
  }

  @Test
  void whileAnOptionIsComputedInTheBackgroundTheControlsSaySo() {
    AttentionViewModel model = new AttentionViewModel(sink());
    List<Runnable> jobs = new java.util.ArrayList<>();
    model.setDisplayExecutor(jobs::add);
    HeadView view = new HeadView(model, new AttentionSelectionModel());
    JComponent pending = Named.in(view, "displayPending");
    assertFalse(pending.isVisible());
    view.selectors().hideSpecialTokensToggle().doClick();
    assertTrue(view.selectors().hideSpecialTokensToggle().isSelected());
    assertTrue(pending.isVisible(), "the picture still shows [CLS]: the row says so");
    assertTrue(view.tokenBounds(TokenRef.query(0)).isPresent(), "[CLS] still drawn");
    assertEquals(1, jobs.size());
  }

  @Test
  void noSpecialTokensLeavesNothingToHide() {
    float[][] m = {{0.5f, 0.5f}, {0.5f, 0.5f}};
    AttentionViewModel model =
        new AttentionViewModel(TestData.self(List.of("a", "b"), new float[][][][] {{m}}));
    HeadView head = new HeadView(model, new AttentionSelectionModel());
    assertFalse(head.selectors().hideSpecialTokensToggle().isEnabled());
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void headViewHeatmapShowsTheRenormalizedWeights(double scale) {
    AttentionViewModel model = new AttentionViewModel(sink());
    HeadView view = new HeadView(model, new AttentionSelectionModel());
    view.setControlsVisible(false);
    view.setDisplayMode(DisplayMode.HEATMAP);
    model.setHideSpecialTokens(true);
    BufferedImage image = Pixels.paint(view, scale);
    Color background = view.colors().background();
    Color heat = view.colors().heat();
    assertCell(image, view, 0, 0, scale, blend(background, heat, 0.5), "a -> a: 0.25 / 0.5");
    assertCell(image, view, 1, 0, scale, blend(background, heat, 0.25), "b -> a: 0.1 / 0.4");
    assertCell(image, view, 1, 1, scale, blend(background, heat, 0.75), "b -> b: 0.3 / 0.4");
  }

  private static void assertCell(
      BufferedImage image,
      HeadView view,
      int row,
      int column,
      double scale,
      Color color,
      String w) {
    // Rows and columns shown; the data indexes skip the hidden [CLS].
    Rectangle rowLabel = view.tokenBounds(TokenRef.query(row + 1)).orElseThrow();
    Rectangle columnLabel = view.tokenBounds(TokenRef.key(column + 1)).orElseThrow();
    assertAll(image, columnLabel.getCenterX() * scale, rowLabel.getCenterY() * scale, color, 2, w);
  }

  @Test
  void modelViewDetailShowsWords() {
    AttentionViewModel model = new AttentionViewModel(TestData.self(PIECES, uniform(5)));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    ModelView grid = new ModelView(model, selection);
    selection.toggleCell(new LayerHead(0, 0));
    assertEquals(5, grid.detailLayout().leftCount());
    model.setWordLevel(true);
    assertEquals(4, grid.detailLayout().leftCount(), "[CLS] playing ball [SEP]");
    model.setHideSpecialTokens(true);
    assertEquals(2, grid.detailLayout().leftCount(), "playing ball");
  }

  private static float[][][][] uniform(int n) {
    float[][] m = new float[n][n];
    for (float[] row : m) {
      java.util.Arrays.fill(row, 1f / n);
    }
    return new float[][][][] {{m}};
  }

  @Test
  void neuronViewKeepsVectorsWithoutSpecialTokensAndExplainsWordLevel() {
    AttentionViewModel model = new AttentionViewModel(piecesWithVectors());
    NeuronView view = new NeuronView(model, new AttentionSelectionModel());
    assertTrue(view.isExpandedAvailable());
    model.setHideSpecialTokens(true);
    assertTrue(view.isExpandedAvailable(), "hiding special tokens keeps the vectors");
    assertTrue(view.statusMessage().isEmpty());
    model.setWordLevel(true);
    assertFalse(view.isExpandedAvailable());
    assertEquals(Messages.text("neuron.wordLevelNoVectors"), view.statusMessage().orElseThrow());
    model.setWordLevel(false);
    assertTrue(view.isExpandedAvailable());

    model.setData(TestData.self(PIECES, uniform(5)));
    model.setWordLevel(true);
    assertEquals(
        Messages.text("neuron.noVectors"),
        view.statusMessage().orElseThrow(),
        "data without vectors: word level is not the reason");
  }
}
