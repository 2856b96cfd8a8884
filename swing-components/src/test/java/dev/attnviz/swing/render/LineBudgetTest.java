package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lines a picture keeps are chosen over the whole picture: painted in strips, as a scroll
 * uncovers it or a hover repaints it, it is the same picture as painted at once.
 */
class LineBudgetTest {

  private static final int HEADS = 12;
  private final ViewColors colors = ViewColors.fromUIManager();

  private static ShownAttention shown(int tokens) {
    return ShownAttention.of(
            new AttentionViewModel(SyntheticAttention.realistic(tokens, 1, HEADS, 42)),
            new AttentionSelectionModel())
        .orElseThrow();
  }

  private static TokenColumnsPainter.Scene scene(ShownAttention shown, TokenRef selected) {
    return scene(shown, selected, 1f / HEADS);
  }

  private static TokenColumnsPainter.Scene scene(
      ShownAttention shown, TokenRef selected, float alphaScale) {
    int[] heads = new int[HEADS];
    for (int h = 0; h < HEADS; h++) {
      heads[h] = h;
    }
    Color[] headColors = HeadPalette.colors(HEADS, false);
    return new TokenColumnsPainter.Scene(
        shown, 0, heads, headColors, alphaScale, selected, selected);
  }

  private BufferedImage paint(
      TokenColumnsDisplay display, TokenColumnsPainter.Scene scene, Rectangle... clips) {
    Rectangle bounds = display.bounds();
    BufferedImage image =
        new BufferedImage(
            bounds.x + bounds.width, bounds.y + bounds.height, BufferedImage.TYPE_INT_RGB);
    for (Rectangle clip : clips) {
      Graphics2D g = image.createGraphics();
      try {
        g.clip(clip);
        g.setColor(Color.WHITE);
        g.fill(clip);
        display.paint(g, clip, scene, null, null);
      } finally {
        g.dispose();
      }
    }
    return image;
  }

  private static Rectangle[] strips(Rectangle bounds, int height) {
    int count = (bounds.y + bounds.height + height - 1) / height;
    Rectangle[] strips = new Rectangle[count];
    for (int i = 0; i < count; i++) {
      strips[i] = new Rectangle(0, i * height, bounds.x + bounds.width, height);
    }
    return strips;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void stripsPaintTheSamePictureAsOnePaint(boolean raster) {
    ShownAttention shown = shown(64);
    TokenColumnsDisplay display = new TokenColumnsDisplay(160, 160, 140);
    display.update(shown, colors, 8, 8, -1);
    display.setRasterLines(raster);
    TokenColumnsPainter.Scene scene = scene(shown, null);
    Rectangle bounds = display.bounds();
    LineBudget.Budgeted budgeted =
        new LineBudget(
                TokenColumnsPainter.DEFAULT_MAX_LINES,
                TokenColumnsPainter.DEFAULT_MAX_LINE_PIXELS,
                LineBudget.ALWAYS_DRAWN)
            .choose(display.linesLayout().rowHeight(), 300, scene, null, -1, 1);
    assertTrue(
        budgeted.lines() < 64 * 64 * HEADS && budgeted.step() > 1,
        "the budget leaves lines out, so a per-strip budget would differ: " + budgeted);

    BufferedImage whole = paint(display, scene, new Rectangle(0, 0, 2_000, 2_000));
    // A fresh display for the strips, so nothing is remembered from the whole paint.
    TokenColumnsDisplay other = new TokenColumnsDisplay(160, 160, 140);
    other.update(shown, colors, 8, 8, -1);
    other.setRasterLines(raster);
    BufferedImage inStrips = paint(other, scene, strips(bounds, 40));

    if (raster) {
      // The raster's float layer can round a pixel at a strip's edge one level apart.
      assertTrue(largestDifference(whole, inStrips) <= 1, "no visible difference");
    } else {
      assertEquals(0, differentPixels(whole, inStrips), "pixels that differ");
    }
  }

  @Test
  void aLongerPictureKeepsMoreLinesPerScreenNotFewer() {
    ShownAttention shown = shown(256);
    TokenColumnsPainter.Scene scene = scene(shown, null, 1f);
    LineBudget budget = new LineBudget(1_000, Long.MAX_VALUE, 0);

    int lines10 = budget.choose(10, 300, scene, null, -1, 1).lines();
    int lines20 = budget.choose(20, 300, scene, null, -1, 1).lines();

    // 2,560 and 5,120 pixels of columns: 2.56 and 5.12 budgets of 1,000 lines.
    assertTrue(lines10 <= 2_560 && lines10 > 1_000, "10-pixel rows keep " + lines10);
    assertTrue(lines20 <= 5_120 && lines20 > lines10, "20-pixel rows keep " + lines20);
  }

  @Test
  void aShortSentenceDrawsEveryLineWhateverTheirLength() {
    TokenColumnsPainter.Scene scene = scene(shown(13), null, 1f);
    LineBudget defaults =
        new LineBudget(
            TokenColumnsPainter.DEFAULT_MAX_LINES,
            TokenColumnsPainter.DEFAULT_MAX_LINE_PIXELS,
            LineBudget.ALWAYS_DRAWN);
    LineBudget strict = new LineBudget(TokenColumnsPainter.DEFAULT_MAX_LINES, 20_000, 0);

    LineBudget.Budgeted all = defaults.choose(20, 600, scene, null, -1, 1);
    LineBudget.Budgeted cut = strict.choose(20, 600, scene, null, -1, 1);

    assertTrue(all.drawable() > 100 && all.drawable() <= 13 * 13 * HEADS, all.toString());
    assertEquals(all.drawable(), all.lines(), "13 tokens x 12 heads: every line");
    assertEquals(1, all.step());
    assertTrue(cut.lines() < cut.drawable(), "a limit of one's own holds: " + cut);
  }

  @Test
  void aSelectedTokenGetsItsOwnBudgetAndEveryLineComesBack() {
    ShownAttention shown = shown(64);
    LineBudget budget = new LineBudget(100, Long.MAX_VALUE, 0);
    TokenColumnsPainter.Scene all = scene(shown, null);
    TokenRef token = shown.tokenAt(TokenRef.Side.QUERY, 5);

    LineBudget.Budgeted every = budget.choose(18, 300, all, null, -1, 1);
    LineBudget.Budgeted one = budget.choose(18, 300, scene(shown, token), token, 5, 1);

    assertTrue(every.lines() <= 100, every.toString());
    assertTrue(one.lines() <= 64 * HEADS && one.step() <= every.step(), one.toString());
    assertSame(every, budget.choose(18, 300, all, null, -1, 1), "remembered, not counted again");
  }

  @Test
  void rememberingAPictureDoesNotKeepItsAttentionAlive() throws InterruptedException {
    LineBudget budget = new LineBudget(100, Long.MAX_VALUE, 0);
    WeakReference<ShownAttention> dropped = rememberOne(budget);

    for (int i = 0; i < 50 && dropped.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }

    assertNull(dropped.get(), "the budget's memo let the attention go");
  }

  private static WeakReference<ShownAttention> rememberOne(LineBudget budget) {
    ShownAttention shown = shown(64);
    budget.choose(18, 300, scene(shown, null), null, -1, 1);
    return new WeakReference<>(shown);
  }

  private static int largestDifference(BufferedImage a, BufferedImage b) {
    int largest = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          largest = Math.max(largest, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
        }
      }
    }
    return largest;
  }

  private static int differentPixels(BufferedImage a, BufferedImage b) {
    int different = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          different++;
        }
      }
    }
    return different;
  }
}
