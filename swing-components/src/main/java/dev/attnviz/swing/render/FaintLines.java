package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Says when a token-columns picture in lines mode shows no line one can see because every weight is
 * too faint: a line's opacity is its weight divided by the number of heads drawn, lines below half
 * a step of an 8-bit screen are not drawn at all ({@link TokenColumnsPainter#DEFAULT_MIN_ALPHA}),
 * and lines of a few steps barely differ from the background. Nearly uniform attention over
 * hundreds of tokens (every weight about 1 / tokens) does that, and an empty picture would look
 * like a broken one. Remembers the verdict of the last picture asked about, so that repaints cost
 * nothing; not thread-safe (a view's, on the EDT).
 */
public final class FaintLines {

  /**
   * The opacity a picture's strongest line must reach to be seen: 4 of 255 steps, a difference of
   * 1.6 % from the background, about the least the eye picks out on a screen.
   */
  static final float VISIBLE_ALPHA = 4f / 255f;

  private ShownAttention lastShown;
  private int lastLayer = -1;
  private int[] lastHeads;
  private String lastNote = "";

  /**
   * The note for the lines of {@code heads} of {@code layer} over the shown tokens, e.g. "Lines too
   * faint to see: every weight is at most 0.001667. …"; empty when a line can be seen.
   *
   * @param shown the shown attention; not null
   * @param layer the layer, 0-based
   * @param heads the heads drawn, each line at opacity weight ÷ their count
   * @return the note, in the UI's language, or empty
   */
  public String note(ShownAttention shown, int layer, int[] heads) {
    Objects.requireNonNull(shown, "shown");
    if (shown != lastShown || layer != lastLayer || !Arrays.equals(heads, lastHeads)) {
      lastShown = shown;
      lastLayer = layer;
      lastHeads = heads.clone();
      lastNote = faintNote(shown, layer, heads);
    }
    return lastNote;
  }

  private static String faintNote(ShownAttention shown, int layer, int[] heads) {
    if (heads.length == 0 || shown.rowCount() == 0 || shown.columnCount() == 0) {
      return "";
    }
    float alphaScale = 1f / heads.length;
    // The least weight whose line can be seen.
    float visible = VISIBLE_ALPHA / alphaScale;
    float strongest = 0f;
    for (int head : heads) {
      strongest = Math.max(strongest, strongest(shown, layer, head, visible));
      if (strongest >= visible) {
        return "";
      }
    }
    String weight = NumberText.significant(strongest);
    return heads.length == 1
        ? Messages.format("view.faintLine", weight)
        : Messages.format("view.faintLines", weight, Integer.toString(heads.length));
  }

  /**
   * The greatest shown weight of one head, or the first one found at or above {@code enough} (the
   * search stops there: a line can be seen).
   */
  private static float strongest(ShownAttention shown, int layer, int head, float enough) {
    return shown.readMatrix(
        layer,
        head,
        matrix -> {
          float[] row = new float[shown.columnCount()];
          float greatest = 0f;
          for (int r = 0; r < shown.rowCount() && greatest < enough; r++) {
            readRow(shown, matrix, r, row);
            for (float w : row) {
              greatest = Math.max(greatest, w);
            }
          }
          return greatest;
        });
  }

  private static void readRow(ShownAttention shown, FloatBuffer matrix, int r, float[] row) {
    matrix.get(shown.queryIndex(r) * shown.keyStride() + shown.firstKey(), row, 0, row.length);
  }
}
