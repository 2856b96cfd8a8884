package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.core.testing.OracleFixture;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ShownAttention on real BERT attention, heatmap downsampling, tooltip text. */
class RenderHelpersTest {

  @Test
  void shownAttentionSlicesARealSentencePairAndAveragesHeads() {
    OracleFixture golden =
        OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "rabbit-turtle-pair");
    AttentionData data = TestData.fromFixture(golden);
    AttentionViewModel model = new AttentionViewModel(data);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.setFilter(SentenceFilter.B_TO_A);
    ShownAttention shown = ShownAttention.of(model, selection).orElseThrow();
    int b = golden.sentenceBStart();
    int n = golden.tokens().size();
    assertEquals(n - b, shown.rowCount());
    assertEquals(b, shown.columnCount());
    assertEquals(golden.tokens().get(b), shown.rowLabel(0));
    assertEquals(-1, shown.rowOf(0), "sentence A rows hidden");

    BitSet heads = new BitSet();
    heads.set(2);
    heads.set(7);
    float[] mean = shown.meanMatrix(5, heads);
    for (int r = 0; r < shown.rowCount(); r++) {
      for (int c = 0; c < shown.columnCount(); c++) {
        double expected =
            (golden.attention()[5][2][b + r][c] + golden.attention()[5][7][b + r][c]) / 2;
        assertEquals(expected, mean[r * shown.columnCount() + c], 1e-6);
      }
    }
    assertEquals("Layer 5, mean of heads 2, 7", shown.shownMatrix(5, heads).title());
    assertThrows(IllegalArgumentException.class, () -> shown.meanMatrix(0, new BitSet()));
  }

  @Test
  void prettifyingIsADisplayOption() {
    float[][] m = TestData.diagonal(2, 1f);
    AttentionViewModel model =
        new AttentionViewModel(
            TestData.self(List.of("\u0120the", "cat</w>"), new float[][][][] {{m}}));
    AttentionSelectionModel selection = new AttentionSelectionModel();
    assertEquals(
        List.of(" the", "cat"), ShownAttention.of(model, selection).orElseThrow().rowLabels());
    model.setPrettifyTokens(false);
    assertEquals(
        List.of("\u0120the", "cat</w>"),
        ShownAttention.of(model, selection).orElseThrow().columnLabels());
  }

  @Test
  void heatmapDownsamplingKeepsTheStrongestWeightOfEachBlock() {
    // 4 x 4 matrix into 2 x 2 pixels: one strong weight per block must survive.
    float[] values = new float[16];
    values[0 * 4 + 1] = 1f;
    values[3 * 4 + 2] = 0.5f;
    HeatColorScale scale = new HeatColorScale(Color.WHITE, Color.BLACK);
    BufferedImage image =
        HeatmapImages.render(FloatBuffer.wrap(values), 4, 0, 0, 4, 4, 2, 2, scale);
    assertEquals(scale.rgb(1f), image.getRGB(0, 0));
    assertEquals(scale.rgb(0f), image.getRGB(1, 0));
    assertEquals(scale.rgb(0f), image.getRGB(0, 1));
    assertEquals(scale.rgb(0.5f), image.getRGB(1, 1));
    // Upsampling: 2 x 2 cells into 4 x 4 pixels repeats each cell.
    BufferedImage big =
        HeatmapImages.render(
            FloatBuffer.wrap(new float[] {1, 0, 0, 1}), 2, 0, 0, 2, 2, 4, 4, scale);
    assertEquals(scale.rgb(1f), big.getRGB(1, 1));
    assertEquals(scale.rgb(0f), big.getRGB(2, 1));
    assertEquals(new Color(127, 127, 127).getRGB(), scale.rgb(0.5f), "255 - round(0.5 * 255)");
  }

  @Test
  void lineBudgetsKeepTheStrongestLines() {
    // Four horizontal lines of weights 1, 0.8, 0.3, 0.2: a budget of two keeps 1 and 0.8.
    float[][] m = new float[4][4];
    float[] weights = {1f, 0.8f, 0.3f, 0.2f};
    for (int i = 0; i < 4; i++) {
      m[i][i] = weights[i];
    }
    AttentionViewModel model =
        new AttentionViewModel(TestData.self(List.of("a", "b", "c", "d"), new float[][][][] {{m}}));
    ShownAttention shown = ShownAttention.of(model, new AttentionSelectionModel()).orElseThrow();
    ViewColors colors = ViewColors.fromUIManager();
    TokenColumnsLayout layout = new TokenColumnsLayout(0, 0, 4, 4, 20, 20, 20, 100);
    TokenColumnsPainter.Scene scene =
        new TokenColumnsPainter.Scene(
            shown, 0, new int[] {0}, new Color[] {Color.BLACK}, 1f, null, null);
    // Each horizontal line is 96 pixels long: 200 pixels also keep two lines.
    for (TokenColumnsPainter painter :
        List.of(
            new TokenColumnsPainter(colors).maxLines(2),
            new TokenColumnsPainter(colors).maxLinePixels(200))) {
      BufferedImage image = new BufferedImage(140, 80, BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = image.createGraphics();
      try {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 140, 80);
        painter.paint(g, layout, scene, null);
      } finally {
        g.dispose();
      }
      assertEquals(0x000000, image.getRGB(70, 10) & 0xffffff, "weight 1 drawn");
      assertTrue((image.getRGB(70, 30) & 0xff) < 0x40, "weight 0.8 drawn");
      assertEquals(0xffffff, image.getRGB(70, 50) & 0xffffff, "weight 0.3 over budget");
      assertEquals(0xffffff, image.getRGB(70, 70) & 0xffffff, "weight 0.2 over budget");
    }
    assertThrows(IllegalArgumentException.class, () -> new TokenColumnsPainter(colors).maxLines(0));
    assertThrows(
        IllegalArgumentException.class, () -> new TokenColumnsPainter(colors).maxLinePixels(0));
  }

  @Test
  void tooltipTextEscapesTokensAndFormatsWeightsExactly() {
    float[][] m = {{0.123456f, 0.876544f}, {0f, 1f}};
    AttentionViewModel model =
        new AttentionViewModel(TestData.self(List.of("<s>", "a&b"), new float[][][][] {{m}}));
    ShownAttention shown = ShownAttention.of(model, new AttentionSelectionModel()).orElseThrow();
    String pair =
        AttentionTooltips.token(shown, 0, new int[] {0}, TokenRef.key(1), TokenRef.query(0));
    assertTrue(pair.contains("&lt;s&gt; \u2192 a&amp;b"), pair);
    assertTrue(pair.contains("Head 0: 0.8765"), pair);
    String alone = AttentionTooltips.token(shown, 0, new int[] {0}, TokenRef.query(0), null);
    assertTrue(alone.contains("most to \u201ca&amp;b\u201d 0.8765"), alone);
    assertEquals("0.1235", AttentionTooltips.format(0.123456f));
  }
}
