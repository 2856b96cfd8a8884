package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Theme;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export on white, on nothing, or on the theme's background, in light and dark themes. */
@OnEdt
class ExportBackgroundTest {

  private HeadView head;

  private void open(Theme theme) {
    theme.apply();
    head =
        new HeadView(
            new AttentionViewModel(HeadViewPixelTest.fourTokens()), new AttentionSelectionModel());
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  /** The middle of the line query 0 → key 0 of head 0 in the exported picture. */
  private Point2D lineMiddle() {
    Rectangle left = head.tokenBounds(TokenRef.query(0)).orElseThrow();
    Rectangle right = head.tokenBounds(TokenRef.key(0)).orElseThrow();
    int below = head.exportSize().height - head.contentSize().height - head.contentTop();
    left.translate(0, below);
    right.translate(0, below);
    return ViewProbe.along(left, right, 0.5);
  }

  private static boolean isWhite(int argb) {
    return argb == 0xFFFFFFFF;
  }

  @Test
  void whiteIsWhiteInTheDarkThemeWithTheLinesDrawnDark() {
    open(Theme.DARK);
    BufferedImage image = ViewExporter.toImage(head, 1, ExportBackground.WHITE);
    int w = image.getWidth();
    int h = image.getHeight();
    for (int[] corner : new int[][] {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}}) {
      assertTrue(isWhite(image.getRGB(corner[0], corner[1])), "white corner " + corner[0]);
    }
    Point2D line = lineMiddle();
    int pixel = image.getRGB((int) line.getX(), (int) line.getY());
    assertFalse(isWhite(pixel), "the line is drawn on the white");
    assertEquals(0xFF, pixel >>> 24, "opaque");
    // The screen keeps its dark colours: export borrowed light ones only for the picture.
    assertEquals(Theme.DARK.background(), head.colors().background());
    assertTrue(head.colors().dark());
  }

  @Test
  void everyViewExportsOnWhiteFromTheDarkThemeAndKeepsItsScreenColours() {
    open(Theme.DARK);
    AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
    AttentionSelectionModel selection = new AttentionSelectionModel();
    for (AttentionView view :
        new AttentionView[] {
          new ModelView(model, selection), new dev.attnviz.swing.neuron.NeuronView(model, selection)
        }) {
      BufferedImage image = ViewExporter.toImage(view, 1, ExportBackground.WHITE);
      String name = view.getClass().getSimpleName();
      assertTrue(isWhite(image.getRGB(0, 0)), name + " on white");
      assertTrue(
          dev.attnviz.swing.testing.Pixels.countOther(
                  image, new Rectangle(0, 0, image.getWidth(), image.getHeight()), 1, Color.WHITE)
              > 100,
          name + " draws on the white");
      assertEquals(Theme.DARK.background(), view.colors().background(), name + " screen colours");
    }
  }

  @Test
  void theDefaultExportIsOnWhite() {
    open(Theme.DARK);
    assertTrue(isWhite(ViewExporter.toImage(head, 1).getRGB(0, 0)));
  }

  @Test
  void transparentHasClearCornersAndStillDrawsTheLines() {
    for (Theme theme : Theme.values()) {
      open(theme);
      BufferedImage image = ViewExporter.toImage(head, 2, ExportBackground.TRANSPARENT);
      int w = image.getWidth();
      int h = image.getHeight();
      for (int[] corner : new int[][] {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}}) {
        assertEquals(0, image.getRGB(corner[0], corner[1]) >>> 24, theme + " clear corner");
      }
      Point2D line = lineMiddle();
      int alpha = image.getRGB((int) (line.getX() * 2), (int) (line.getY() * 2)) >>> 24;
      assertTrue(alpha > 0x40, theme + " line drawn, alpha " + alpha);
    }
  }

  @Test
  void themeIsTheScreensBackground() {
    open(Theme.DARK);
    BufferedImage image = ViewExporter.toImage(head, 1, ExportBackground.THEME);
    assertEquals(Theme.DARK.background().getRGB(), image.getRGB(0, 0));
  }

  @Test
  void svgOnWhiteHasAWhiteBackgroundAndTransparentHasNone() {
    open(Theme.DARK);
    // Batik writes a colour as rgb(r,g,b), or by its SVG name (white).
    String dark = rgb(Theme.DARK.background());
    String theme = ViewExporter.toSvg(head, ExportBackground.THEME);
    assertTrue(theme.contains(dark), "theme: the dark background");
    String white = ViewExporter.toSvg(head, ExportBackground.WHITE);
    assertFalse(white.contains(dark), "white: no dark background");
    assertTrue(white.contains("fill=\"white\""), "white: a white background");
    String clear = ViewExporter.toSvg(head, ExportBackground.TRANSPARENT);
    assertFalse(clear.contains(dark), "transparent: no dark background");
    assertFalse(clear.contains("fill=\"white\""), "transparent: no white background");
    assertTrue(clear.contains("<line"), "transparent: the lines");
  }

  private static String rgb(Color color) {
    return "rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")";
  }
}
