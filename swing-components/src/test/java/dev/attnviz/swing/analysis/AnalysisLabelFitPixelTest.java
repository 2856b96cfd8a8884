package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.DisplayMode;
import dev.attnviz.swing.analysis.ComparisonView.Panel;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import dev.attnviz.swing.testing.TextPixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Font;
import java.awt.image.BufferedImage;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysis views measure and draw with the views' one text policy: every label their layouts
 * made room for is drawn in full, whatever the font and the scale (1, a 150% screen, an export at
 * 2). Real BERT tokens of the pair "the rabbit quickly hopped" / "the turtle slowly crawled".
 */
@OnEdt
class AnalysisLabelFitPixelTest {

  private static AttentionData pair;

  @BeforeAll
  static void loadPair() {
    pair = TestData.bertPair();
  }

  @BeforeEach
  void lightTheme() {
    Theme.LIGHT.apply();
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void statisticsHeatmapDrawsEveryLayerIndex(Font font, double scale) {
    UIManager.put("AttentionView.font", font);
    HeadStatisticsHeatmap view =
        new HeadStatisticsHeatmap(new AttentionViewModel(pair), new AttentionSelectionModel());
    Pixels.host(view);
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    ModelGridLayout grid = view.gridLayout();
    int[] layers = grid.layers();
    for (int r = 0; r < layers.length; r++) {
      TextPixels.assertViewLabel(
          image,
          scale,
          view.colors(),
          Integer.toString(layers[r]),
          grid.layerIndexBox(r),
          true,
          view.colors().mutedForeground());
    }
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void rolloutDrawsEveryTokenInFullAsLinesAndAsAMatrix(Font font, double scale) {
    UIManager.put("AttentionView.font", font);
    RolloutView view = new RolloutView(new AttentionViewModel(pair), new AttentionSelectionModel());
    Pixels.host(view);
    view.setDisplayMode(DisplayMode.LINES);
    BufferedImage lines = Pixels.paintAtPreferredSize(view, scale);
    ShownAttention shown = view.shownRollout();
    for (int p = 0; p < shown.rowCount(); p++) {
      for (TokenRef token :
          new TokenRef[] {TokenRef.query(shown.queryIndex(p)), TokenRef.key(shown.keyIndex(p))}) {
        TextPixels.assertViewLabel(
            lines,
            scale,
            view.colors(),
            token.isQuery() ? shown.rowLabel(p) : shown.columnLabel(p),
            view.tokenBounds(token).orElseThrow(),
            token.isQuery(),
            view.colors().foreground());
      }
    }
    view.setDisplayMode(DisplayMode.HEATMAP);
    BufferedImage matrix = Pixels.paintAtPreferredSize(view, scale);
    for (int p = 0; p < shown.rowCount(); p++) {
      TextPixels.assertViewLabel(
          matrix,
          scale,
          view.colors(),
          shown.rowLabel(p),
          view.tokenBounds(TokenRef.query(shown.queryIndex(p))).orElseThrow(),
          true,
          view.colors().foreground());
    }
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void comparisonDrawsEveryQueryTokenOfEachHeatmapInFull(Font font, double scale) {
    UIManager.put("AttentionView.font", font);
    ComparisonView view = new ComparisonView();
    view.setPair(DoctorNurse.she(), "She", DoctorNurse.he(), "He");
    Pixels.host(view);
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    for (Panel panel : Panel.values()) {
      ShownAttention shown = view.shownIn(panel).orElseThrow();
      for (int p = 0; p < shown.rowCount(); p++) {
        TextPixels.assertViewLabel(
            image,
            scale,
            view.colors(),
            shown.rowLabel(p),
            view.tokenBounds(panel, TokenRef.query(shown.queryIndex(p))).orElseThrow(),
            true,
            view.colors().foreground());
      }
    }
  }
}
