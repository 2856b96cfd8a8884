package dev.attnviz.core.internal;

import dev.attnviz.core.Attention;
import java.util.Objects;
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

  private TrustedAttention() {}

  /**
   * Called once by {@link Attention}'s class initializer.
   *
   * @param unchecked builds an attention without the value checks
   */
  public static void install(Function<Attention.Builder, Attention> unchecked) {
    if (construction != null) {
      throw new IllegalStateException("already installed");
    }
    construction = Objects.requireNonNull(unchecked, "unchecked");
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
}
