package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.ViewText;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import dev.attnviz.swing.testing.TextPixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.UIManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Labels that the layout made room for are drawn in full, whatever the font (set through {@code
 * AttentionView.font}, as a look and feel does) and the scale (1, a 150% screen, an export at 2):
 * no "hopp…" for "hopped", no missing layer index "10". Real BERT tokens of the pair "the rabbit
 * quickly hopped" / "the turtle slowly crawled".
 */
@OnEdt
class LabelFitPixelTest {

  private static AttentionData pair;

  @BeforeEach
  void lightTheme() {
    Theme.LIGHT.apply();
    if (pair == null) {
      pair = TestData.bertPair();
    }
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  private static ShownAttention shown(AttentionView view) {
    return ShownAttention.of(view.getModel(), view.getSelectionModel()).orElseThrow();
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void headViewDrawsEveryTokenInFull(Font font, double scale) {
    UIManager.put("AttentionView.font", font);
    HeadView view = new HeadView(new AttentionViewModel(pair), new AttentionSelectionModel());
    Pixels.host(view);
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    ViewText text = view.colors().text();
    assertEquals(font, text.font());
    ShownAttention shown = shown(view);
    for (int p = 0; p < shown.rowCount(); p++) {
      assertToken(view, image, scale, shown.rowLabel(p), TokenRef.query(p), true);
      assertToken(view, image, scale, shown.columnLabel(p), TokenRef.key(p), false);
    }
  }

  private static void assertToken(
      HeadView view,
      BufferedImage image,
      double scale,
      String label,
      TokenRef token,
      boolean alignRight) {
    TextPixels.assertViewLabel(
        image,
        scale,
        view.colors(),
        label,
        view.tokenBounds(token).orElseThrow(),
        alignRight,
        view.colors().foreground());
  }

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void modelViewDrawsEveryLayerIndexAndEveryDetailToken(Font font, double scale) {
    UIManager.put("AttentionView.font", font);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    ModelView view = new ModelView(new AttentionViewModel(pair), selection);
    Pixels.host(view);
    selection.toggleCell(new LayerHead(5, 3));
    BufferedImage image = Pixels.paintAtPreferredSize(view, scale);
    ViewText text = view.colors().text();
    ModelGridLayout grid = view.gridLayout();
    int[] layers = grid.layers();
    assertEquals(12, layers.length);
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
    ShownAttention shown = shown(view);
    for (int p = 0; p < shown.rowCount(); p++) {
      for (TokenRef token : List.of(TokenRef.query(p), TokenRef.key(p))) {
        TextPixels.assertViewLabel(
            image,
            scale,
            view.colors(),
            token.isQuery() ? shown.rowLabel(p) : shown.columnLabel(p),
            view.detailTokenBounds(token).orElseThrow(),
            token.isQuery(),
            view.colors().foreground());
      }
    }
  }
}
