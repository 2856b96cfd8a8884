package dev.attnviz.swing.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.render.HeadPalette;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The diverging scale of differences and the legend bar that shows a scale. */
class ColorScalesTest {

  private static final Color WHITE = Color.WHITE;
  private static final Color BLUE = new Color(0x2166AC);
  private static final Color RED = new Color(0xD6604D);

  private final DivergingColorScale scale = new DivergingColorScale(WHITE, BLUE, RED, 0.5);

  private static Color color(int rgb) {
    return new Color(rgb & 0xffffff);
  }

  @Test
  void theEndsAreTheTwoColoursAndZeroIsTheBackground() {
    assertEquals(BLUE, color(scale.rgb(0.5)));
    assertEquals(RED, color(scale.rgb(-0.5)));
    assertEquals(WHITE, color(scale.rgb(0)));
    // 256 opacity steps: half way is step 128 of 255, a channel off by at most one.
    assertClose(Pixels.blend(WHITE, BLUE, 0.5), color(scale.rgb(0.25)));
    assertClose(Pixels.blend(WHITE, RED, 0.5), color(scale.rgb(-0.25)));
  }

  private static void assertClose(Color expected, Color actual) {
    assertTrue(Pixels.distance(expected, actual) <= 1, expected + " vs " + actual);
  }

  @Test
  void valuesBeyondTheBoundClampAndUndefinedOnesAreTheBackground() {
    assertEquals(BLUE, color(scale.rgb(3)));
    assertEquals(RED, color(scale.rgb(-3)));
    assertEquals(WHITE, color(scale.rgb(Double.NaN)));
    assertEquals(WHITE, color(new DivergingColorScale(WHITE, BLUE, RED, 0).rgb(0.1)));
    assertEquals(RED, color(scale.rgbAt(0)));
    assertEquals(BLUE, color(scale.rgbAt(1)));
  }

  @Test
  void theLegendBarRunsThroughTheScale() {
    ViewColors colors =
        new ViewColors(
            WHITE,
            Color.BLACK,
            Color.GRAY,
            Color.BLUE,
            Color.CYAN,
            Color.LIGHT_GRAY,
            BLUE,
            BLUE,
            RED,
            new Font(Font.SANS_SERIF, Font.PLAIN, 12),
            false,
            HeadPalette.standard());
    ColorLegend legend = new ColorLegend("A \u2212 B", "-0.5", "0", "+0.5", scale::rgbAt);
    BufferedImage image = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      legend.paint(g, colors, 10, 5);
    } finally {
      g.dispose();
    }
    Rectangle bar = legend.bar(colors.text(), 10, 5);
    int y = bar.y + bar.height / 2;
    assertEquals(RED, Pixels.at(image, bar.x, y));
    assertEquals(BLUE, Pixels.at(image, bar.x + bar.width - 1, y));
    Pixels.assertNear(image, bar.getCenterX(), y, WHITE, 12, "the middle of the bar is 0");
  }
}
