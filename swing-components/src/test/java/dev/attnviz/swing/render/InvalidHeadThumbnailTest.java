package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A head of a large dump whose weights turn out invalid when its thumbnail is first drawn is
 * crossed out, not drawn, and its tooltip says why; the other heads draw as usual.
 */
class InvalidHeadThumbnailTest {

  private static ShownAttention shownWithNaNInHead1() {
    Tensor4D.Builder weights = Tensor4D.builder(1, 2, 4, 4);
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < 4; i++) {
        weights.setRow(0, h, i, new float[] {0.7f, 0.1f, 0.1f, 0.1f}, 0);
      }
    }
    weights.set(0, 1, 2, 3, Float.NaN);
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(List.of("[CLS]", "a", "b", "[SEP]")))
            .setWeights(weights.build())
            .deferValueChecks()
            .build();
    AttentionData data =
        AttentionData.builder()
            .setModel(new ModelInfo("dump", "numpy", false))
            .addAttention(attention)
            .build();
    return ShownAttention.of(new AttentionViewModel(data), new AttentionSelectionModel())
        .orElseThrow();
  }

  private static int invalidPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        count += new Color(image.getRGB(x, y)).equals(ThumbnailPainter.INVALID) ? 1 : 0;
      }
    }
    return count;
  }

  @ParameterizedTest
  @EnumSource(ThumbnailPainter.Style.class)
  void theBadHeadIsCrossedOutAndTheGoodOneDrawn(ThumbnailPainter.Style style) {
    ShownAttention shown = shownWithNaNInHead1();
    ThumbnailPainter painter = new ThumbnailPainter(Color.WHITE, 0.5f / 255f);

    BufferedImage good = painter.render(shown, 0, 0, Color.BLUE, style, 60, 60, 1.0);
    BufferedImage bad = painter.render(shown, 0, 1, Color.BLUE, style, 60, 60, 1.0);

    assertEquals(0, invalidPixels(good));
    assertTrue(invalidPixels(bad) > 60, "a cross over the bad head");
    assertEquals(Color.WHITE.getRGB(), bad.getRGB(2, 30), "nothing of the weights is drawn");
    assertNotEquals(Color.WHITE.getRGB(), good.getRGB(30, 8), "the good head is drawn");
    String tooltip =
        AttentionTooltips.thumbnail(0, 1, false, shown.attention().problem(0, 1).orElseThrow());
    assertTrue(
        tooltip.contains("Not drawn: self attention: weight at [layer 0][head 1][2][3] is NaN"),
        tooltip);
  }
}
