package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * What a selection model may hold: the data of the view models bound to it ({@link
 * AttentionViewModel#attach}), as the views show it. Without bound data anything non-negative goes;
 * with several (a selection shared by views of different data), what fits all of them. The ranges
 * and the reason a token cannot be selected are worded for the user of the API.
 */
final class SelectionBounds {

  private final List<AttentionViewModel> owners = new ArrayList<>();

  void add(AttentionViewModel owner) {
    owners.add(owner);
  }

  void remove(AttentionViewModel owner) {
    owners.remove(owner);
  }

  /** The data of the bound view models that have data. */
  List<AttentionData> data() {
    List<AttentionData> all = new ArrayList<>(owners.size());
    for (AttentionViewModel owner : owners) {
      if (owner.data() != null) {
        all.add(owner.data());
      }
    }
    return all;
  }

  /** The fewest layers of {@code kind} in the bound data; {@link Integer#MAX_VALUE} unbound. */
  int layerLimit(AttentionKind kind) {
    return fewest(kind, Attention::layerCount);
  }

  /** The fewest heads of {@code kind} in the bound data; {@link Integer#MAX_VALUE} unbound. */
  int headLimit(AttentionKind kind) {
    return fewest(kind, Attention::headCount);
  }

  /** The least {@code count} of {@code kind}'s attention in the bound data that has it. */
  private int fewest(AttentionKind kind, ToIntFunction<Attention> count) {
    int limit = Integer.MAX_VALUE;
    for (AttentionData data : data()) {
      if (data.has(kind)) {
        limit = Math.min(limit, count.applyAsInt(data.attention(kind)));
      }
    }
    return limit;
  }

  /**
   * Checks that every bound data has {@code kind}.
   *
   * @throws IllegalArgumentException naming the kinds the data has otherwise
   */
  void checkKind(AttentionKind kind) {
    for (AttentionData data : data()) {
      if (!data.has(kind)) {
        throw new IllegalArgumentException(
            "kind " + kind.id() + " is not in the data: it has " + data.kindList());
      }
    }
  }

  /**
   * Checks that {@code heads}, if not null (every head), is not empty and holds heads of {@code
   * kind} in the data only.
   */
  void checkHeads(AttentionKind kind, BitSet heads) {
    if (heads != null && heads.isEmpty()) {
      throw new IllegalArgumentException("at least one head must stay active");
    }
    if (heads != null) {
      checkRange("head", heads.length() - 1, headLimit(kind));
    }
  }

  /** Checks that {@code cell}, if not null, is a layer and head of {@code kind} in the data. */
  void checkCell(AttentionKind kind, LayerHead cell) {
    if (cell != null) {
      checkRange("layer", cell.layer(), layerLimit(kind));
      checkRange("head", cell.head(), headLimit(kind));
    }
  }

  /** Checks that {@code token} (null: none) can be selected; see {@link #problem}. */
  void checkToken(TokenRef token, AttentionKind kind, SentenceFilter filter) {
    String problem = problem(token, kind, filter, data());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** {@code limit} ({@link #layerLimit} or {@link #headLimit}), or empty while unbound. */
  static OptionalInt count(int limit) {
    return limit == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * Fits {@code selection} to the bound data, as a view model it is bound to changed; {@code
   * newData}: the data were replaced, so that a token index no longer names the token it named.
   */
  void refit(AttentionSelectionModel selection, boolean newData) {
    selection.batch(
        () -> {
          if (newData) {
            selection.setHoveredToken(null);
            selection.clearLockedToken();
          }
          List<AttentionData> bound = data();
          if (!bound.isEmpty()) {
            fit(selection, bound);
          }
        });
  }

  /**
   * Why data token {@code token} of {@code kind} cannot be selected under {@code filter} in every
   * one of {@code all}: out of range, filtered out, or hidden by the display options; null if it
   * can (or is null).
   */
  String problem(
      TokenRef token, AttentionKind kind, SentenceFilter filter, List<AttentionData> all) {
    if (token == null) {
      return null;
    }
    for (AttentionData data : all) {
      if (!data.has(kind)) {
        return "the data has no " + kind.id() + " attention";
      }
      Attention attention = data.attention(kind);
      Tokens tokens = token.isQuery() ? attention.queryTokens() : attention.keyTokens();
      String name = (token.isQuery() ? "query token " : "key token ") + token.index();
      if (token.index() >= tokens.size()) {
        return name + " is out of range: the data has tokens 0 to " + (tokens.size() - 1);
      }
      SentenceFilter.Range range =
          token.isQuery() ? filter.rows(data, attention) : filter.columns(data, attention);
      if (!range.contains(token.index())) {
        return name + " is hidden by the filter " + filter.label();
      }
      if (displayOf(data).toShown(kind, token.side(), token.index()) < 0) {
        return name + " (" + tokens.get(token.index()) + ") is hidden by the display options";
      }
    }
    return null;
  }

  /** How {@code data} is shown: by the view model that holds it, else token for token. */
  private TokenDisplay displayOf(AttentionData data) {
    for (AttentionViewModel owner : owners) {
      if (owner.data() == data) {
        return owner.tokenDisplay();
      }
    }
    return TokenDisplay.identity();
  }

  /**
   * Fits {@code selection} to every one of {@code all}: a kind they have, a layer, heads and a cell
   * they have, no pair filter without a pair, and tokens they show. Keeps whatever still fits.
   */
  void fit(AttentionSelectionModel selection, List<AttentionData> all) {
    AttentionKind kind = selection.kind();
    if (!all.stream().allMatch(d -> d.has(kind))) {
      selection.setKind(all.get(0).kindList().get(0));
    }
    int layers = Integer.MAX_VALUE;
    int heads = Integer.MAX_VALUE;
    boolean pair = true;
    for (AttentionData data : all) {
      Attention attention = data.attention(selection.kind());
      layers = Math.min(layers, attention.layerCount());
      heads = Math.min(heads, attention.headCount());
      pair &= data.isPair();
    }
    selection.setLayer(Math.min(selection.layer(), layers - 1));
    selection.setFocusHead(Math.min(selection.focusHead(), heads - 1));
    if (!selection.allHeadsActive()) {
      BitSet kept = selection.activeHeads(heads);
      selection.setActiveHeads(kept.isEmpty() || kept.cardinality() == heads ? null : kept);
    }
    if (!pair) {
      selection.setFilter(SentenceFilter.ALL);
    }
    LayerHead cell = selection.selectedCell();
    if (cell != null && (cell.layer() >= layers || cell.head() >= heads)) {
      selection.setSelectedCell(null);
    }
    dropHiddenTokens(selection, all);
  }

  /** Clears the hovered and locked tokens of {@code selection} if {@code all} do not show them. */
  void dropHiddenTokens(AttentionSelectionModel selection, List<AttentionData> all) {
    AttentionKind kind = selection.kind();
    SentenceFilter filter = selection.filter();
    if (problem(selection.hoveredToken(), kind, filter, all) != null) {
      selection.setHoveredToken(null);
    }
    if (problem(selection.lockedToken(), kind, filter, all) != null) {
      selection.setLockedToken(null);
    }
  }

  /**
   * Checks {@code 0 <= value < count}.
   *
   * @throws IllegalArgumentException naming {@code what} and the valid range otherwise
   */
  static void checkRange(String what, int value, int count) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " " + value + " is negative");
    }
    if (value >= count) {
      throw new IllegalArgumentException(
          what + " " + value + " is out of range: the data has " + what + "s 0 to " + (count - 1));
    }
  }
}
