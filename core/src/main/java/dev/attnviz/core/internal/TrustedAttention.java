package dev.attnviz.core.internal;

import dev.attnviz.core.Attention;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Builds an {@link Attention} whose heads are checked when first looked at, asking first what the
 * transform that computed them learnt ({@link KnownValidHeads}), for the library's transforms that
 * compute new weights from weights already checked ({@code
 * dev.attnviz.core.analysis.TokenPooling}): the check in {@link Attention.Builder#build()} would
 * read every weight once more, and compute every head a view may never show. Shapes are still
 * checked. Not exported by the module; {@link Attention} installs the construction when its class
 * is initialized.
 */
public final class TrustedAttention {

  private static volatile BiFunction<Attention.Builder, KnownValidHeads, Attention> construction;

  private TrustedAttention() {}

  /**
   * Called once by {@link Attention}'s class initializer.
   *
   * @param checkedPerHead builds an attention whose heads are checked when first looked at, unless
   *     the given verdicts vouch for them
   */
  public static void install(
      BiFunction<Attention.Builder, KnownValidHeads, Attention> checkedPerHead) {
    if (construction != null) {
      throw new IllegalStateException("already installed");
    }
    construction = Objects.requireNonNull(checkedPerHead, "checkedPerHead");
  }

  /**
   * Builds {@code builder}'s attention with its values checked per head when first looked at
   * ({@link Attention#checksDeferred()}), except the heads {@code known} vouches for: for weights
   * computed only when read ({@link dev.attnviz.core.Tensor4D#ofComputedMatrices}), whose
   * computation learns whether they are valid.
   *
   * @param builder a builder; not null
   * @param known which heads need no check; not null
   * @return the attention
   * @throws IllegalArgumentException if the shapes do not match
   */
  public static Attention buildCheckedPerHead(Attention.Builder builder, KnownValidHeads known) {
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(known, "known");
    // Having a builder means Attention's class is initialized, so the construction is installed.
    return construction.apply(builder, known);
  }
}
