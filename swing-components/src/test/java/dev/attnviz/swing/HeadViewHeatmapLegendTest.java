package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The head view's heatmap says what it shows ("mean of 2 heads") with its colour scale. */
@OnEdt
class HeadViewHeatmapLegendTest {

  private AttentionSelectionModel selection;
  private HeadView view;

  @BeforeEach
  void setUp() {
    selection = new AttentionSelectionModel();
    view = new HeadView(new AttentionViewModel(HeadViewPixelTest.fourTokens()), selection);
  }

  @Test
  void theCaptionNamesTheOneHeadOrTheMeanOfTheActiveHeadsInTheExport() {
    view.setDisplayMode(DisplayMode.HEATMAP);
    selection.isolateHead(1, 2);
    String one = ViewExporter.toSvg(view);
    assertTrue(one.contains(">Layer 0, head 1<"), "one head named");
    selection.activateAllHeads();
    String mean = ViewExporter.toSvg(view);
    assertTrue(mean.contains(">Layer 0, mean of 2 heads<"), "the mean named");
    assertTrue(mean.contains(">weight 0<") && mean.contains(">1<"), "the scale's ends");
    view.setDisplayMode(DisplayMode.LINES);
    assertFalse(ViewExporter.toSvg(view).contains("mean of 2 heads"), "lines: no heatmap caption");
  }

  @Test
  void theLegendBarRunsToTheHeatColourAboveTheHeatmapOnScreenAndInThePng() {
    view.setDisplayMode(DisplayMode.HEATMAP);
    Color full = HeatColorScale.of(view.colors()).color(1f);
    int firstToken = view.tokenBounds(TokenRef.key(0)).orElseThrow().y;
    BufferedImage screen = Pixels.paint(view, 1);
    assertTrue(count(screen, full, view.contentTop(), firstToken) >= 4, "bar on screen");
    // The exported picture is the content below the head squares, on the theme's background.
    BufferedImage png = ViewExporter.toImage(view, 1, ExportBackground.THEME);
    assertTrue(count(png, full, 0, png.getHeight()) >= 4, "bar in the PNG");
    view.setDisplayMode(DisplayMode.LINES);
    assertEquals(0, count(Pixels.paint(view, 1), full, 0, firstToken), "lines: no legend");
  }

  /** Pixels of about {@code colour} in the rows {@code from} (inclusive) to {@code to}. */
  private static int count(BufferedImage image, Color colour, int from, int to) {
    int n = 0;
    for (int y = Math.max(0, from); y < Math.min(to, image.getHeight()); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        Color c = new Color(image.getRGB(x, y));
        if (Math.abs(c.getRed() - colour.getRed()) <= 3
            && Math.abs(c.getGreen() - colour.getGreen()) <= 3
            && Math.abs(c.getBlue() - colour.getBlue()) <= 3) {
          n++;
        }
      }
    }
    return n;
  }
}
