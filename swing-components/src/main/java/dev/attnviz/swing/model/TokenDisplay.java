package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.analysis.TokenMapping;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where the tokens the views show meet the tokens of the data: for one setting of the
 * display options (special tokens hidden, pieces joined into words), which data token each shown
 * token starts at, and which shown token each data token belongs to (−1 if hidden).
 *
 * <p>Selections, events and hit tests speak data indexes ({@link TokenRef}); painting reads the
 * transformed {@link AttentionViewModel#displayData() display data}. Views convert between the two
 * only through this class (via {@code ShownAttention}). Cheap: it reads tokens, never weights.
 * Immutable and thread-safe.
 */
public final class TokenDisplay {

  /** One token axis: shown index → first data index, data index → shown index or −1. */
  private record Axis(int[] dataStart, int[] shownOf) {}

  private static final TokenDisplay IDENTITY = new TokenDisplay(null);

  /** Null for the identity (no transform). */
  private final Map<AttentionKind, Axis[]> axes;

  private TokenDisplay(Map<AttentionKind, Axis[]> axes) {
    this.axes = axes;
  }

  /**
   * Shown tokens are the data's tokens, one for one.
   *
   * @return the identity mapping
   */
  public static TokenDisplay identity() {
    return IDENTITY;
  }

  /**
   * The tokens of {@code data} shown with special tokens hidden ({@code hide}) and/or pieces joined
   * into words ({@code wordLevel}), in that order, as {@link AttentionViewModel#displayData()}
   * applies them.
   *
   * @param data the data whose tokens are shown; not null
   * @param hide whether special tokens are hidden
   * @param wordLevel whether pieces are joined into words
   * @return the mapping for these options
   */
  public static TokenDisplay of(AttentionData data, boolean hide, boolean wordLevel) {
    if (!hide && !wordLevel) {
      return IDENTITY;
    }
    Map<AttentionKind, Axis[]> axes = new EnumMap<>(AttentionKind.class);
    for (Attention attention : data.attentions()) {
      axes.put(
          attention.kind(),
          new Axis[] {
            axis(attention.queryTokens(), hide, wordLevel),
            axis(attention.keyTokens(), hide, wordLevel)
          });
    }
    return new TokenDisplay(axes);
  }

  private static Axis axis(Tokens original, boolean hide, boolean wordLevel) {
    TokenMapping kept = hide ? TokenMapping.withoutSpecial(original) : null;
    int keptCount = kept == null ? original.size() : kept.size();
    int[] starts = new int[keptCount];
    int[] shownOf = new int[original.size()];
    Arrays.fill(shownOf, -1);
    int shown = -1;
    int previous = -1;
    for (int k = 0; k < keptCount; k++) {
      int i = kept == null ? k : kept.originalStart(k);
      // Word level joins consecutive shown pieces of one word, as hiding keeps word grouping.
      boolean sameWord =
          wordLevel && previous >= 0 && original.wordOf(previous) == original.wordOf(i);
      if (!sameWord) {
        starts[++shown] = i;
      }
      shownOf[i] = shown;
      previous = i;
    }
    return new Axis(Arrays.copyOf(starts, shown + 1), shownOf);
  }

  /**
   * The shown index of data token {@code dataIndex} of {@code kind} on {@code side}: the shown
   * token it belongs to (a word for each of its pieces), or −1 if it is hidden or out of range.
   *
   * @param kind the attention kind
   * @param side query or key side
   * @param dataIndex a data token index, 0-based
   * @return the shown index, or −1
   */
  public int toShown(AttentionKind kind, TokenRef.Side side, int dataIndex) {
    if (dataIndex < 0) {
      return -1;
    }
    if (axes == null) {
      return dataIndex;
    }
    Axis[] pair = axes.get(kind);
    if (pair == null) {
      return dataIndex;
    }
    int[] shownOf = pair[side.ordinal()].shownOf();
    return dataIndex < shownOf.length ? shownOf[dataIndex] : -1;
  }

  /**
   * The data index of shown token {@code shownIndex} of {@code kind} on {@code side}: the first
   * data token it stands for.
   *
   * @param kind the attention kind
   * @param side query or key side
   * @param shownIndex a shown token index, 0-based
   * @return the first data index it stands for
   * @throws IndexOutOfBoundsException if no such token is shown
   */
  public int toData(AttentionKind kind, TokenRef.Side side, int shownIndex) {
    if (axes == null || !axes.containsKey(kind)) {
      if (shownIndex < 0) {
        throw new IndexOutOfBoundsException("shown token " + shownIndex);
      }
      return shownIndex;
    }
    int[] starts = axes.get(kind)[side.ordinal()].dataStart();
    return starts[Objects.checkIndex(shownIndex, starts.length)];
  }

  /**
   * {@code token} (a data token) mapped to the shown token it belongs to, or null if hidden.
   *
   * @param kind the attention kind
   * @param token a data token, or null
   * @return the shown token, or null if {@code token} is null or hidden
   */
  public TokenRef toShown(AttentionKind kind, TokenRef token) {
    int shown = token == null ? -1 : toShown(kind, token.side(), token.index());
    return shown < 0 ? null : token.withIndex(shown);
  }
}
