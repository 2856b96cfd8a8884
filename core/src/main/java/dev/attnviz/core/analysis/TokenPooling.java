package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The one computation behind {@link SpecialTokens} and {@link WordAggregation}: weights regrouped
 * along {@link TokenMapping}s of the query and key axes, and the same regrouping applied to every
 * kind of an {@link AttentionData}.
 */
final class TokenPooling {

  private TokenPooling() {}

  /**
   * Returns {@code W[u][v] = mean_{i ∈ Q_u} Σ_{j ∈ K_v} a_ij} for every layer and head, where
   * {@code Q_u} and {@code K_v} are the original tokens of new query {@code u} and new key {@code
   * v}; if {@code renormalize}, each row is then divided by its sum, and a row summing to 0 stays
   * 0. Accumulates in double precision.
   *
   * <p>The views run this on the Event Dispatch Thread when an option is ticked, so it is written
   * for speed (docs/PERFORMANCE.md): each original row is read once, straight from the tensor's
   * memory, and scattered into its new column through a lookup table; layers × heads are pooled in
   * parallel, each writing its own part of the result.
   */
  static Tensor4D pool(
      Tensor4D weights, TokenMapping queries, TokenMapping keys, boolean renormalize) {
    int rows = queries.size();
    int cols = keys.size();
    int originalKeys = weights.dim3();
    int[] columnOf = new int[originalKeys];
    for (int j = 0; j < originalKeys; j++) {
      columnOf[j] = keys.indexOf(j);
    }
    int heads = weights.dim1();
    Tensor4D.Builder pooled = Tensor4D.builder(weights.dim0(), heads, rows, cols);
    // Each task writes only the rows of its own matrix; the stream's end publishes them all.
    IntStream.range(0, weights.dim0() * heads)
        .parallel()
        .forEach(
            m ->
                poolMatrix(
                    weights.matrix(m / heads, m % heads),
                    originalKeys,
                    columnOf,
                    queries,
                    cols,
                    renormalize,
                    pooled,
                    m / heads,
                    m % heads));
    return pooled.build();
  }

  /**
   * Pools one {@code [query][key]} matrix into layer {@code l}, head {@code h} of {@code pooled}.
   */
  private static void poolMatrix(
      FloatBuffer matrix,
      int originalKeys,
      int[] columnOf,
      TokenMapping queries,
      int cols,
      boolean renormalize,
      Tensor4D.Builder pooled,
      int l,
      int h) {
    float[] original = new float[originalKeys];
    double[] sum = new double[cols];
    float[] out = new float[cols];
    int rows = queries.size();
    for (int u = 0; u < rows; u++) {
      Arrays.fill(sum, 0);
      int first = queries.originalStart(u);
      int last = queries.originalEnd(u);
      for (int i = first; i < last; i++) {
        matrix.get(i * originalKeys, original, 0, originalKeys);
        for (int j = 0; j < originalKeys; j++) {
          int v = columnOf[j];
          if (v >= 0) {
            sum[v] += original[j];
          }
        }
      }
      double divisor = last - first;
      if (renormalize) {
        double rowSum = 0;
        for (int v = 0; v < cols; v++) {
          rowSum += sum[v];
        }
        // A row with no weight left has nothing to distribute; it stays all zeros.
        divisor = rowSum > 0 ? rowSum : 1;
      }
      for (int v = 0; v < cols; v++) {
        out[v] = (float) (sum[v] / divisor);
      }
      pooled.setRow(l, h, u, out, 0);
    }
  }

  /**
   * Applies {@code transform} to every attention of {@code data}, keeping the model and truncation,
   * and moves the start of sentence B to where it lands under {@code mapping} of the pair tokens.
   * The pair marker is dropped if either sentence is left without tokens.
   */
  static AttentionData transformEach(
      AttentionData data,
      UnaryOperator<Attention> transform,
      Function<Tokens, TokenMapping> mapping) {
    AttentionData.Builder builder = AttentionData.builder().setModel(data.model());
    for (Attention attention : data.attentions()) {
      builder.addAttention(transform.apply(attention));
    }
    data.truncation().ifPresent(builder::optTruncation);
    if (data.sentenceBStart().isPresent()) {
      TokenMapping pair = mapping.apply(data.pairTokens());
      int start = pair.firstIndexFrom(data.sentenceBStart().getAsInt());
      if (start > 0 && start < pair.size()) {
        builder.optSentenceBStart(start);
      }
    }
    return builder.build();
  }
}
