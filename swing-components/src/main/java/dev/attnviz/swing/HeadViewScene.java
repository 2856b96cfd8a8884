package dev.attnviz.swing;

import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;

/**
 * The head view's lines as the painter takes them: the drawn heads of one layer in their colours,
 * each line at opacity weight ÷ the number of heads, as the reference tool draws them.
 */
final class HeadViewScene {

  private HeadViewScene() {}

  /**
   * The scene of {@code heads} of {@code layer}, with {@code selected} and {@code locked} (either
   * may be null).
   */
  static TokenColumnsPainter.Scene of(
      ShownAttention shown,
      int layer,
      int[] heads,
      ViewColors colors,
      TokenRef selected,
      TokenRef locked) {
    Color[] headColors = new Color[heads.length];
    for (int i = 0; i < heads.length; i++) {
      headColors[i] = colors.headColor(heads[i], shown.headCount());
    }
    return new TokenColumnsPainter.Scene(
        shown, layer, heads, headColors, 1f / Math.max(1, heads.length), selected, locked);
  }
}
