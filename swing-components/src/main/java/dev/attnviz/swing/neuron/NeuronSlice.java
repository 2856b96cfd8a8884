package dev.attnviz.swing.neuron;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.AttentionScores;
import dev.attnviz.core.SentenceFilter.Range;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.render.ShownAttention;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The numbers the neuron view shows for one head: the weights, query and key vectors of one layer
 * and head, cut to the query rows and key columns of a sentence-pair filter.
 *
 * <p>Rows and columns are display indexes (0 = first shown query or key); {@link #queryIndex} and
 * {@link #keyIndex} map them back to the data's token indexes. Vectors are copied once per slice
 * (rows × head size floats), so painting never goes back to the tensors. Not thread-safe: the score
 * cache is for the Event Dispatch Thread.
 */
final class NeuronSlice {

  private final ShownAttention shown;
  private final Attention attention;
  private final int layer;
  private final int head;
  private final Range rows;
  private final Range columns;
  private final float[] weights;
  private final float[] queries;
  private final float[] keys;
  private final int headSize;
  private final boolean causal;

  private int cachedScoreRow = -1;
  private double[] cachedScores;

  private NeuronSlice(ShownAttention shown, int layer, int head) {
    this.shown = shown;
    this.attention = shown.attention();
    this.layer = layer;
    this.head = head;
    this.rows = new Range(shown.firstQuery(), shown.firstQuery() + shown.rowCount());
    this.columns = new Range(shown.firstKey(), shown.firstKey() + shown.columnCount());
    this.causal = isCausal(shown.data(), shown.kind());
    this.weights = cut(attention.weights(), rows, columns.start(), columns.length());
    this.headSize = attention.headSize();
    if (attention.hasVectors()) {
      this.queries = cut(attention.queries().orElseThrow(), rows, 0, headSize);
      this.keys = cut(attention.keys().orElseThrow(), columns, 0, headSize);
    } else {
      this.queries = null;
      this.keys = null;
    }
  }

  /**
   * Cuts the head {@code (layer, head)} out of what the views show: the kind, the rows and columns
   * of the pair filter and the token labels of {@code shown}.
   *
   * @throws IllegalArgumentException with a message for the user if the data has no such layer or
   *     head
   */
  static NeuronSlice of(ShownAttention shown, int layer, int head) {
    Objects.requireNonNull(shown, "shown");
    checkInData("layer", layer, shown.attention().layerCount());
    checkInData("head", head, shown.attention().headCount());
    return new NeuronSlice(shown, layer, head);
  }

  /**
   * Whether query {@code i} of {@code kind} may only see keys up to {@code i}: in decoder-only
   * models, and in the decoder self-attention of encoder-decoder models.
   */
  static boolean isCausal(AttentionData data, AttentionKind kind) {
    return data.model().causal() || kind == AttentionKind.DECODER;
  }

  private static void checkInData(String what, int index, int count) {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          what
              + " "
              + index
              + " is not in this data: it has "
              + count
              + " "
              + what
              + "s (0 to "
              + (count - 1)
              + ")");
    }
  }

  private float[] cut(Tensor4D tensor, Range rowRange, int from, int length) {
    float[] row = new float[tensor.dim3()];
    float[] result = new float[rowRange.length() * length];
    for (int r = 0; r < rowRange.length(); r++) {
      tensor.copyRow(layer, head, rowRange.start() + r, row, 0);
      System.arraycopy(row, from, result, r * length, length);
    }
    return result;
  }

  /** What the views show, which the slice was cut from. */
  ShownAttention shown() {
    return shown;
  }

  /** The weights shown, with the shown token labels, titled by layer, head and kind. */
  ShownMatrix shownMatrix() {
    float[] values = new float[rowCount() * columnCount()];
    for (int r = 0; r < rowCount(); r++) {
      for (int c = 0; c < columnCount(); c++) {
        values[r * columnCount() + c] = weight(r, c);
      }
    }
    AttentionKind kind = attention.kind();
    String suffix = kind == AttentionKind.SELF ? "" : " (" + kind.id() + ")";
    return new ShownMatrix(
        "Layer " + layer + ", Head " + head + suffix, queryLabels(), keyLabels(), values);
  }

  /** The attention the slice comes from. */
  Attention attention() {
    return attention;
  }

  /** The layer shown. */
  int layer() {
    return layer;
  }

  /** The head shown. */
  int head() {
    return head;
  }

  /** Number of heads in the layer (for the head colour). */
  int headCount() {
    return attention.headCount();
  }

  /** Number of query rows shown. */
  int rowCount() {
    return rows.length();
  }

  /** Number of key columns shown. */
  int columnCount() {
    return columns.length();
  }

  /** The data's token index of display row {@code row}. */
  int queryIndex(int row) {
    return rows.start() + Objects.checkIndex(row, rows.length());
  }

  /** The data's token index of display column {@code column}. */
  int keyIndex(int column) {
    return columns.start() + Objects.checkIndex(column, columns.length());
  }

  /** The display row of query token {@code index}, or -1 if the filter hides it. */
  int rowOf(int index) {
    return rows.contains(index) ? index - rows.start() : -1;
  }

  /** The display column of key token {@code index}, or -1 if the filter hides it. */
  int columnOf(int index) {
    return columns.contains(index) ? index - columns.start() : -1;
  }

  /** Display text of the query tokens shown. */
  List<String> queryLabels() {
    return shown.rowLabels();
  }

  /** Display text of the key tokens shown. */
  List<String> keyLabels() {
    return shown.columnLabels();
  }

  /** Whether query and key vectors are present. */
  boolean hasVectors() {
    return queries != null;
  }

  /** Size of the head's vectors, 0 without vectors. */
  int headSize() {
    return headSize;
  }

  /** Whether the model is causal: later keys are invisible to a query. */
  boolean isCausal() {
    return causal;
  }

  /** The model's own weight from row {@code row} to column {@code column}. */
  float weight(int row, int column) {
    return weights[
        Objects.checkIndex(row, rowCount()) * columnCount()
            + Objects.checkIndex(column, columnCount())];
  }

  /** {@code q[row][dim]}. */
  float query(int row, int dim) {
    return vectors(queries)[
        Objects.checkIndex(row, rowCount()) * headSize + Objects.checkIndex(dim, headSize)];
  }

  /** {@code k[column][dim]}. */
  float key(int column, int dim) {
    return vectors(keys)[
        Objects.checkIndex(column, columnCount()) * headSize + Objects.checkIndex(dim, headSize)];
  }

  /** A copy of the query vector of {@code row}. */
  float[] queryVector(int row) {
    int from = Objects.checkIndex(row, rowCount()) * headSize;
    return Arrays.copyOfRange(vectors(queries), from, from + headSize);
  }

  /** A copy of the key vector of {@code column}. */
  float[] keyVector(int column) {
    int from = Objects.checkIndex(column, columnCount()) * headSize;
    return Arrays.copyOfRange(vectors(keys), from, from + headSize);
  }

  /** {@code q[row][dim] · k[column][dim]}, exact. */
  double product(int row, int column, int dim) {
    return (double) query(row, dim) * key(column, dim);
  }

  /** Whether query {@code row} can see key {@code column} (always, unless the model is causal). */
  boolean visible(int row, int column) {
    return !causal || keyIndex(column) <= queryIndex(row);
  }

  /**
   * The scaled scores {@code (q_i · k_j) / sqrt(d)} of {@code row} for every shown column, computed
   * by {@link AttentionScores} from the data's own vectors. The last row asked for is cached, since
   * painting and tooltips ask for it again and again.
   *
   * @throws IllegalStateException without vectors
   */
  double[] scores(int row) {
    vectors(queries);
    if (row != cachedScoreRow) {
      double[] all = AttentionScores.scaledScores(attention, layer, head, queryIndex(row));
      cachedScores = Arrays.copyOfRange(all, columns.start(), columns.end());
      cachedScoreRow = row;
    }
    return cachedScores.clone();
  }

  /** The visible column with the largest weight for {@code row}; ties go to the first. */
  int strongestColumn(int row) {
    int best = -1;
    for (int c = 0; c < columnCount(); c++) {
      if (visible(row, c) && (best < 0 || weight(row, c) > weight(row, best))) {
        best = c;
      }
    }
    return best;
  }

  private static float[] vectors(float[] array) {
    if (array == null) {
      throw new IllegalStateException("this data has no query and key vectors");
    }
    return array;
  }
}
