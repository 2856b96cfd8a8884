package dev.attnviz.swing.render;

import dev.attnviz.swing.export.TextAnchor;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/**
 * Draws a label inside a box: vertically centred, aligned to one side or centred, cut with "…" if
 * too long. Measures and fits with {@link ViewText}, so a label that a layout sized its box for
 * (with the same {@code ViewText}) is drawn in full at any scale. Draws in {@code g}'s current
 * colour; sets the font and text hints itself.
 */
public final class TextFit {

  private TextFit() {}

  /**
   * Draws {@code label} in {@code box} with {@link TokenColumnsLayout#TEXT_PADDING} on both sides,
   * right-aligned if {@code alignRight}.
   *
   * @param g the graphics, with the colour to draw in
   * @param text measures and draws in the view's font
   * @param label the text to draw; cut with "…" if too long
   * @param box where to draw, in user space
   * @param alignRight true to align right, false left
   */
  public static void drawInBox(
      Graphics2D g, ViewText text, String label, Rectangle box, boolean alignRight) {
    drawInBox(g, text, label, box, alignRight, TokenColumnsLayout.TEXT_PADDING);
  }

  /**
   * Draws {@code label} in {@code box} with {@code padding} pixels on both sides, right-aligned if
   * {@code alignRight}; nothing if there is no room at all.
   *
   * @param g the graphics, with the colour to draw in
   * @param text measures and draws in the view's font
   * @param label the text to draw; cut with "…" if too long
   * @param box where to draw, in user space
   * @param alignRight true to align right, false left
   * @param padding space on each side, in pixels
   */
  public static void drawInBox(
      Graphics2D g, ViewText text, String label, Rectangle box, boolean alignRight, int padding) {
    int room = box.width - 2 * padding;
    if (room <= 0) {
      return;
    }
    String shown = text.fit(label, room);
    int right = box.x + box.width - padding;
    if (alignRight) {
      draw(g, text, shown, right - text.width(shown), text.baseline(box), TextAnchor.end(right));
    } else {
      draw(g, text, shown, box.x + padding, text.baseline(box), null);
    }
  }

  /**
   * Draws {@code label} centred in {@code box}, cut with "…" if too long.
   *
   * @param g the graphics, with the colour to draw in
   * @param text measures and draws in the view's font
   * @param label the text to draw
   * @param box where to centre it, in user space
   */
  public static void drawCentered(Graphics2D g, ViewText text, String label, Rectangle box) {
    String shown = text.fit(label, box.width);
    draw(
        g,
        text,
        shown,
        box.x + (box.width - text.width(shown)) / 2,
        text.baseline(box),
        TextAnchor.middle(box.x + box.width / 2f));
  }

  /**
   * Draws one line of {@code label} with its top-left at ({@code x}, {@code y}), uncut.
   *
   * @param g the graphics, with the colour to draw in
   * @param text measures and draws in the view's font
   * @param label the text to draw
   * @param x left edge, in user space
   * @param y top edge, in user space
   */
  public static void drawAt(Graphics2D g, ViewText text, String label, int x, int y) {
    draw(g, text, label, x, y + text.ascent(), null);
  }

  /**
   * Draws at {@code x} as measured with Java's metrics; an SVG export anchors the text at {@code
   * anchor} instead (null: at x), so that it stays aligned in the viewer's font.
   */
  private static void draw(
      Graphics2D g, ViewText text, String shown, int x, int baseline, TextAnchor anchor) {
    if (!shown.isEmpty()) {
      text.prepare(g);
      Object before = g.getRenderingHint(TextAnchor.KEY);
      g.setRenderingHint(TextAnchor.KEY, anchor);
      try {
        g.drawString(shown, x, baseline);
      } finally {
        g.setRenderingHint(TextAnchor.KEY, before);
      }
    }
  }

  /**
   * Draws {@code label} from ({@code x}, {@code y}) (its top-left), broken at spaces into lines of
   * at most {@code width} pixels; a word longer than a line is cut with "…".
   *
   * @param g the graphics, with the colour to draw in
   * @param text measures and draws in the view's font
   * @param label the text to draw
   * @param x left edge, in user space
   * @param y top edge of the first line, in user space
   * @param width the most a line may take, in pixels
   * @return the y below the last line
   */
  public static int drawWrapped(
      Graphics2D g, ViewText text, String label, int x, int y, int width) {
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      String longer = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && text.width(longer) > width) {
        drawAt(g, text, text.fit(line.toString(), width), x, y);
        y += text.height();
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(longer);
      }
    }
    if (line.length() > 0) {
      drawAt(g, text, text.fit(line.toString(), width), x, y);
      y += text.height();
    }
    return y;
  }
}
