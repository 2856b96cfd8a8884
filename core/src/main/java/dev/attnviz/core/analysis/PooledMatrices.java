package dev.attnviz.core.analysis;

import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.internal.KnownValidHeads;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Makes the result of a {@link TokenPooling} whose matrices are computed when something first reads
 * them ({@link Tensor4D#ofComputedMatrices}): ticking "Hide special tokens" or "Word level" then
 * costs only what the views show (one layer in the head view, one head in the neuron view) instead
 * of a pass over every weight (docs/PERFORMANCE.md, "Display transforms"). Each computation also
 * says whether its weights are all valid; those verdicts are kept, so that the per-head check of
 * the attention built from the result reads only a head found wanting ({@link KnownValidHeads}).
 */
final class PooledMatrices {

  private static final int UNKNOWN = 0;
  private static final int VALID = 1;
  private static final int INVALID = 2;

  private PooledMatrices() {}

  /** Computes the pooled matrix of one layer and head; thread-safe. */
  @FunctionalInterface
  interface Computation {

    /**
     * Writes the pooled matrix {@code [layer][head]} into {@code dest} from {@code destPos}.
     *
     * @return whether every weight written is valid
     */
    boolean compute(int layer, int head, float[] dest, int destPos);
  }

  /**
   * The pooled weights of {@code layers × heads} matrices of {@code rows × columns}, each computed
   * by {@code computation} when first read.
   */
  static TokenPooling.Pooled of(
      int layers, int heads, int rows, int columns, Computation computation) {
    AtomicIntegerArray verdicts = new AtomicIntegerArray(layers * heads);
    // The source (and the input it reads) is dropped by the tensor once every matrix is computed;
    // the verdicts outlive it, held by the attention's checks, and hold only the result.
    Tensor4D pooled =
        Tensor4D.ofComputedMatrices(
            layers,
            heads,
            rows,
            columns,
            (layer, head, dest, destPos) -> {
              boolean valid = computation.compute(layer, head, dest, destPos);
              verdicts.set(layer * heads + head, valid ? VALID : INVALID);
            });
    KnownValidHeads known =
        (layer, head) -> {
          int index = layer * heads + head;
          if (verdicts.get(index) == UNKNOWN) {
            // Reading the matrix computes it (here, or on another thread that got there first,
            // which set the verdict before it published the matrix, and this one waited for it).
            pooled.matrix(layer, head);
          }
          return verdicts.get(index) == VALID;
        };
    return new TokenPooling.Pooled(pooled, known);
  }
}
