package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TextPixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The neuron view draws every label it made room for in full, and its messages unclipped, whatever
 * the font ({@code AttentionView.font}) and the scale, on screen and in exports. Real BERT tokens
 * of "the rabbit quickly hopped" / "the turtle slowly crawled".
 */
@OnEdt
class NeuronTextFitTest {

  private static AttentionData pair;

  @BeforeEach
  void lightTheme() {
    Theme.LIGHT.apply();
    if (pair == null) {
      pair = BertFixture.load("rabbit-turtle-pair");
    }
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  private static NeuronView view(AttentionData data, Font font) {
    UIManager.put("AttentionView.font", font);
    AttentionViewModel model = new AttentionViewModel(data);
    model.setIncludeLayers(0, 11);
    NeuronView view = new NeuronView(model, new AttentionSelectionModel());
    Pixels.host(view);
    assertEquals(font, view.colors().font());
    return view;
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void expandedModeDrawsTokensTitlesAndPlaceholderInFull(Font font, double scale) {
    NeuronView view = view(pair, font);
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    NeuronLayout layout = view.scene().layout();
    NeuronSlice slice = view.scene().slice();
    Label label = new Label(image, scale, view.colors());
    for (int r = 0; r < slice.rowCount(); r++) {
      label.assertToken(
          slice.queryLabels().get(r), layout.tokenBounds(Column.QUERY_TOKENS, r), true);
    }
    for (int c = 0; c < slice.columnCount(); c++) {
      label.assertToken(slice.keyLabels().get(c), layout.tokenBounds(Column.KEY_TOKENS, c), false);
    }
    label.assertLine(NeuronText.queryTitle(), layout.titleBounds(Column.QUERY));
    label.assertLine(NeuronText.productTitle(), layout.titleBounds(Column.PRODUCT));
    label.assertLine(NeuronText.softmaxTitle(), layout.titleBounds(Column.KEY_TOKENS));
    label.assertLine(NeuronText.contributionsTitle(), layout.titleBounds(Column.CONTRIBUTIONS));
    label.assertLine(NeuronText.placeholder(), layout.statusBounds());
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void collapsedModeDrawsTokensInFullAsTheHeadViewDoes(Font font, double scale) {
    NeuronView view = view(pair, font);
    view.setMode(NeuronMode.COLLAPSED);
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    TokenColumnsLayout columns = view.scene().layout().tokenColumns();
    NeuronSlice slice = view.scene().slice();
    Label label = new Label(image, scale, view.colors());
    for (int r = 0; r < slice.rowCount(); r++) {
      label.assertToken(slice.queryLabels().get(r), columns.box(TokenRef.Side.QUERY, r), true);
      label.assertToken(slice.keyLabels().get(r), columns.box(TokenRef.Side.KEY, r), false);
    }
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void theNoVectorsMessageIsWholeInTheExport(Font font, double scale) {
    NeuronView view = view(TestData.threeTokens(false), font);
    BufferedImage image = ViewExporter.toImage(view, scale);
    Rectangle status = view.scene().layout().statusBounds();
    new Label(image, scale, view.colors())
        .assertLine(NeuronText.noVectorsInData(), status, view.colors().foreground());
  }

  /** Checks the labels of one picture. */
  private record Label(BufferedImage image, double scale, ViewColors colors) {

    void assertToken(String label, Rectangle box, boolean alignRight) {
      TextPixels.assertLabel(
          image,
          scale,
          text(),
          label,
          box,
          alignRight,
          NeuronLayout.TEXT_PAD,
          colors.foreground(),
          colors.background());
    }

    void assertLine(String label, Rectangle box) {
      assertLine(label, box, colors.mutedForeground());
    }

    void assertLine(String label, Rectangle box, Color color) {
      TextPixels.assertLabel(
          image, scale, text(), label, box, false, 0, color, colors.background());
    }

    private ViewText text() {
      return colors.text();
    }
  }
}
