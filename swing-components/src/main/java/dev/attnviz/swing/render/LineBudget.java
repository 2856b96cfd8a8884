package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.lang.ref.WeakReference;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * The weakest opacity step of a picture's lines: the strongest lines are kept until the budget of
 * lines or of line length is spent. It is chosen over the whole picture, never over the area being
 * repainted, so that a strip a scroll uncovers, the span a hover repaints and an exported picture
 * all draw the same lines as the screen around them; a budget counted per repaint would draw the
 * faint lines a small area can afford and leave bands of haze wherever the view was repainted in
 * parts. The budgets are per {@value #REFERENCE_HEIGHT} pixels of column height (about a screen),
 * so a long input keeps about as many lines in each screenful as a short one does in all of it. A
 * line's length is counted as its height plus the width between the columns the caller names: a
 * view names the widest its layout would make it, so that the count needs no layout (a view can say
 * how many lines it draws before it lays out the note) and resizing the view does not change which
 * lines are drawn. A picture of at most {@value #ALWAYS_DRAWN} lines strong enough to show draws
 * them all, as the reference tool does: a sentence of a dozen tokens and 12 heads is never thinned.
 *
 * <p>Remembers the steps of the last {@value #REMEMBERED} scenes: counting every line of 512 tokens
 * and 12 heads takes about 5 ms, which a view would otherwise pay on every repaint, and again each
 * time the pointer leaves a token. The scenes' attention is held weakly, so the memo never keeps a
 * replaced result alive.
 */
final class LineBudget {

  /** The column height, in pixels, that one budget of lines and line length is for. */
  static final int REFERENCE_HEIGHT = 1_000;

  /**
   * Pictures with at most this many lines strong enough to show draw them all: 13 tokens and 12
   * heads have up to 2,028 lines, which stroke in about 20 ms.
   */
  static final int ALWAYS_DRAWN = 2_048;

  /** Scenes remembered: every line, and the lines of the tokens the pointer was last over. */
  static final int REMEMBERED = 4;

  private final int maxLines;
  private final long maxLinePixels;
  private final int alwaysDrawn;

  /** The remembered scenes, the most recently used first. */
  private final Deque<Remembered> remembered = new ArrayDeque<>(REMEMBERED);

  private record Remembered(WeakReference<ShownAttention> shown, Key key, Budgeted budgeted) {}

  /** What the step depends on besides the attention itself. */
  private record Key(
      int layer,
      int[] heads,
      float alphaScale,
      int selectedPosition,
      boolean queryIsSelected,
      int floor,
      int rowHeight,
      double lineArea,
      int leftCount,
      int rightCount) {

    boolean sameAs(Key other) {
      return other != null
          && layer == other.layer
          && Arrays.equals(heads, other.heads)
          && Float.compare(alphaScale, other.alphaScale) == 0
          && selectedPosition == other.selectedPosition
          && queryIsSelected == other.queryIsSelected
          && floor == other.floor
          && rowHeight == other.rowHeight
          && Double.compare(lineArea, other.lineArea) == 0
          && leftCount == other.leftCount
          && rightCount == other.rightCount;
    }
  }

  /**
   * The chosen step and how many lines reach it.
   *
   * @param step the weakest opacity step drawn, 1 to 256 (256: none)
   * @param lines the lines of the whole picture at or above {@code step}
   * @param drawable the lines at or above the floor, drawn or not
   */
  record Budgeted(int step, int lines, int drawable) {}

  /**
   * A budget.
   *
   * @param maxLines the most lines per {@link #REFERENCE_HEIGHT} pixels of column height
   * @param maxLinePixels the most pixels of line length per {@link #REFERENCE_HEIGHT} pixels
   * @param alwaysDrawn pictures with at most this many lines draw them all ({@link #ALWAYS_DRAWN},
   *     or 0 for limits that hold whatever the picture)
   */
  LineBudget(int maxLines, long maxLinePixels, int alwaysDrawn) {
    this.maxLines = maxLines;
    this.maxLinePixels = maxLinePixels;
    this.alwaysDrawn = alwaysDrawn;
  }

  /**
   * The weakest step to draw of {@code scene} with rows {@code rowHeight} pixels apart and columns
   * {@code lineArea} pixels apart, at least {@code floor}.
   *
   * @param rowHeight the distance between two token rows, in pixels
   * @param lineArea the width a line crosses, in pixels
   * @param scene what is drawn
   * @param selected the selected token, if shown, or null for every line
   * @param selectedPosition the selected token's display position, or -1
   * @param floor the weakest step worth drawing at all
   */
  synchronized Budgeted choose(
      int rowHeight,
      double lineArea,
      TokenColumnsPainter.Scene scene,
      TokenRef selected,
      int selectedPosition,
      int floor) {
    Key key =
        new Key(
            scene.layer(),
            scene.heads().clone(),
            scene.alphaScale(),
            selected == null ? -1 : selectedPosition,
            selected != null && selected.isQuery(),
            Math.max(floor, 1),
            rowHeight,
            lineArea,
            scene.shown().rowCount(),
            scene.shown().columnCount());
    Remembered found = null;
    for (Iterator<Remembered> it = remembered.iterator(); it.hasNext(); ) {
      Remembered entry = it.next();
      ShownAttention shown = entry.shown().get();
      if (shown == null) {
        it.remove();
      } else if (found == null && shown == scene.shown() && entry.key().sameAs(key)) {
        it.remove();
        found = entry;
      }
    }
    if (found == null) {
      found = new Remembered(new WeakReference<>(scene.shown()), key, count(scene, key));
      if (remembered.size() == REMEMBERED) {
        remembered.removeLast();
      }
    }
    remembered.addFirst(found);
    return found.budgeted();
  }

  private Budgeted count(TokenColumnsPainter.Scene scene, Key key) {
    int[] counts = new int[256];
    // Per step, the sum over its lines of |column - row|: their heights in rows.
    long[] rowSpans = new long[256];
    ShownAttention shown = scene.shown();
    int rows = shown.rowCount();
    int columns = shown.columnCount();
    boolean rowSelected = key.selectedPosition() >= 0 && key.queryIsSelected();
    boolean columnSelected = key.selectedPosition() >= 0 && !key.queryIsSelected();
    int rowFrom = rowSelected ? key.selectedPosition() : 0;
    int rowTo = rowSelected ? key.selectedPosition() : rows - 1;
    int columnFrom = columnSelected ? key.selectedPosition() : 0;
    int columnTo = columnSelected ? key.selectedPosition() : columns - 1;
    int stride = shown.keyStride();
    int floor = key.floor();
    float alphaScale = key.alphaScale();
    for (int head : key.heads()) {
      FloatBuffer matrix = shown.matrix(key.layer(), head);
      for (int r = rowFrom; r <= rowTo; r++) {
        int base = shown.queryIndex(r) * stride + shown.firstKey();
        for (int c = columnFrom; c <= columnTo; c++) {
          int step = HeatColorScale.step(matrix.get(base + c) * alphaScale);
          if (step >= floor) {
            counts[step]++;
            rowSpans[step] += Math.abs(c - r);
          }
        }
      }
    }
    int drawable = 0;
    for (int step = floor; step < counts.length; step++) {
      drawable += counts[step];
    }
    if (drawable <= alwaysDrawn) {
      return new Budgeted(floor, drawable, drawable);
    }
    double screens =
        Math.max(1.0, Math.max(rows, columns) * (double) key.rowHeight() / REFERENCE_HEIGHT);
    int kept = 0;
    double length = 0;
    int step = 255;
    for (; step >= floor; step--) {
      // About the pixels a line covers: its height plus the width it crosses.
      double stepLength = rowSpans[step] * (double) key.rowHeight() + counts[step] * key.lineArea();
      if (kept + counts[step] > maxLines * screens
          || length + stepLength > maxLinePixels * screens) {
        break;
      }
      kept += counts[step];
      length += stepLength;
    }
    return new Budgeted(step + 1, kept, drawable);
  }
}
