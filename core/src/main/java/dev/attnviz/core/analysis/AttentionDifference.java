package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The difference {@code D = A − B} of two attentions of the same kind and shape, for every layer
 * and head: {@code D[l][h][i][j] = a_lhij − b_lhij}, in {@code [−1, 1]}. Used to compare two inputs
 * with the same token count ("The doctor asked the nurse a question. She" vs "… He"), or two models
 * or backends on the same input. Positive values mean A attends more.
 *
 * <p>Values are signed, so this is not an {@link Attention}. The tokens of both sides are kept for
 * labels; they may differ, only their counts must match. {@link #range()} gives the bounds of a
 * diverging colour scale. Immutable and thread-safe.
 */
public final class AttentionDifference {

  private final AttentionKind kind;
  private final Tokens queryTokensA;
  private final Tokens keyTokensA;
  private final Tokens queryTokensB;
  private final Tokens keyTokensB;
  private final Tensor4D values;
  private final ValueRange range;

  private AttentionDifference(Attention a, Attention b, Tensor4D values) {
    this.kind = a.kind();
    this.queryTokensA = a.queryTokens();
    this.keyTokensA = a.keyTokens();
    this.queryTokensB = b.queryTokens();
    this.keyTokensB = b.keyTokens();
    this.values = values;
    ValueRange all = ValueRange.EMPTY;
    for (int l = 0; l < values.dim0(); l++) {
      for (int h = 0; h < values.dim1(); h++) {
        all = all.union(ValueRange.of(values.matrix(l, h)));
      }
    }
    this.range = all;
  }

  /**
   * Returns {@code a − b}.
   *
   * @param a the attention subtracted from; not null
   * @param b the attention subtracted; same kind and shape as {@code a}, not null
   * @return the element-wise difference
   * @throws IllegalArgumentException if a head of either has invalid values ({@link
   *     Attention#problem}), if the kinds differ, or the numbers of layers, heads, query tokens or
   *     key tokens differ
   */
  public static AttentionDifference of(Attention a, Attention b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    a.requireValidValues();
    b.requireValidValues();
    if (a.kind() != b.kind()) {
      throw new IllegalArgumentException(
          "cannot subtract '"
              + b.kind().id()
              + "' attention from '"
              + a.kind().id()
              + "' attention");
    }
    Tensor4D wa = a.weights();
    Tensor4D wb = b.weights();
    if (wa.dim0() != wb.dim0()
        || wa.dim1() != wb.dim1()
        || wa.dim2() != wb.dim2()
        || wa.dim3() != wb.dim3()) {
      throw new IllegalArgumentException(
          "cannot compare "
              + a.kind().id()
              + " attention of different shapes: A has "
              + describe(wa)
              + ", B has "
              + describe(wb)
              + "; a difference needs the same layers, heads and token counts (use inputs that"
              + " tokenize to the same number of tokens)");
    }
    Tensor4D.Builder difference = Tensor4D.builder(wa.dim0(), wa.dim1(), wa.dim2(), wa.dim3());
    float[] rowA = new float[wa.dim3()];
    float[] rowB = new float[wa.dim3()];
    for (int l = 0; l < wa.dim0(); l++) {
      for (int h = 0; h < wa.dim1(); h++) {
        for (int i = 0; i < wa.dim2(); i++) {
          wa.copyRow(l, h, i, rowA, 0);
          wb.copyRow(l, h, i, rowB, 0);
          for (int j = 0; j < rowA.length; j++) {
            rowA[j] -= rowB[j];
          }
          difference.setRow(l, h, i, rowA, 0);
        }
      }
    }
    return new AttentionDifference(a, b, difference.build());
  }

  /**
   * Returns the difference of the attentions of {@code kind} in {@code a} and {@code b}.
   *
   * @param a the result subtracted from; not null
   * @param b the result subtracted; not null
   * @param kind the kind to compare
   * @return the difference of that kind
   * @throws IllegalArgumentException if either lacks the kind or the shapes differ
   */
  public static AttentionDifference of(AttentionData a, AttentionData b, AttentionKind kind) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return of(a.attention(kind), b.attention(kind));
  }

  /**
   * Returns the difference of every kind, in {@link AttentionKind} order.
   *
   * @param a the result subtracted from; not null
   * @param b the result subtracted, with the same kinds; not null
   * @return one difference per kind, in {@link AttentionKind} order; unmodifiable
   * @throws IllegalArgumentException if the two results have different kinds or a shape differs
   */
  public static Map<AttentionKind, AttentionDifference> ofEveryKind(
      AttentionData a, AttentionData b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (!a.kinds().equals(b.kinds())) {
      throw new IllegalArgumentException(
          "cannot compare results with different attention kinds: A has "
              + a.kindList()
              + ", B has "
              + b.kindList());
    }
    Map<AttentionKind, AttentionDifference> differences = new EnumMap<>(AttentionKind.class);
    for (AttentionKind kind : a.kinds()) {
      differences.put(kind, of(a.attention(kind), b.attention(kind)));
    }
    return Collections.unmodifiableMap(differences);
  }

  private static String describe(Tensor4D weights) {
    return weights.dim0()
        + " layers, "
        + weights.dim1()
        + " heads, "
        + weights.dim2()
        + " query and "
        + weights.dim3()
        + " key tokens";
  }

  /** {@return the kind of both attentions} */
  public AttentionKind kind() {
    return kind;
  }

  /** {@return the query tokens of A} */
  public Tokens queryTokensA() {
    return queryTokensA;
  }

  /** {@return the key tokens of A} */
  public Tokens keyTokensA() {
    return keyTokensA;
  }

  /** {@return the query tokens of B} Same count as A's, possibly different strings. */
  public Tokens queryTokensB() {
    return queryTokensB;
  }

  /** {@return the key tokens of B} Same count as A's, possibly different strings. */
  public Tokens keyTokensB() {
    return keyTokensB;
  }

  /** {@return the number of layers} */
  public int layerCount() {
    return values.dim0();
  }

  /** {@return the number of heads per layer} */
  public int headCount() {
    return values.dim1();
  }

  /** {@return the differences {@code [layer][head][query][key]}, each {@code a − b}} */
  public Tensor4D values() {
    return values;
  }

  /**
   * One difference, {@code a − b} at {@code [layer][head][query][key]}.
   *
   * @param layer the layer, from 0 to {@link #layerCount()} - 1
   * @param head the head, from 0 to {@link #headCount()} - 1
   * @param query the query token, from 0
   * @param key the key token, from 0
   * @return the difference, from −1 to 1
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double get(int layer, int head, int query, int key) {
    return values.get(layer, head, query, key);
  }

  /**
   * The differences of one head, a {@code queries × keys} matrix.
   *
   * @param layer the layer, from 0 to {@link #layerCount()} - 1
   * @param head the head, from 0 to {@link #headCount()} - 1
   * @return a new matrix of the differences
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public Matrix matrix(int layer, int head) {
    float[] matrix = values.copyMatrix(layer, head);
    double[] widened = new double[matrix.length];
    for (int p = 0; p < matrix.length; p++) {
      widened[p] = matrix[p];
    }
    return new Matrix(values.dim2(), values.dim3(), widened);
  }

  /**
   * Smallest and largest difference over every layer and head; a diverging colour scale centred on
   * 0 runs from {@code −range().maxAbs()} to {@code +range().maxAbs()}.
   *
   * @return the range over all differences
   */
  public ValueRange range() {
    return range;
  }

  /**
   * Smallest and largest difference within one head.
   *
   * @param layer the layer, from 0 to {@link #layerCount()} - 1
   * @param head the head, from 0 to {@link #headCount()} - 1
   * @return the range of that head's differences
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public ValueRange range(int layer, int head) {
    return ValueRange.of(values.matrix(layer, head));
  }

  @Override
  public String toString() {
    return "AttentionDifference[" + kind.id() + " " + values.shape() + "]";
  }
}
