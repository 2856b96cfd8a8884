package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.analysis.TokenMapping;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the tokens the views display relate to the tokens of the data, for one setting of the display
 * options: per kind and side, which original token each displayed token starts at, and which
 * displayed token each original token belongs to (−1 if hidden). Used to carry a token selection
 * across a change of the options. Cheap: it reads tokens only, never weights. Immutable.
 */
final class DisplayedTokens {

  /** One token axis: displayed index ↔ original index. */
  private record Axis(int[] originalStart, int[] displayedOf) {}

  private final Map<AttentionKind, Axis[]> axes;

  private DisplayedTokens(Map<AttentionKind, Axis[]> axes) {
    this.axes = axes;
  }

  /**
   * The token correspondence of {@code data} shown with special tokens hidden ({@code hide}) and/or
   * pieces joined into words ({@code wordLevel}), in that order, as {@link
   * AttentionViewModel#displayData()} applies them.
   */
  static DisplayedTokens of(AttentionData data, boolean hide, boolean wordLevel) {
    Map<AttentionKind, Axis[]> axes = new EnumMap<>(AttentionKind.class);
    for (Attention attention : data.attentions()) {
      axes.put(
          attention.kind(),
          new Axis[] {
            axis(attention.queryTokens(), hide, wordLevel),
            axis(attention.keyTokens(), hide, wordLevel)
          });
    }
    return new DisplayedTokens(axes);
  }

  private static Axis axis(Tokens original, boolean hide, boolean wordLevel) {
    TokenMapping kept = hide ? TokenMapping.withoutSpecial(original) : null;
    int keptCount = kept == null ? original.size() : kept.size();
    int[] starts = new int[keptCount];
    int[] displayedOf = new int[original.size()];
    Arrays.fill(displayedOf, -1);
    int displayed = -1;
    int previous = -1;
    for (int k = 0; k < keptCount; k++) {
      int i = kept == null ? k : kept.originalStart(k);
      // Word level joins consecutive shown pieces of one word, as hiding keeps word grouping.
      boolean sameWord =
          wordLevel && previous >= 0 && original.wordOf(previous) == original.wordOf(i);
      if (!sameWord) {
        starts[++displayed] = i;
      }
      displayedOf[i] = displayed;
      previous = i;
    }
    return new Axis(Arrays.copyOf(starts, displayed + 1), displayedOf);
  }

  /** Number of displayed tokens of {@code kind} on {@code side}, or −1 if the kind is absent. */
  int size(AttentionKind kind, TokenRef.Side side) {
    Axis[] pair = axes.get(kind);
    return pair == null ? -1 : pair[side.ordinal()].originalStart().length;
  }

  /**
   * The token {@code token} (displayed under {@code from}) stands for when displayed under {@code
   * to}: the displayed token holding the first original token of {@code token}. Null if that token
   * is hidden under {@code to}, or the token or kind does not exist.
   */
  static TokenRef map(
      TokenRef token, AttentionKind kind, DisplayedTokens from, DisplayedTokens to) {
    if (token == null) {
      return null;
    }
    Axis[] source = from.axes.get(kind);
    Axis[] target = to.axes.get(kind);
    if (source == null || target == null) {
      return null;
    }
    int side = token.side().ordinal();
    int[] starts = source[side].originalStart();
    if (token.index() >= starts.length) {
      return null;
    }
    int[] displayedOf = target[side].displayedOf();
    int original = starts[token.index()];
    if (original >= displayedOf.length || displayedOf[original] < 0) {
      return null;
    }
    return token.withIndex(displayedOf[original]);
  }
}
