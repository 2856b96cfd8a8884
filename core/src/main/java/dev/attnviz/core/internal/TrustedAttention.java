package dev.attnviz.core.internal;

import dev.attnviz.core.Attention;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Builds an {@link Attention} without checking its numbers again, for the library's transforms that
 * compute new weights from weights already checked and verify the results as they write them
 * ({@code dev.attnviz.core.analysis.TokenPooling}): the check in {@link Attention.Builder#build()}
 * would read every weight once more. Shapes are still checked. Not exported by the module; {@link
 * Attention} installs the construction when its class is initialized.
 */
public final class TrustedAttention {

  private static volatile Function<Attention.Builder, Attention> construction;

  private static volatile BiFunction<Attention.Builder, KnownValidHeads, Attention>
      perHeadConstruction;

  private TrustedAttention() {}

  /**
   * Called once by {@link Attention}'s class initializer.
   *
   * @param unchecked builds an attention without the value checks
   * @param checkedPerHead builds an attention whose heads are checked when first looked at, unless
   *     the given verdicts vouch for them
   */
  public static void install(
      Function<Attention.Builder, Attention> unchecked,
      BiFunction<Attention.Builder, KnownValidHeads, Attention> checkedPerHead) {
    if (construction != null) {
      throw new IllegalStateException("already installed");
    }
    construction = Objects.requireNonNull(unchecked, "unchecked");
    perHeadConstruction = Objects.requireNonNull(checkedPerHead, "checkedPerHead");
  }

  /**
   * Builds {@code builder}'s attention without checking its values, which the caller must have
   * checked (finite, in {@code [0, 1]} with the tolerance of {@link Attention#isValidWeight}).
   *
   * @param builder a builder holding weights whose every value is valid; not null
   * @return the attention, its heads remembered as valid
   * @throws IllegalArgumentException if the shapes do not match
   */
  public static Attention build(Attention.Builder builder) {
    Objects.requireNonNull(builder, "builder");
    // Having a builder means Attention's class is initialized, so the construction is installed.
    return construction.apply(builder);
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
    return perHeadConstruction.apply(builder, known);
  }
}
