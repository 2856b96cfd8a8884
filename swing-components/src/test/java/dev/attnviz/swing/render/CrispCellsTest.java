package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HiDpi#crispCells}: translucent rectangles at whole coordinates filled through it give
 * exactly the pixels of an aliased fill at whole scales, and it falls back to aliased fills at a
 * fractional scale, where antialiasing would blur the cells' edges.
 */
class CrispCellsTest {

  @ParameterizedTest
  @ValueSource(doubles = {1, 2, 3, 1.5})
  void sameCellsAsAnAliasedFill(double scale) {
    BufferedImage aliased = cells(scale, false);
    BufferedImage crisp = cells(scale, true);
    int differing = 0;
    for (int y = 0; y < aliased.getHeight(); y++) {
      for (int x = 0; x < aliased.getWidth(); x++) {
        if (aliased.getRGB(x, y) != crisp.getRGB(x, y)) {
          differing++;
        }
      }
    }
    assertEquals(0, differing, "pixels that differ from aliased fills at scale " + scale);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void wholeScalesAreOnWholePixels(double scale) {
    assertTrue(HiDpi.onWholePixels(graphics(scale)));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.25, 1.5})
  void fractionalScalesAreNot(double scale) {
    assertFalse(HiDpi.onWholePixels(graphics(scale)));
  }

  @org.junit.jupiter.api.Test
  void vectorOutputKeepsAliasedCells() throws Exception {
    org.apache.batik.svggen.SVGGraphics2D svg =
        new org.apache.batik.svggen.SVGGraphics2D(
            javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .newDocument());
    HiDpi.crispCells(svg);
    assertEquals(
        RenderingHints.VALUE_ANTIALIAS_OFF,
        svg.getRenderingHint(RenderingHints.KEY_ANTIALIASING),
        "an SVG would lose its crisp-edged cells");
    Graphics2D image = graphics(1);
    HiDpi.crispCells(image);
    assertEquals(
        RenderingHints.VALUE_ANTIALIAS_ON, image.getRenderingHint(RenderingHints.KEY_ANTIALIASING));
  }

  private static Graphics2D graphics(double scale) {
    Graphics2D g = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB).createGraphics();
    g.scale(scale, scale);
    return g;
  }

  private static BufferedImage cells(double scale, boolean crisp) {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 300, 200);
      g.scale(scale, scale);
      g.translate(3, 5);
      if (crisp) {
        HiDpi.crispCells(g);
      } else {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      }
      Random random = new Random(1);
      for (int i = 0; i < 2000; i++) {
        g.setColor(
            new Color(
                random.nextInt(256),
                random.nextInt(256),
                random.nextInt(256),
                random.nextInt(256)));
        g.fillRect(
            random.nextInt(90), random.nextInt(60), 1 + random.nextInt(9), 1 + random.nextInt(9));
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
