package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.testing.TextPixels;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The text policy: what a layout measures is what a painter draws, at every scale. */
class ViewTextTest {

  private static final List<String> LABELS =
      List.of("hopped", "crawled", "quickly", "10", "11", "[CLS]", "Layer 11, Head 7", "W");

  @ParameterizedTest
  @MethodSource(TextPixels.FONTS_AND_SCALES)
  void aPreparedGraphicsDrawsTextExactlyAsWideAsMeasuredAtAnyScale(Font font, double scale) {
    ViewText text = ViewText.of(font);
    Graphics2D g = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB).createGraphics();
    try {
      // What a look and feel or a host may have set: the policy must override it.
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
      g.scale(scale, scale);
      text.prepare(g);
      for (String label : LABELS) {
        // The advance in user space of what drawString draws with this Graphics2D.
        double drawn = g.getFontMetrics().getStringBounds(label, g).getWidth();
        int measured = text.width(label);
        assertTrue(
            measured >= drawn - 1e-3 && measured < drawn + 1,
            label + ": measured " + measured + ", drawn " + drawn + " at scale " + scale);
      }
    } finally {
      g.dispose();
    }
  }

  @Test
  void widthDoesNotDependOnWhatTheComponentOrDeviceWouldSay() {
    ViewText text = ViewText.of(new Font(Font.DIALOG, Font.PLAIN, 13));
    // Fractional advances: "hopped" is not a whole number of pixels wide in Dialog 13.
    double exact = text.font().getStringBounds("hopped", ViewText.RENDER_CONTEXT).getWidth();
    assertEquals((int) Math.ceil(exact), text.width("hopped"));
    assertEquals(0, text.width(""));
  }

  @Test
  void aLabelFitsTheRoomItsOwnWidthGivesAndIsCutWithAnEllipsisBelowIt() {
    ViewText text = ViewText.of(new Font(Font.DIALOG, Font.PLAIN, 13));
    for (String label : LABELS) {
      int width = text.width(label);
      assertEquals(label, text.fit(label, width), "exactly its own width");
      String cut = text.fit(label, width - 1);
      assertTrue(cut.isEmpty() || cut.endsWith("\u2026"), cut);
      assertTrue(text.width(cut) <= width - 1, cut + " fits in " + (width - 1));
    }
    // The longest prefix that fits, not any shorter one.
    String cut = text.fit("crawled", text.width("craw\u2026"));
    assertEquals("craw\u2026", cut);
    assertEquals("", text.fit("crawled", text.width("\u2026") - 1));
  }

  @Test
  void neverSplitsACharacterOutsideTheBasicPlane() {
    ViewText text = ViewText.of(new Font(Font.DIALOG, Font.PLAIN, 13));
    String label = "ab\uD835\uDC9Ecd";
    for (int room = 0; room < text.width(label); room++) {
      String cut = text.fit(label, room);
      if (!cut.isEmpty()) {
        char last = cut.charAt(cut.length() - 2);
        assertTrue(!Character.isHighSurrogate(last), "split at room " + room + ": " + cut);
      }
    }
  }

  @Test
  void baselineCentresTheLineInABox() {
    ViewText text = ViewText.of(new Font(Font.DIALOG, Font.PLAIN, 15));
    java.awt.Rectangle box = new java.awt.Rectangle(0, 10, 50, text.height() + 4);
    assertEquals(10 + 2 + text.ascent(), text.baseline(box));
    assertTrue(text.ascent() < text.height());
  }
}
