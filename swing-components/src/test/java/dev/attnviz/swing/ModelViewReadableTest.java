package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.render.Oklch;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The model view stays readable at every length and in both themes: BERT's most common pattern
 * (every token to [CLS]) shows inside the thumbnail's frame at 100 tokens, Auto says when it picks
 * heatmaps and a legend comes with them, layers keep their colours across themes, and lines stand
 * out as much on dark as on light.
 */
@OnEdt
class ModelViewReadableTest {

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  /** {@code tokens} tokens, 2 layers × 2 heads; every token gives {@code toFirst} to token 0. */
  static AttentionData toFirstToken(int tokens, float toFirst) {
    float[][][][] w = new float[2][2][tokens][tokens];
    for (float[][][] layer : w) {
      for (float[][] head : layer) {
        for (float[] row : head) {
          java.util.Arrays.fill(row, (1 - toFirst) / (tokens - 1));
          row[0] = toFirst;
        }
      }
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < tokens; i++) {
      labels.add(i == 0 ? "[CLS]" : "t" + i);
    }
    return TestData.self(labels, w);
  }

  private static ModelView view(AttentionData data) {
    ModelView view = new ModelView(new AttentionViewModel(data), new AttentionSelectionModel());
    view.setControlsVisible(false);
    return view;
  }

  @ParameterizedTest
  @EnumSource(Theme.class)
  void theClsColumnShowsInsideTheFrameAt100Tokens(Theme theme) {
    theme.apply();
    ModelView view = view(toFirstToken(100, 0.3f));
    assertEquals(ThumbnailPainter.Style.HEATMAP, view.thumbnailStyle());
    for (double scale : new double[] {1, 2}) {
      BufferedImage image = Pixels.paint(view, scale);
      Rectangle box = view.thumbnailBounds(new LayerHead(1, 1)).orElseThrow();
      Color layer = view.colors().headColor(1, 2);
      int y = (int) (box.getCenterY() * scale);
      // The first column drawn inside the frame, not under it.
      Color cls = Pixels.at(image, (int) ((box.x + ThumbnailPainter.INSET) * scale), y);
      Color rest = Pixels.at(image, (int) (box.getCenterX() * scale), y);
      Color background = view.colors().background();
      assertTrue(
          Oklch.distance(cls, background) > 0.4 * Oklch.distance(layer, background),
          "[CLS] column " + Pixels.hex(cls) + " stands out at scale " + scale);
      assertTrue(
          Oklch.distance(cls, background) > 2 * Oklch.distance(rest, background),
          "and more than the rest " + Pixels.hex(rest));
      assertEquals(
          view.colors().grid(),
          Pixels.at(image, (int) ((box.x - 1) * scale), y),
          "the frame stays the frame");
    }
  }

  @Test
  void autoSaysWhichStyleItPickedAndHeatmapsComeWithALegend() {
    ModelView view = view(toFirstToken(100, 0.3f));
    ThumbnailControls controls = view.thumbnailControls();
    assertEquals("Auto (heatmap)", controls.label(ThumbnailMode.AUTO));
    assertTrue(controls.legendShown());
    view.getModel().setData(toFirstToken(20, 0.3f));
    assertEquals("Auto (lines)", controls.label(ThumbnailMode.AUTO));
    assertFalse(controls.legendShown());
    controls.modeBox().setSelectedItem(ThumbnailMode.HEATMAP);
    assertEquals(ThumbnailMode.HEATMAP, view.getThumbnailMode(), "the control sets the mode");
    assertEquals(ThumbnailPainter.Style.HEATMAP, view.thumbnailStyle());
    assertTrue(controls.legendShown());
    view.setThumbnailMode(ThumbnailMode.LINES);
    assertEquals(ThumbnailMode.LINES, controls.modeBox().getSelectedItem(), "and follows it");
    assertEquals("Heatmap", controls.label(ThumbnailMode.HEATMAP));
  }

  @Test
  void theChoiceWidensWhenAutoNamesALongerStyle() {
    ModelView view = view(toFirstToken(20, 0.3f));
    int measuredWithLines = view.thumbnailControls().modeBox().getPreferredSize().width;
    view.getModel().setData(toFirstToken(100, 0.3f));
    int fresh =
        view(toFirstToken(100, 0.3f)).thumbnailControls().modeBox().getPreferredSize().width;
    assertTrue(fresh > measuredWithLines, "'Auto (heatmap)' is wider than 'Auto (lines)'");
    assertEquals(
        fresh,
        view.thumbnailControls().modeBox().getPreferredSize().width,
        "measured again, so 'Auto (heatmap)' is not cut short");
  }

  /** Centre of the horizontal line of token 0 in a thumbnail of the 4-token diagonal data. */
  private static Color lineColour(Theme theme, LayerHead cell) {
    theme.apply();
    ModelView view = view(ModelViewPixelTest.threeLayers(4));
    BufferedImage image = Pixels.paint(view, 1);
    Rectangle box = view.thumbnailBounds(cell).orElseThrow();
    int inset = ThumbnailPainter.INSET;
    double y = box.y + inset + 0.5 * (box.height - 2.0 * inset) / 4;
    return Pixels.at(image, (int) box.getCenterX(), (int) y);
  }

  @Test
  void everyLayerHasTheSameColourInLightAndDark() {
    for (int layer = 0; layer < 3; layer++) {
      LayerHead cell = new LayerHead(layer, 0);
      Color light = lineColour(Theme.LIGHT, cell);
      Color dark = lineColour(Theme.DARK, cell);
      assertTrue(
          Pixels.distance(light, dark) <= 2,
          "layer " + layer + ": " + Pixels.hex(light) + " light, " + Pixels.hex(dark) + " dark");
    }
  }

  /** Mean OKLab distance from the background of the thumbnail pixels that are not background. */
  static double meanLineContrast(Theme theme) {
    theme.apply();
    ModelView view = view(TestData.bertSingle());
    BufferedImage image = Pixels.paint(view, 1);
    Color background = view.colors().background();
    double sum = 0;
    int count = 0;
    for (int layer = 0; layer < 12; layer++) {
      for (int head = 0; head < 12; head++) {
        Rectangle box = view.thumbnailBounds(new LayerHead(layer, head)).orElseThrow();
        for (int y = box.y; y < box.getMaxY(); y++) {
          for (int x = box.x; x < box.getMaxX(); x++) {
            Color pixel = Pixels.at(image, x, y);
            if (!pixel.equals(background)) {
              sum += Oklch.distance(pixel, background);
              count++;
            }
          }
        }
      }
    }
    return sum / count;
  }

  @Test
  void linesStandOutAsMuchOnDarkAsOnLight() {
    double light = meanLineContrast(Theme.LIGHT);
    double dark = meanLineContrast(Theme.DARK);
    assertTrue(dark >= 0.8 * light, "mean line contrast dark " + dark + ", light " + light);
  }
}
