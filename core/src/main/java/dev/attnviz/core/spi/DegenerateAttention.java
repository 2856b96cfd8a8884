package dev.attnviz.core.spi;

import dev.attnviz.core.Attention;
import dev.attnviz.core.Tensor4D;
import java.nio.FloatBuffer;
import java.util.Optional;

/**
 * Recognises attention that a model cannot have meant: every row of every head exactly uniform over
 * the keys it sees. That is what a mask of all zeros (every key masked, so every score the same)
 * gives, as when an export mislabels its inputs and the token types reach the mask; drawn, it looks
 * like a plausible "the model attends evenly" picture, so providers refuse it instead.
 */
public final class DegenerateAttention {

  /** Relative spread below which the nonzero weights of a row count as equal. */
  static final float TOLERANCE = 1e-6f;

  private DegenerateAttention() {}

  /**
   * Returns why {@code attention} is degenerate, or empty if it is not. Rows with fewer than two
   * visible keys (a causal model's first row, a one-token input) prove nothing and are skipped; if
   * no row has two, the attention is not called degenerate.
   *
   * @param attention the attention a provider computed; not null
   * @return a sentence for the user saying what is wrong; empty if the attention is usable
   */
  public static Optional<String> check(Attention attention) {
    Tensor4D weights = attention.weights();
    boolean anyEvidence = false;
    for (int layer = 0; layer < weights.dim0(); layer++) {
      for (int head = 0; head < weights.dim1(); head++) {
        for (int query = 0; query < weights.dim2(); query++) {
          int verdict = uniform(weights.row(layer, head, query));
          if (verdict == NOT_UNIFORM) {
            return Optional.empty();
          }
          anyEvidence |= verdict == UNIFORM;
        }
      }
    }
    return anyEvidence
        ? Optional.of(
            "every head of every layer attends exactly uniformly ("
                + attention.kind().id()
                + " attention), which is what a model computes when its attention mask is all zeros")
        : Optional.empty();
  }

  private static final int NOT_UNIFORM = 0;
  private static final int UNIFORM = 1;
  private static final int TOO_FEW_KEYS = 2;

  private static int uniform(FloatBuffer row) {
    float min = Float.MAX_VALUE;
    float max = 0;
    int visible = 0;
    for (int i = row.position(); i < row.limit(); i++) {
      float value = row.get(i);
      if (value > 0) {
        visible++;
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
    }
    if (visible < 2) {
      return TOO_FEW_KEYS;
    }
    return max - min <= TOLERANCE * max ? UNIFORM : NOT_UNIFORM;
  }
}
