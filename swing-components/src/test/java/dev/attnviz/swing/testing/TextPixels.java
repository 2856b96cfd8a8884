package dev.attnviz.swing.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.ViewColors;
import dev.attnviz.swing.render.ViewText;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Checks that a painted label is there in full, not cut with "…" and not clipped. */
public final class TextPixels {

  /** Where {@code @MethodSource} finds {@link #fontsAndScales()}. */
  public static final String FONTS_AND_SCALES =
      "dev.attnviz.swing.testing.TextPixels#fontsAndScales";

  private TextPixels() {}

  /**
   * Fonts a look and feel may bring (set them through {@code AttentionView.font}): Dialog 13 and
   * 15, and a serif, each at scale 1, 1.5 (a 150% screen) and 2 (a HiDPI screen or an export).
   */
  public static Stream<Arguments> fontsAndScales() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Font font :
        List.of(
            new Font(Font.DIALOG, Font.PLAIN, 13),
            new Font(Font.DIALOG, Font.PLAIN, 15),
            new Font(Font.SERIF, Font.PLAIN, 14))) {
      for (double scale : new double[] {1, 1.5, 2}) {
        cases.add(Arguments.of(font, scale));
      }
    }
    return cases.build();
  }

  /**
   * Asserts that a view label in {@code foreground} on the theme's background, padded by {@link
   * TokenColumnsLayout#TEXT_PADDING} as the views pad labels, is drawn whole in {@code box}; see
   * {@link #assertLabel(BufferedImage, double, ViewText, String, Rectangle, boolean, int, Color,
   * Color)}.
   */
  public static void assertViewLabel(
      BufferedImage image,
      double scale,
      ViewColors colors,
      String label,
      Rectangle box,
      boolean alignRight,
      Color foreground) {
    assertLabel(
        image,
        scale,
        colors.text(),
        label,
        box,
        alignRight,
        TokenColumnsLayout.TEXT_PADDING,
        foreground,
        colors.background());
  }

  /**
   * Asserts that user-space {@code box} of {@code image} (painted at {@code scale}) holds exactly
   * {@code label}, whole, aligned as a view aligns it: the label must fit the box (the layout made
   * room for it), and where it lies the image is compared pixel by pixel with the full label drawn
   * on its own into a blank image, with the views' text policy and without fitting. A label cut
   * with "…", drawn elsewhere, clipped by the picture's edge, or missing fails.
   *
   * @param padding space between the text and the box edge it is aligned to
   */
  public static void assertLabel(
      BufferedImage image,
      double scale,
      ViewText text,
      String label,
      Rectangle box,
      boolean alignRight,
      int padding,
      Color foreground,
      Color background) {
    int width = text.width(label);
    assertTrue(
        width <= box.width - 2 * padding,
        () -> "\"" + label + "\" (" + width + " px) does not fit its box " + box);
    int x = alignRight ? box.x + box.width - padding - width : box.x + padding;
    BufferedImage expected =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = expected.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, expected.getWidth(), expected.getHeight());
      g.scale(scale, scale);
      text.prepare(g);
      g.setColor(foreground);
      g.drawString(label, x, text.baseline(box));
    } finally {
      g.dispose();
    }
    // Where the text lies (one pixel of slack for antialiasing), not the rest of the box.
    int x0 = (int) Math.floor(Math.max(box.x, x - 1) * scale);
    int x1 = (int) Math.ceil(Math.min(box.x + box.width, x + width + 1) * scale);
    int y0 = (int) Math.floor(box.y * scale);
    int y1 = (int) Math.ceil((box.y + box.height) * scale);
    assertTrue(
        (box.x + box.width) * scale <= image.getWidth() + 1e-9
            && (box.y + box.height) * scale <= image.getHeight() + 1e-9,
        () ->
            "\""
                + label
                + "\" in "
                + box
                + " lies outside the "
                + image.getWidth()
                + " x "
                + image.getHeight()
                + " picture at scale "
                + scale);
    int differing = 0;
    int inked = 0;
    for (int y = y0; y < y1; y++) {
      for (int px = x0; px < x1; px++) {
        Color want = Pixels.at(expected, px, y);
        differing += Pixels.close(want, Pixels.at(image, px, y)) ? 0 : 1;
        inked += Pixels.close(want, background) ? 0 : 1;
      }
    }
    assertTrue(inked > 0, () -> "\"" + label + "\" has ink in " + box);
    assertEquals(
        0,
        differing,
        () -> "pixels of \"" + label + "\" in " + box + " at scale " + scale + " that differ");
  }
}
