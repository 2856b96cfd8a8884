package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.ValueRange;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.ShownAttention;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What the comparison view shows for one layer and set of heads: the shown part of A, of B, and
 * their difference {@code A − B}, each {@code rows × columns} row-major; with one head its raw
 * weights, with several their mean. Pure computation, tested without painting. Immutable apart from
 * the arrays, which callers must not change.
 *
 * @param a A's weights
 * @param b B's weights
 * @param difference {@code a − b}, in [−1, 1]
 * @param range smallest and largest difference; {@code range.maxAbs()} bounds the colour scale
 */
record Comparison(float[] a, float[] b, float[] difference, ValueRange range) {

  /** Checks the parts. */
  Comparison {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(difference, "difference");
    Objects.requireNonNull(range, "range");
  }

  /**
   * Computes the comparison of layer {@code layer}, heads {@code heads}, of two shown attentions
   * that {@link #problem} found comparable.
   */
  static Comparison of(ShownAttention a, ShownAttention b, int layer, BitSet heads) {
    float[] valuesA = a.meanMatrix(layer, heads);
    float[] valuesB = b.meanMatrix(layer, heads);
    float[] difference = new float[valuesA.length];
    ValueRange range = ValueRange.EMPTY;
    for (int p = 0; p < difference.length; p++) {
      difference[p] = valuesA[p] - valuesB[p];
      range = range.including(difference[p]);
    }
    return new Comparison(valuesA, valuesB, difference, range);
  }

  /**
   * A and B without their difference, for inputs whose tokens do not align: A's weights of layer
   * {@code layer}, heads {@code headsA}, and B's of {@code headsB}, each its own size.
   */
  static Comparison sideBySide(
      ShownAttention a, ShownAttention b, int layer, BitSet headsA, BitSet headsB) {
    return new Comparison(
        a.meanMatrix(layer, headsA), b.meanMatrix(layer, headsB), new float[0], ValueRange.EMPTY);
  }

  /**
   * Why the {@code kind} attentions of {@code a} and {@code b} cannot be shown together at all, or
   * empty if they can: B lacks the kind.
   */
  static Optional<String> problem(AttentionData a, AttentionData b, AttentionKind kind) {
    if (!b.has(kind)) {
      return Optional.of(Messages.format("compare.kindMissing", kind.id(), b.kindList()));
    }
    return Optional.empty();
  }

  /**
   * Why no difference A − B is drawn for the {@code kind} attentions of {@code a} and {@code b} (as
   * displayed), or empty if it is: their tokens do not align one to one, because the token counts
   * differ or the sentences split at different tokens. Models of different sizes are compared layer
   * by layer and head by head where both have them.
   *
   * @param unit what a token is called, "tokens" or "words" at word level
   */
  static Optional<String> whyNoDifference(
      AttentionData a, AttentionData b, AttentionKind kind, String unit) {
    Attention x = a.attention(kind);
    Attention y = b.attention(kind);
    int queriesA = x.queryTokens().size();
    int queriesB = y.queryTokens().size();
    int keysA = x.keyTokens().size();
    int keysB = y.keyTokens().size();
    if (queriesA != queriesB || keysA != keysB) {
      boolean queriesDiffer = queriesA != queriesB;
      String what =
          kind.isSelfAttention()
              ? unit
              : Messages.format(
                  queriesDiffer ? "compare.decoderUnit" : "compare.encoderUnit", unit);
      return Optional.of(
          Messages.format(
              "compare.countsDiffer",
              queriesDiffer ? queriesA : keysA,
              queriesDiffer ? queriesB : keysB,
              what));
    }
    if (!a.sentenceBStart().equals(b.sentenceBStart())) {
      return Optional.of(Messages.text("compare.sentencesDiffer"));
    }
    return Optional.empty();
  }
}
