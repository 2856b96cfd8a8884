package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.Tensor4D;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The mean of the attention matrices of a set of heads in one layer: {@code M[i][j] = (1/|S|) ·
 * Σ_{h ∈ S} a_h[i][j]} for the set {@code S} of chosen heads, summed in double precision. Since
 * every head's rows sum to 1, so do the rows of the mean.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeadMean {

  private HeadMean() {}

  /**
   * Returns the mean over the heads in {@code heads} of layer {@code layer}, a {@code queries ×
   * keys} matrix. The heads form a set: a head listed twice counts once.
   *
   * @param attention the attention; not null
   * @param layer the layer, from 0 to {@code layerCount() - 1}
   * @param heads the heads to average, each from 0 to {@code headCount() - 1}; not null
   * @return a new {@code queries × keys} matrix of the mean weights, each from 0 to 1
   * @throws IllegalArgumentException if {@code heads} is empty or a chosen head has invalid values
   *     ({@link Attention#problem})
   * @throws IndexOutOfBoundsException if the layer or a head is out of range
   */
  public static Matrix of(Attention attention, int layer, Collection<Integer> heads) {
    Objects.requireNonNull(attention, "attention");
    Objects.requireNonNull(heads, "heads");
    Objects.checkIndex(layer, attention.layerCount());
    BitSet chosen = new BitSet(attention.headCount());
    for (Integer head : heads) {
      chosen.set(Objects.checkIndex(Objects.requireNonNull(head, "head"), attention.headCount()));
    }
    for (int head = chosen.nextSetBit(0); head >= 0; head = chosen.nextSetBit(head + 1)) {
      attention.problem(layer, head).ifPresent(HeadMean::fail);
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "choose at least one head for the mean of layer " + layer + "; none was given");
    }
    Tensor4D weights = attention.weights();
    int rows = weights.dim2();
    int cols = weights.dim3();
    double[] sum = new double[Math.multiplyExact(rows, cols)];
    float[] row = new float[cols];
    for (int head = chosen.nextSetBit(0); head >= 0; head = chosen.nextSetBit(head + 1)) {
      for (int i = 0; i < rows; i++) {
        weights.copyRow(layer, head, i, row, 0);
        for (int j = 0; j < cols; j++) {
          sum[i * cols + j] += row[j];
        }
      }
    }
    int count = chosen.cardinality();
    for (int p = 0; p < sum.length; p++) {
      sum[p] /= count;
    }
    return new Matrix(rows, cols, sum);
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException(problem);
  }

  /**
   * Returns the mean over every head of layer {@code layer}.
   *
   * @param attention the attention; not null
   * @param layer the layer, from 0 to {@code layerCount() - 1}
   * @return a new {@code queries × keys} matrix of the mean weights
   * @throws IndexOutOfBoundsException if the layer is out of range
   */
  public static Matrix ofAllHeads(Attention attention, int layer) {
    Objects.requireNonNull(attention, "attention");
    return of(attention, layer, IntStream.range(0, attention.headCount()).boxed().toList());
  }
}
