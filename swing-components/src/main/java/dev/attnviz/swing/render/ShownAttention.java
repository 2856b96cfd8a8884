package dev.attnviz.swing.render;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.core.TokenPrettifier;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenDisplay;
import dev.attnviz.swing.model.TokenRef;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the views show of the data for one state of the models: the attention of the selected kind,
 * the query rows and key columns that the sentence-pair filter keeps, the token labels as
 * displayed, and the layers and heads that are included.
 *
 * <p>"Rows" and "columns" are display positions (0 is the first shown query or key token); "shown
 * indexes" ({@link #queryIndex}, {@link #rowOf}) index the display data's tokens. {@link
 * TokenRef}s, as the selection holds them and as {@link #tokenAt} returns them, use the data's own
 * indexes (before hiding special tokens or joining words); {@link #positionOf} and {@link #tokenAt}
 * map between the two through the model's {@link TokenDisplay}. The weights are never copied:
 * {@link #matrix} returns a view of the data's memory. Immutable and thread-safe, so thumbnail
 * builders may use it off the EDT.
 */
public final class ShownAttention {

  private final AttentionData data;
  private final Attention attention;
  private final SentenceFilter.Range rows;
  private final SentenceFilter.Range columns;
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final int[] layers;
  private final int[] heads;
  private final TokenDisplay display;

  private ShownAttention(
      AttentionData data,
      AttentionKind kind,
      SentenceFilter filter,
      AttentionViewModel model,
      TokenDisplay display) {
    this.data = data;
    this.attention = data.attention(kind);
    this.rows = filter.rows(data, attention);
    this.columns = filter.columns(data, attention);
    boolean prettify = model.isPrettifyTokens();
    this.rowLabels = labels(attention.queryTokens(), rows, prettify);
    this.columnLabels = labels(attention.keyTokens(), columns, prettify);
    this.layers = model.visibleLayers(attention.layerCount());
    this.heads = model.visibleHeads(attention.headCount());
    this.display = display;
  }

  /**
   * Resolves what {@code model} and {@code selection} show; empty if the model has no data. The
   * data is the model's {@link AttentionViewModel#displayData() display data} (special tokens
   * hidden, words joined, as its options say). A kind the data lacks falls back to the data's first
   * kind.
   *
   * @param model the data model; its display data is shown
   * @param selection the kind, filter and layer to show
   * @return what is shown, or empty without data
   */
  public static Optional<ShownAttention> of(
      AttentionViewModel model, AttentionSelectionModel selection) {
    return of(model, selection, model.tokenDisplay());
  }

  /**
   * Like {@link #of(AttentionViewModel, AttentionSelectionModel)}, for a model holding data derived
   * from another model's display data (a rollout, a comparison's labels): {@code display} maps the
   * selection's data tokens to this data's tokens.
   *
   * @param model the model holding the derived data
   * @param selection the selection, in the original data's token indexes
   * @param display maps the selection's data tokens to this data's tokens
   * @return what is shown, or empty without data
   */
  public static Optional<ShownAttention> of(
      AttentionViewModel model, AttentionSelectionModel selection, TokenDisplay display) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(selection, "selection");
    AttentionData data = model.displayData();
    if (data == null) {
      return Optional.empty();
    }
    AttentionKind kind = data.has(selection.kind()) ? selection.kind() : data.primary().kind();
    return Optional.of(new ShownAttention(data, kind, selection.filter(), model, display));
  }

  private static List<String> labels(Tokens tokens, SentenceFilter.Range range, boolean prettify) {
    List<String> labels = new ArrayList<>(range.length());
    for (int i = range.start(); i < range.end(); i++) {
      labels.add(tokens.get(i));
    }
    // The whole sequence decides whether pieces are byte-level (TokenPrettifier.prettifyAll).
    return prettify ? TokenPrettifier.prettifyAll(labels) : List.copyOf(labels);
  }

  /**
   * The whole data shown: the model's display data.
   *
   * @return the display data; never null
   */
  public AttentionData data() {
    return data;
  }

  /**
   * The attention of the shown kind.
   *
   * @return the attention of {@link #kind()}
   */
  public Attention attention() {
    return attention;
  }

  /**
   * The shown kind.
   *
   * @return the kind shown: the selection's, or the data's first if it lacks that one
   */
  public AttentionKind kind() {
    return attention.kind();
  }

  /**
   * Number of shown query rows.
   *
   * @return the number of query rows the filter shows
   */
  public int rowCount() {
    return rows.length();
  }

  /**
   * Number of shown key columns.
   *
   * @return the number of key columns the filter shows
   */
  public int columnCount() {
    return columns.length();
  }

  /**
   * Data index of the first shown query.
   *
   * @return the data index of row 0
   */
  public int firstQuery() {
    return rows.start();
  }

  /**
   * Data index of the first shown key.
   *
   * @return the data index of column 0
   */
  public int firstKey() {
    return columns.start();
  }

  /**
   * The data index of the query at display row {@code row}.
   *
   * @param row a display row, 0 to {@code rowCount() - 1}
   * @return the query's index in the data
   */
  public int queryIndex(int row) {
    return rows.start() + Objects.checkIndex(row, rows.length());
  }

  /**
   * The data index of the key at display column {@code column}.
   *
   * @param column a display column, 0 to {@code columnCount() - 1}
   * @return the key's index in the data
   */
  public int keyIndex(int column) {
    return columns.start() + Objects.checkIndex(column, columns.length());
  }

  /**
   * The display row of data query {@code query}, or -1 if the filter hides it.
   *
   * @param query a query index in the data
   * @return its display row, or -1
   */
  public int rowOf(int query) {
    return rows.contains(query) ? query - rows.start() : -1;
  }

  /**
   * The display column of data key {@code key}, or -1 if the filter hides it.
   *
   * @param key a key index in the data
   * @return its display column, or -1
   */
  public int columnOf(int key) {
    return columns.contains(key) ? key - columns.start() : -1;
  }

  /**
   * The display position of data token {@code token} on its side, or -1 if it is not shown (hidden,
   * filtered out or out of range).
   *
   * @param token a data token; not null
   * @return its display row (query) or column (key), or -1
   */
  public int positionOf(TokenRef token) {
    int shown = shownIndex(token);
    if (shown < 0) {
      return -1;
    }
    return token.isQuery() ? rowOf(shown) : columnOf(shown);
  }

  /**
   * The index among the display data's tokens of data token {@code token} (its word, at word
   * level), or -1 if it is hidden.
   *
   * @param token a data token; not null
   * @return its index in the display data, or -1
   */
  public int shownIndex(TokenRef token) {
    return display.toShown(kind(), token.side(), token.index());
  }

  /**
   * The data token at display position {@code position} of {@code side}.
   *
   * @param side the side, query (rows) or key (columns)
   * @param position a display row or column
   * @return the data token shown there
   */
  public TokenRef tokenAt(TokenRef.Side side, int position) {
    int shown = side == TokenRef.Side.QUERY ? queryIndex(position) : keyIndex(position);
    return new TokenRef(side, display.toData(kind(), side, shown));
  }

  /**
   * Label of display row {@code row}, prettified if the model says so.
   *
   * @param row a display row
   * @return the label to draw
   */
  public String rowLabel(int row) {
    return rowLabels.get(row);
  }

  /**
   * Label of display column {@code column}.
   *
   * @param column a display column
   * @return the label to draw
   */
  public String columnLabel(int column) {
    return columnLabels.get(column);
  }

  /**
   * Labels of the shown rows.
   *
   * @return the labels, one per display row, in order
   */
  public List<String> rowLabels() {
    return rowLabels;
  }

  /**
   * Labels of the shown columns.
   *
   * @return the labels, one per display column, in order
   */
  public List<String> columnLabels() {
    return columnLabels;
  }

  /**
   * The label of data token {@code token} as shown.
   *
   * @param token a data token; not null
   * @return its label, as {@link #rowLabel} or {@link #columnLabel} draws it
   */
  public String label(TokenRef token) {
    int position = positionOf(token);
    if (position < 0) {
      Tokens tokens = token.isQuery() ? attention.queryTokens() : attention.keyTokens();
      int shown = shownIndex(token);
      return shown >= 0 && shown < tokens.size() ? tokens.get(shown) : "";
    }
    return token.isQuery() ? rowLabels.get(position) : columnLabels.get(position);
  }

  /**
   * The tokenizer's piece behind data token {@code token}, not prettified (e.g. {@code Ġcat} where
   * the label reads " cat"), or "" when the display has no such token.
   *
   * @param token a data token; not null
   * @return the raw piece, or ""
   */
  public String rawLabel(TokenRef token) {
    Tokens tokens = token.isQuery() ? attention.queryTokens() : attention.keyTokens();
    int shown = shownIndex(token);
    return shown >= 0 && shown < tokens.size() ? tokens.get(shown) : "";
  }

  /**
   * Number of layers in the data.
   *
   * @return the layer count of the shown attention
   */
  public int layerCount() {
    return attention.layerCount();
  }

  /**
   * Number of heads per layer in the data.
   *
   * @return the head count of the shown attention
   */
  public int headCount() {
    return attention.headCount();
  }

  /**
   * The included layers, original indexes, sorted; never empty.
   *
   * @return a copy of the shown layer indexes
   */
  public int[] visibleLayers() {
    return layers.clone();
  }

  /**
   * The included heads, original indexes, sorted; never empty.
   *
   * @return a copy of the shown head indexes
   */
  public int[] visibleHeads() {
    return heads.clone();
  }

  /**
   * The whole {@code [query][key]} matrix of one head (all tokens, not only the shown ones) as a
   * read-only view; index {@code query * keyStride() + key}.
   *
   * @param layer a layer index, 0-based
   * @param head a head index, 0-based
   * @return a read-only buffer of query count × key count weights
   */
  public FloatBuffer matrix(int layer, int head) {
    return attention.weights().matrix(layer, head);
  }

  /**
   * Lends {@link #matrix} to {@code pass}, for a pass over every weight of the head (a thumbnail):
   * read from a mapped file in one piece ({@link dev.attnviz.core.Tensor4D#readMatrix}).
   *
   * @param <R> what the pass returns
   * @param layer a layer index, 0-based
   * @param head a head index, 0-based
   * @param pass reads the buffer of query count × key count weights, valid only during the call
   * @return what {@code pass} returns
   */
  public <R> R readMatrix(int layer, int head, java.util.function.Function<FloatBuffer, R> pass) {
    return attention.weights().readMatrix(layer, head, pass);
  }

  /**
   * Distance between consecutive queries in {@link #matrix}: the key token count.
   *
   * @return the number of keys, the row length of {@link #matrix}
   */
  public int keyStride() {
    return attention.keyTokens().size();
  }

  /**
   * The weight at display row {@code row}, column {@code column}.
   *
   * @param layer a layer index, 0-based
   * @param head a head index, 0-based
   * @param row a display row
   * @param column a display column
   * @return the weight, 0 to 1
   */
  public float weight(int layer, int head, int row, int column) {
    return attention.weight(layer, head, queryIndex(row), keyIndex(column));
  }

  /**
   * The shown part of one layer, averaged over {@code heads}: {@code rowCount() × columnCount()}
   * values, row-major. With one head these are its raw weights.
   *
   * @param layer a layer index, 0-based
   * @param heads the heads to average; not empty
   * @return a new array of the mean weights
   * @throws IllegalArgumentException if {@code heads} is empty
   */
  public float[] meanMatrix(int layer, BitSet heads) {
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("heads must not be empty");
    }
    int rowCount = rowCount();
    int columnCount = columnCount();
    int stride = keyStride();
    float[] sum = new float[rowCount * columnCount];
    for (int h = heads.nextSetBit(0); h >= 0; h = heads.nextSetBit(h + 1)) {
      FloatBuffer matrix = matrix(layer, h);
      for (int r = 0; r < rowCount; r++) {
        int base = (rows.start() + r) * stride + columns.start();
        for (int c = 0; c < columnCount; c++) {
          sum[r * columnCount + c] += matrix.get(base + c);
        }
      }
    }
    int count = heads.cardinality();
    if (count > 1) {
      for (int p = 0; p < sum.length; p++) {
        sum[p] /= count;
      }
    }
    return sum;
  }

  /**
   * The shown matrix of {@code layer} for {@code heads}, titled, for CSV export.
   *
   * @param layer a layer index, 0-based
   * @param heads the heads to average; not empty
   * @return the matrix with its title and the shown labels
   */
  public ShownMatrix shownMatrix(int layer, BitSet heads) {
    return new ShownMatrix(
        matrixTitle(layer, heads), rowLabels, columnLabels, meanMatrix(layer, heads));
  }

  /**
   * A title such as "Layer 3, Head 1" or "Layer 3, mean of heads 0, 2, 5".
   *
   * @param layer a layer index, 0-based
   * @param heads the heads; one head names it, several say "mean of"
   * @return the English title (export files do not follow the locale)
   */
  public static String matrixTitle(int layer, BitSet heads) {
    if (heads.cardinality() == 1) {
      return "Layer " + layer + ", Head " + heads.nextSetBit(0);
    }
    return "Layer "
        + layer
        + ", mean of heads "
        + heads.stream().mapToObj(Integer::toString).collect(Collectors.joining(", "));
  }
}
