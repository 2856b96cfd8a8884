package dev.attnviz.swing;

import dev.attnviz.swing.render.ShownAttention;
import java.util.BitSet;

/**
 * The head view's heatmap: the shown weights of a layer averaged over the drawn heads, kept until
 * the layer or the heads change or the view drops them ({@link #clear()}). The EDT's.
 */
final class HeadHeatmapValues {

  /** What {@link #values} hold: the mean of these heads of this layer. */
  private record Key(int layer, BitSet heads) {}

  private float[] values;
  private Key key;

  /**
   * The mean of {@code drawn} heads of {@code layer}, {@code rowCount × columnCount} values
   * row-major; all zeros when no head is drawn (every active head invalid, under the note that says
   * why).
   */
  float[] of(ShownAttention shown, int layer, int[] drawn) {
    BitSet heads = new BitSet();
    for (int head : drawn) {
      heads.set(head);
    }
    Key wanted = new Key(layer, heads);
    if (values == null || !wanted.equals(key)) {
      values =
          heads.isEmpty()
              ? new float[shown.rowCount() * shown.columnCount()]
              : shown.meanMatrix(layer, heads);
      key = wanted;
    }
    return values;
  }

  /** Forgets the values: the data, the filter or the display options changed. */
  void clear() {
    values = null;
    key = null;
  }
}
