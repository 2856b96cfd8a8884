package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Word level's pooling of one {@code [query][key]} matrix, {@code W[u][v] = mean_{i ∈ Q_u} Σ_{j ∈
 * K_v} a_ij}, written for speed where words have one or two pieces (docs/PERFORMANCE.md, "Display
 * transforms", sixth round).
 *
 * <p>A new row is built from one original row (a word of one piece) or the float sum of two (a word
 * of two pieces, a loop C2 vectorises); the sums of every two neighbouring keys go in front of it
 * in one array (also vectorised, as the sum of the row and the row shifted by one key); each new
 * key of one or two pieces is then one read from that array, through a table made once. Rows of
 * three or more pieces and keys of three or more pieces are summed in doubles, in the order of the
 * original queries, then keys.
 *
 * <p>Rounding: a word of one query piece gives the same floats as a sum in doubles (the sum of two
 * floats in doubles is exact, or rounds to the larger one, whichever way it is rounded to float); a
 * word of two query pieces rounds twice in floats before the exact halving, so it lies within about
 * 2 × 2^-24 relative of the sum in doubles ({@code TokenPoolingTest} holds it to 3e-7 relative,
 * plus the least subnormal float). {@code -0} becomes {@code 0}, as in the sums.
 *
 * <p>Read only once made; one instance serves every matrix of a pooling, from several threads.
 */
final class MeanPooling {

  private final int originalKeys;
  private final int[] queryStart;
  private final int[] queryEnd;
  private final int[] keyStart;
  private final int[] keyEnd;

  /**
   * Where each new key of one or two pieces reads its value in the array of a new row: {@code
   * originalKeys} plus the key's original index, or {@code start} for the sum of the pair starting
   * at {@code start}; {@code 2 × originalKeys} (a zero) for a key of more pieces, written
   * afterwards.
   */
  private final int[] source;

  /** The new keys of three or more pieces. */
  private final int[] longKeys;

  /**
   * Makes the pooling of matrices with {@code originalKeys} keys, new query {@code u} the mean of
   * original rows {@code [queryStart[u], queryEnd[u])} and new key {@code v} the sum of original
   * keys {@code [keyStart[v], keyEnd[v])}.
   */
  MeanPooling(int originalKeys, int[] queryStart, int[] queryEnd, int[] keyStart, int[] keyEnd) {
    this.originalKeys = originalKeys;
    this.queryStart = queryStart;
    this.queryEnd = queryEnd;
    this.keyStart = keyStart;
    this.keyEnd = keyEnd;
    source = new int[keyStart.length];
    int[] longOnes = new int[keyStart.length];
    int longCount = 0;
    for (int v = 0; v < keyStart.length; v++) {
      int pieces = keyEnd[v] - keyStart[v];
      source[v] =
          pieces == 1 ? originalKeys + keyStart[v] : pieces == 2 ? keyStart[v] : 2 * originalKeys;
      if (pieces > 2) {
        longOnes[longCount++] = v;
      }
    }
    longKeys = Arrays.copyOf(longOnes, longCount);
  }

  /**
   * Pools {@code matrix} into {@code pooled} from {@code offset}, row-major. The weights of {@code
   * matrix} must be valid; a pooled row is then checked by its float sum, which is at least every
   * weight in it (the weights are at least 0, and rounding a sum of such floats never gives less
   * than a term), so only a row whose sum is not a valid weight is checked weight by weight.
   *
   * @return whether every pooled weight is valid
   */
  boolean pool(FloatBuffer matrix, float[] pooled, int offset) {
    int n = originalKeys;
    int cols = keyStart.length;
    float[] row = new float[n];
    // The row from its second key on: the sums of neighbouring keys then add two arrays at the
    // same index, which C2 vectorises (row[j] + row[j + 1] it does not).
    float[] shifted = new float[n];
    // [the sums of neighbouring keys (n - 1), 0 | the row (n) | 0]; the zeros are never written.
    float[] combined = new float[2 * n + 1];
    float[] out = new float[cols];
    boolean valid = true;
    for (int u = 0; u < queryStart.length; u++) {
      int first = queryStart[u];
      int pieces = queryEnd[u] - first;
      if (pieces > 2) {
        meanInDoubles(matrix, u, row, out);
      } else {
        matrix.get(first * n, row, 0, n);
        if (pieces == 2) {
          matrix.get((first + 1) * n, shifted, 0, n);
          for (int j = 0; j < n; j++) {
            row[j] += shifted[j];
          }
          System.arraycopy(row, 1, shifted, 0, n - 1);
        } else {
          matrix.get(first * n + 1, shifted, 0, n - 1);
        }
        for (int j = 0; j < n - 1; j++) {
          combined[j] = row[j] + shifted[j];
        }
        System.arraycopy(row, 0, combined, n, n);
        // + 0f turns -0 into 0, as a sum from 0 in doubles does, and changes nothing else.
        for (int v = 0; v < cols; v++) {
          out[v] = combined[source[v]] + 0f;
        }
        if (pieces == 2) {
          // Exact, as the division by 2 in doubles, except for subnormal results.
          for (int v = 0; v < cols; v++) {
            out[v] *= 0.5f;
          }
        }
        for (int v : longKeys) {
          out[v] = meanInDoubles(matrix, u, v);
        }
      }
      valid &= isValid(out);
      System.arraycopy(out, 0, pooled, offset + u * cols, cols);
    }
    return valid;
  }

  /** Sets {@code out} to new row {@code u}, summed in doubles; {@code buffer} holds one row. */
  private void meanInDoubles(FloatBuffer matrix, int u, float[] buffer, float[] out) {
    int cols = keyStart.length;
    double[] sum = new double[cols];
    TokenPooling.blockSums(
        matrix, originalKeys, queryStart[u], queryEnd[u], keyStart, keyEnd, buffer, sum);
    double pieces = queryEnd[u] - queryStart[u];
    for (int v = 0; v < cols; v++) {
      out[v] = (float) (sum[v] / pieces);
    }
  }

  /** New weight {@code [u][v]}, summed in doubles. */
  private float meanInDoubles(FloatBuffer matrix, int u, int v) {
    double s = 0;
    for (int i = queryStart[u]; i < queryEnd[u]; i++) {
      for (int j = keyStart[v]; j < keyEnd[v]; j++) {
        s += matrix.get(i * originalKeys + j);
      }
    }
    return (float) (s / (queryEnd[u] - queryStart[u]));
  }

  /**
   * Whether every weight of {@code row}, all at least 0, is valid: at once if their sum in doubles
   * (which rounds to no less than any of them) is a valid weight, else weight by weight.
   */
  private static boolean isValid(float[] row) {
    if (Attention.isValidWeight((float) TokenPooling.rowSum(row))) {
      return true;
    }
    for (float w : row) {
      if (!Attention.isValidWeight(w)) {
        return false;
      }
    }
    return true;
  }
}
