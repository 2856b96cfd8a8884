package dev.attnviz.swing.render;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/**
 * Draws a label inside a box: vertically centred, aligned to one side, cut with "…" if too long.
 */
public final class TextFit {

  private static final String ELLIPSIS = "\u2026";

  private TextFit() {}

  /**
   * Draws {@code text} in {@code box} with {@link TokenColumnsLayout#TEXT_PADDING} on both sides,
   * right-aligned if {@code alignRight}, in {@code g}'s current colour and font.
   */
  public static void drawInBox(
      Graphics2D g, FontMetrics metrics, String text, Rectangle box, boolean alignRight) {
    int room = box.width - 2 * TokenColumnsLayout.TEXT_PADDING;
    if (room <= 0) {
      return;
    }
    String shown = fit(metrics, text, room);
    int width = metrics.stringWidth(shown);
    int x =
        alignRight
            ? box.x + box.width - TokenColumnsLayout.TEXT_PADDING - width
            : box.x + TokenColumnsLayout.TEXT_PADDING;
    int baseline = box.y + (box.height - metrics.getHeight()) / 2 + metrics.getAscent();
    g.drawString(shown, x, baseline);
  }

  /** {@code text}, or its longest prefix plus "…" that fits in {@code room} pixels. */
  public static String fit(FontMetrics metrics, String text, int room) {
    if (metrics.stringWidth(text) <= room) {
      return text;
    }
    int end = text.length();
    while (end > 0 && metrics.stringWidth(text.substring(0, end) + ELLIPSIS) > room) {
      end--;
    }
    return end == 0 ? "" : text.substring(0, end) + ELLIPSIS;
  }

  /** Draws {@code text} centred in {@code box}, cut with "…" if too long. */
  public static void drawCentered(Graphics2D g, FontMetrics metrics, String text, Rectangle box) {
    String shown = fit(metrics, text, box.width);
    int x = box.x + (box.width - metrics.stringWidth(shown)) / 2;
    int baseline = box.y + (box.height - metrics.getHeight()) / 2 + metrics.getAscent();
    g.drawString(shown, x, baseline);
  }
}
