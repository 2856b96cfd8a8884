package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model view's detail lines drawn through {@link LineRaster} are the picture stroking gives:
 * the same ink and, pixel by pixel, close to it, at device scales 1 and 2 and for a clipped
 * repaint; a selected token's lines are still stroked, identically.
 */
class LineRasterTest {

  private static final Color LINE = new Color(0x1f77b4);
  private final ViewColors colors = ViewColors.fromUIManager();

  private record Picture(TokenColumnsDisplay display, TokenColumnsPainter.Scene scene) {}

  private Picture picture(int tokens, TokenRef selected) {
    ShownAttention shown =
        ShownAttention.of(
                new AttentionViewModel(SyntheticAttention.realistic(tokens, 1, 2, 7)),
                new AttentionSelectionModel())
            .orElseThrow();
    TokenColumnsDisplay display = new TokenColumnsDisplay(160, 160, 140);
    display.update(shown, colors, 8, 8, -1);
    TokenColumnsPainter.Scene scene =
        new TokenColumnsPainter.Scene(
            shown, 0, new int[] {1}, new Color[] {LINE}, 1f, selected, null);
    return new Picture(display, scene);
  }

  private static BufferedImage paint(
      Picture picture, boolean raster, int scale, Rectangle clip, Rectangle area) {
    BufferedImage image =
        new BufferedImage(area.width * scale, area.height * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.scale(scale, scale);
      g.translate(-area.x, -area.y);
      g.clip(clip);
      picture.display().setRasterLines(raster);
      picture.display().paint(g, clip, picture.scene(), null, null);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** How far from white the line area is, summed over pixels and channels (0..255 each). */
  private static double ink(BufferedImage image) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        sum += 765 - (rgb >> 16 & 0xff) - (rgb >> 8 & 0xff) - (rgb & 0xff);
      }
    }
    return sum;
  }

  private static double meanDifference(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  @ParameterizedTest
  @CsvSource({"40, 1", "64, 1", "64, 2", "512, 1", "512, 2"})
  void rasterisedLinesMatchTheStrokedOnes(int tokens, int scale) {
    Picture picture = picture(tokens, null);
    Rectangle lines = picture.display().linesLayout().lineArea();
    // At 512 tokens a screenful in the middle, as a repaint of the viewport would paint.
    Rectangle area =
        new Rectangle(
            lines.x,
            lines.y + Math.max(0, lines.height / 2 - 400),
            lines.width,
            Math.min(800, lines.height));
    BufferedImage stroked = paint(picture, false, scale, area, area);
    BufferedImage raster = paint(picture, true, scale, area, area);
    assertTrue(differs(stroked, raster), "the lines were rasterised at " + tokens + " tokens");
    double inkStroked = ink(stroked);
    assertTrue(inkStroked > 1000 * scale * scale, "lines are drawn at " + tokens + " tokens");
    assertEquals(1.0, ink(raster) / inkStroked, 0.05, "same ink at " + tokens + " tokens");
    double difference = meanDifference(stroked, raster);
    assertTrue(
        difference < 2.0,
        "mean difference " + difference + " of 255 at " + tokens + " tokens, scale " + scale);
  }

  @ParameterizedTest
  @CsvSource({"64", "512"})
  void aClippedRepaintDrawsTheStrokedPictureInsideTheClipAndNothingOutside(int tokens) {
    Picture picture = picture(tokens, null);
    Rectangle lines = picture.display().linesLayout().lineArea();
    Rectangle area = new Rectangle(lines.x, lines.y, lines.width, Math.min(600, lines.height));
    Rectangle clip = new Rectangle(area.x + 13, area.y + 101, 70, 97);
    BufferedImage stroked = paint(picture, false, 1, clip, area);
    BufferedImage raster = paint(picture, true, 1, clip, area);
    assertTrue(differs(stroked, raster), "the lines were rasterised at " + tokens + " tokens");
    double difference = meanDifference(stroked, raster);
    assertTrue(difference < 2.0, "mean difference " + difference + " at " + tokens + " tokens");
    // In a small clip the budget admits thousands of faint lines; each stroke is blended into 8
    // bits and rounded, the raster sums exactly (alone, a line's ink is the same: LineRaster's
    // single lines match stroked ones to 0.1 %), so the two part by a few per cent of faint ink.
    assertEquals(1.0, ink(raster) / ink(stroked), 0.1, "same ink at " + tokens + " tokens");
    for (int y = 0; y < area.height; y++) {
      for (int x = 0; x < area.width; x++) {
        if (!clip.contains(x + area.x, y + area.y)) {
          assertEquals(0xffffffff, raster.getRGB(x, y), "outside the clip at " + x + ", " + y);
        }
      }
    }
  }

  private static boolean differs(BufferedImage a, BufferedImage b) {
    return meanDifference(a, b) > 0;
  }

  @ParameterizedTest
  @CsvSource({"12"})
  void aFewLinesAreStrokedAsBefore(int tokens) {
    Picture picture = picture(tokens, TokenRef.query(5));
    Rectangle area = picture.display().linesLayout().bounds();
    BufferedImage stroked = paint(picture, false, 1, area, area);
    BufferedImage raster = paint(picture, true, 1, area, area);
    assertArrayEquals(
        stroked.getRGB(0, 0, area.width, area.height, null, 0, area.width),
        raster.getRGB(0, 0, area.width, area.height, null, 0, area.width));
  }

  @ParameterizedTest
  @CsvSource({"0", "20", "100", "400", "4000"})
  void aSingleLineHasTheInkOfAStrokedOne(double rise) {
    BufferedImage stroked = new BufferedImage(200, 4200, BufferedImage.TYPE_INT_RGB);
    BufferedImage raster = new BufferedImage(200, 4200, BufferedImage.TYPE_INT_RGB);
    Line2D line = new Line2D.Double(40.2, 100.4, 140.5, 100.4 + rise);
    Color half = new Color(0, 0, 0, 128);
    for (BufferedImage image : new BufferedImage[] {stroked, raster}) {
      Graphics2D g = image.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      if (image == stroked) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.setColor(half);
        g.draw(line);
      } else {
        LineRaster layer = LineRaster.over(g, new Rectangle(0, 0, 200, 4200));
        layer.line(line.getX1(), line.getY1(), line.getX2(), line.getY2(), 2, 128 / 255f);
        layer.paint(g, Color.BLACK);
      }
      g.dispose();
    }
    double ideal = 3 * 255 * 2 * 128 / 255.0 * line.getP1().distance(line.getP2());
    assertEquals(1.0, ink(stroked) / ideal, 0.005, "stroked");
    assertEquals(1.0, ink(raster) / ideal, 0.005, "rasterised");
    assertTrue(meanDifference(stroked, raster) < 0.5, "pixel by pixel");
  }
}
