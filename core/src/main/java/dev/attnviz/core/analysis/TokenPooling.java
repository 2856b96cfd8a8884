package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.internal.KnownValidHeads;
import dev.attnviz.core.internal.TrustedAttention;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one computation behind {@link SpecialTokens} and {@link WordAggregation}: weights regrouped
 * along {@link TokenMapping}s of the query and key axes, and the same regrouping applied to every
 * kind of an {@link AttentionData}.
 */
final class TokenPooling {

  private TokenPooling() {}

  /**
   * Pooled weights, computed matrix by matrix when first read ({@link
   * Tensor4D#ofComputedMatrices}), and what their computation learnt of their validity.
   */
  record Pooled(Tensor4D weights, KnownValidHeads verdicts) {

    /**
     * Whether every pooled weight is a valid weight ({@link Attention#isValidWeight}); computes
     * every matrix not computed yet.
     */
    boolean valid() {
      for (int l = 0; l < weights.dim0(); l++) {
        for (int h = 0; h < weights.dim1(); h++) {
          if (!verdicts.knownValid(l, h)) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * Builds {@code builder}, holding these weights, with each head checked when first looked at
     * ({@link Attention#problem}) and read for the check only if its computation found a weight
     * that is not valid, so that the check names it.
     */
    Attention build(Attention.Builder builder) {
      return TrustedAttention.buildCheckedPerHead(builder, verdicts);
    }
  }

  /**
   * Returns {@code W[u][v] = mean_{i ∈ Q_u} Σ_{j ∈ K_v} a_ij} for every layer and head, where
   * {@code Q_u} and {@code K_v} are the original tokens of new query {@code u} and new key {@code
   * v}; if {@code renormalize}, each row is then divided by its sum, and a row summing to 0 stays
   * 0. Accumulates in double precision, each sum in the order of the original keys, then queries.
   * Re-normalized rows of single queries and keys (hiding special tokens) are multiplied by the
   * float reciprocal of their sum instead, within 2 ulp of the division, and must come from valid
   * weights (see {@code MatrixPooling.scaleRows}). Means of words ({@link MeanPooling}) are the
   * same floats, except rows of words of two query pieces, summed in floats: within 2 ulp.
   *
   * <p>The views run this when an option is ticked, so it is written for speed
   * (docs/PERFORMANCE.md): nothing is computed here; each matrix is pooled when something first
   * reads it ({@link PooledMatrices}), so a view pays for what it shows. Within a matrix, each key
   * group is a contiguous run summed in place (a plain gather when every group is one key, as when
   * special tokens are hidden; one read from a row and its sums of neighbouring keys for words of
   * one or two pieces, see {@link MeanPooling}); each new row is computed in a small array and
   * written whole; the result is checked on the way (or valid by construction), so that the {@link
   * Attention} made from it need not read it again. Where every new token is its original one and
   * nothing is re-normalized (word level of a text without sub-word pieces), each matrix is the
   * original one, shared, unless it holds a weight {@code -0} (which the sums turn into 0).
   *
   * <p>{@code weights} must be valid ({@link Attention#requireValidValues}, which every caller runs
   * first): the results are checked, or known valid, on that assumption. They are read when the
   * pooled matrices are, so they must stay as they are (as every {@link Tensor4D} does).
   */
  static Pooled pool(
      Tensor4D weights, TokenMapping queries, TokenMapping keys, boolean renormalize) {
    if (!renormalize && queries.isIdentity() && keys.isIdentity()) {
      return PooledMatrices.of(
          weights.dim0(),
          weights.dim1(),
          weights.dim2(),
          weights.dim3(),
          (layer, head, dest, destPos) ->
              withoutNegativeZeros(weights, layer, head, dest, destPos));
    }
    int cols = keys.size();
    int[] keyStart = new int[cols];
    int[] keyEnd = new int[cols];
    boolean singleKeys = true;
    for (int v = 0; v < cols; v++) {
      keyStart[v] = keys.originalStart(v);
      keyEnd[v] = keys.originalEnd(v);
      singleKeys &= keyEnd[v] - keyStart[v] == 1;
    }
    int[] queryStart = new int[queries.size()];
    int[] queryEnd = new int[queries.size()];
    boolean singleQueries = true;
    for (int u = 0; u < queryStart.length; u++) {
      queryStart[u] = queries.originalStart(u);
      queryEnd[u] = queries.originalEnd(u);
      singleQueries &= queryEnd[u] - queryStart[u] == 1;
    }
    MatrixPooling pooling =
        new MatrixPooling(
            weights.dim3(),
            queryStart,
            queryEnd,
            keyStart,
            keyEnd,
            singleKeys,
            renormalize,
            KeyRuns.of(keyStart, singleKeys),
            // Means of words; single tokens alone are copied run by run (poolBlocks).
            renormalize || (singleKeys && singleQueries)
                ? null
                : new MeanPooling(weights.dim3(), queryStart, queryEnd, keyStart, keyEnd));
    int rows = queryStart.length;
    return PooledMatrices.of(
        weights.dim0(),
        weights.dim1(),
        rows,
        cols,
        (layer, head, dest, destPos) ->
            weights.readMatrix(layer, head, matrix -> pooling.pool(matrix, dest, destPos)));
  }

  /**
   * Copies the matrix {@code [layer][head]} of valid {@code weights} into {@code dest} as word
   * level of a text without pieces leaves it: the same weights, except that {@code -0}, which the
   * sums would turn into 0, becomes 0 ({@code + 0f} changes nothing else).
   *
   * @return true: the weights are valid
   */
  private static boolean withoutNegativeZeros(
      Tensor4D weights, int layer, int head, float[] dest, int destPos) {
    return weights.readMatrix(
        layer,
        head,
        matrix -> {
          int count = matrix.remaining();
          matrix.get(0, dest, destPos, count);
          for (int i = destPos; i < destPos + count; i++) {
            dest[i] = dest[i] + 0f;
          }
          return true;
        });
  }

  /**
   * Sets {@code sum[v]} to {@code Σ_{i ∈ [first, last)} Σ_{j ∈ [keyStart[v], keyEnd[v])} a_ij} of
   * {@code matrix} (rows of {@code originalKeys}), summed in doubles from 0 over {@code i}, then
   * {@code j}, in their order; {@code buffer} holds one row.
   */
  static void blockSums(
      FloatBuffer matrix,
      int originalKeys,
      int first,
      int last,
      int[] keyStart,
      int[] keyEnd,
      float[] buffer,
      double[] sum) {
    Arrays.fill(sum, 0);
    for (int i = first; i < last; i++) {
      matrix.get(i * originalKeys, buffer, 0, originalKeys);
      for (int v = 0; v < keyStart.length; v++) {
        double s = sum[v];
        for (int j = keyStart[v]; j < keyEnd[v]; j++) {
          s += buffer[j];
        }
        sum[v] = s;
      }
    }
  }

  /**
   * The sum of {@code row} in doubles, in eight interleaved chains so that each addition need not
   * wait for the one before (doubles hold every partial sum of floats in [0, 1] of a row to far
   * better than float precision, so the order does not show in the result).
   */
  static double rowSum(float[] row) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s5 = 0;
    double s6 = 0;
    double s7 = 0;
    int v = 0;
    for (; v + 7 < row.length; v += 8) {
      s0 += row[v];
      s1 += row[v + 1];
      s2 += row[v + 2];
      s3 += row[v + 3];
      s4 += row[v + 4];
      s5 += row[v + 5];
      s6 += row[v + 6];
      s7 += row[v + 7];
    }
    for (; v < row.length; v++) {
      s0 += row[v];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  /** How one {@code [query][key]} matrix is pooled; shared by the tasks, read only. */
  private record MatrixPooling(
      int originalKeys,
      int[] queryStart,
      int[] queryEnd,
      int[] keyStart,
      int[] keyEnd,
      boolean singleKeys,
      boolean renormalize,
      KeyRuns runs,
      MeanPooling means) {

    /** How many new rows are pooled together, so that their row sums run side by side. */
    private static final int BLOCK = 4;

    /**
     * Pools {@code matrix} into {@code pooled} from {@code offset}, row-major.
     *
     * @return whether every pooled weight is valid
     */
    boolean pool(FloatBuffer matrix, float[] pooled, int offset) {
      if (renormalize && runs != null && singleQueries(0, queryStart.length)) {
        return scaleRows(matrix, pooled, offset);
      }
      if (means != null) {
        return means.pool(matrix, pooled, offset);
      }
      return poolBlocks(matrix, pooled, offset);
    }

    /**
     * Hiding special tokens: each new row is the kept part of one original row, copied run by run
     * and multiplied by the float reciprocal of its sum (a sum in doubles). That is within 2 ulp of
     * the division in doubles of {@link #poolBlocks} ({@code TokenPoolingTest} holds it to a
     * relative 3e-7 of a reference computed in doubles), and it costs a copy and a multiplication
     * that C2 vectorises instead of a conversion and a division per weight.
     *
     * <p>The results are not checked one by one (a least/greatest loop doubled the time, as C2 does
     * not vectorise it): they are valid because the original weights are, which {@link
     * SpecialTokens#hide} checks first. A kept weight {@code w} in {@code [0, 1 + tolerance]} is at
     * most the sum {@code s} of the kept weights, so {@code w × fl(1/s)} lies in {@code [0, 1 +
     * 2^-22]}. Only a sum too small for its float reciprocal (below about 3e-39) takes the division
     * in doubles, and a row summing to 0 stays 0. Should a sum not be a finite number after all (an
     * unchecked NaN or infinity), the matrix is pooled again by {@link #poolBlocks}, which checks
     * every result.
     */
    private boolean scaleRows(FloatBuffer matrix, float[] pooled, int offset) {
      int cols = keyStart.length;
      float[] out = new float[cols];
      for (int u = 0; u < queryStart.length; u++) {
        runs.copy(matrix, queryStart[u] * originalKeys, out);
        double sum = rowSum(out);
        float reciprocal = (float) (1 / sum);
        if (sum > 0 && reciprocal < Float.POSITIVE_INFINITY) {
          // + 0f turns -0 into 0, as the sums in doubles of poolBlocks do, and changes nothing
          // else.
          for (int v = 0; v < cols; v++) {
            out[v] = out[v] * reciprocal + 0f;
          }
        } else if (sum > 0 && sum < Double.POSITIVE_INFINITY) {
          for (int v = 0; v < cols; v++) {
            out[v] = (float) ((0.0 + out[v]) / sum);
          }
        } else if (sum == 0) {
          // Nothing to distribute (every kept weight is 0 or -0): the row stays 0.
          Arrays.fill(out, 0f);
        } else {
          return poolBlocks(matrix, pooled, offset);
        }
        System.arraycopy(out, 0, pooled, offset + u * cols, cols);
      }
      return true;
    }

    /**
     * Pools {@code matrix} four new rows at a time, sums and divisions in doubles.
     *
     * <p>The results are checked row by row, cheaply, from valid original weights: a weight copied
     * from one original weight is valid. A pooled weight {@code fl(s_v / d)} is at least 0 and at
     * most {@code fl(r / d)}, where {@code r} is the row's sum of the {@code s_v} in doubles
     * (adding weights of at least 0 never lowers a rounded sum, and division and conversion round
     * monotonically); so a row whose {@code fl(r / d)} is a valid weight needs no further check.
     * Only other rows (a file's rows may sum above 1) are checked weight by weight, as a least and
     * greatest weight loop that C2 does not vectorise.
     *
     * @return whether every pooled weight is valid
     */
    private boolean poolBlocks(FloatBuffer matrix, float[] pooled, int offset) {
      int rows = queryStart.length;
      int cols = keyStart.length;
      float[] original = new float[originalKeys];
      double[][] sums = new double[BLOCK][cols];
      double[] rowSums = new double[BLOCK];
      float[] out = new float[cols];
      // The least and greatest weight written (Math.min and Math.max pass NaN on).
      float min = 0f;
      float max = 0f;
      for (int block = 0; block < rows; block += BLOCK) {
        int count = Math.min(BLOCK, rows - block);
        if (!renormalize && singleKeys && count == BLOCK && singleQueries(block, count)) {
          // Each new weight is a valid original one: (float) (0.0 + w) is w + 0f (which turns -0
          // into 0), copied run by run.
          for (int u = block; u < block + count; u++) {
            runs.copy(matrix, queryStart[u] * originalKeys, out);
            for (int v = 0; v < cols; v++) {
              out[v] = out[v] + 0f;
            }
            System.arraycopy(out, 0, pooled, offset + u * cols, cols);
          }
          continue;
        }
        for (int b = 0; b < count; b++) {
          sum(matrix, block + b, original, sums[b]);
        }
        rowSums(sums, count, cols, rowSums);
        for (int b = 0; b < count; b++) {
          int u = block + b;
          double[] sum = sums[b];
          double divisor = queryEnd[u] - queryStart[u];
          if (renormalize) {
            // A row with no weight left has nothing to distribute; it stays all zeros.
            divisor = rowSums[b] > 0 ? rowSums[b] : 1;
          }
          if (divisor != 1) {
            // Dividing by 1 changes nothing; this loop is vectorised, unlike one that converts.
            for (int v = 0; v < cols; v++) {
              sum[v] = sum[v] / divisor;
            }
          }
          for (int v = 0; v < cols; v++) {
            out[v] = (float) sum[v];
          }
          if (!Attention.isValidWeight((float) (rowSums[b] / divisor))) {
            for (int v = 0; v < cols; v++) {
              min = Math.min(min, out[v]);
              max = Math.max(max, out[v]);
            }
          }
          System.arraycopy(out, 0, pooled, offset + u * cols, cols);
        }
      }
      return Attention.isValidWeight(min) && Attention.isValidWeight(max);
    }

    private boolean singleQueries(int block, int count) {
      for (int u = block; u < block + count; u++) {
        if (queryEnd[u] - queryStart[u] != 1) {
          return false;
        }
      }
      return true;
    }

    /**
     * Sets {@code sum[v]} to {@code Σ_{i ∈ Q_u} Σ_{j ∈ K_v} a_ij}, summed from 0 over {@code i},
     * then {@code j}, in their order.
     */
    private void sum(FloatBuffer matrix, int u, float[] original, double[] sum) {
      int cols = keyStart.length;
      int first = queryStart[u];
      int last = queryEnd[u];
      if (last - first == 1 && singleKeys) {
        matrix.get(first * originalKeys, original, 0, originalKeys);
        for (int v = 0; v < cols; v++) {
          sum[v] = 0.0 + original[keyStart[v]];
        }
        return;
      }
      blockSums(matrix, originalKeys, first, last, keyStart, keyEnd, original, sum);
    }

    /**
     * Sets {@code rowSums[b]} to the sum of {@code sums[b]} from 0 in column order, for the first
     * {@code count} rows; a full block's four sums run in one loop, side by side, so that each
     * addition need not wait for the one before.
     */
    private static void rowSums(double[][] sums, int count, int cols, double[] rowSums) {
      if (count == BLOCK) {
        double[] s0 = sums[0];
        double[] s1 = sums[1];
        double[] s2 = sums[2];
        double[] s3 = sums[3];
        double r0 = 0;
        double r1 = 0;
        double r2 = 0;
        double r3 = 0;
        for (int v = 0; v < cols; v++) {
          r0 += s0[v];
          r1 += s1[v];
          r2 += s2[v];
          r3 += s3[v];
        }
        rowSums[0] = r0;
        rowSums[1] = r1;
        rowSums[2] = r2;
        rowSums[3] = r3;
        return;
      }
      for (int b = 0; b < count; b++) {
        double r = 0;
        for (int v = 0; v < cols; v++) {
          r += sums[b][v];
        }
        rowSums[b] = r;
      }
    }
  }

  /**
   * The kept keys of a mapping where every new key is one original key, as runs of consecutive
   * original keys (hiding {@code [CLS]} and {@code [SEP]} leaves one run), so that a row is copied
   * with a few bulk reads instead of a gather.
   */
  private record KeyRuns(int[] from, int[] to, int[] length) {

    /** The runs of {@code keyStart}, or null unless every new key is one original key. */
    static KeyRuns of(int[] keyStart, boolean singleKeys) {
      if (!singleKeys) {
        return null;
      }
      int[] from = new int[keyStart.length];
      int[] to = new int[keyStart.length];
      int[] length = new int[keyStart.length];
      int count = 0;
      for (int v = 0; v < keyStart.length; v++) {
        if (count > 0 && keyStart[v] == from[count - 1] + length[count - 1]) {
          length[count - 1]++;
        } else {
          from[count] = keyStart[v];
          to[count] = v;
          length[count] = 1;
          count++;
        }
      }
      return new KeyRuns(
          Arrays.copyOf(from, count), Arrays.copyOf(to, count), Arrays.copyOf(length, count));
    }

    /** Copies the kept keys of the row starting at {@code rowStart} of {@code matrix} to row. */
    void copy(FloatBuffer matrix, int rowStart, float[] row) {
      for (int r = 0; r < from.length; r++) {
        matrix.get(rowStart + from[r], row, to[r], length[r]);
      }
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
