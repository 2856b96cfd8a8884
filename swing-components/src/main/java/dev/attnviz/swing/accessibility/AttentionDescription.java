package dev.attnviz.swing.accessibility;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import java.util.BitSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an attention view shows, in words, for assistive technology (a view's accessible
 * description): the layer, the active heads, and the locked token with the token it attends to (or
 * is attended by) most, e.g. "Layer 8, heads 0, 3, 10. Token 'cat' (index 2) attends most to 'sat'
 * (0.41)." Weights of several heads are averaged, as the views blend them. Pure functions of the
 * models; use on the Event Dispatch Thread, like the models.
 */
public final class AttentionDescription {

  private AttentionDescription() {}

  /**
   * The description of a view without data.
   *
   * @return "No attention data." in the views' locale
   */
  public static String noData() {
    return Messages.text("describe.noData");
  }

  /**
   * The layer, the active heads and the locked token, as described above.
   *
   * @param shown what the view shows
   */
  public static String of(ShownAttention shown, AttentionSelectionModel selection) {
    return ofHeads(shown, selection, selection.layer(), selection.activeHeads(shown.headCount()));
  }

  /**
   * One head: "Layer 3, head 1." and the locked token with where it attends most in that head, as
   * the neuron view and the model view's detail show it.
   */
  public static String ofHead(
      ShownAttention shown, AttentionSelectionModel selection, int layer, int head) {
    BitSet heads = new BitSet();
    heads.set(head);
    return ofHeads(shown, selection, layer, heads);
  }

  /**
   * The selected layer averaged over every included head, as the comparison's mean of heads shows
   * it, whichever heads are active.
   */
  public static String ofIncludedHeads(ShownAttention shown, AttentionSelectionModel selection) {
    BitSet heads = new BitSet();
    for (int head : shown.visibleHeads()) {
      heads.set(head);
    }
    return ofHeads(shown, selection, selection.layer(), heads);
  }

  private static String ofHeads(
      ShownAttention shown, AttentionSelectionModel selection, int layer, BitSet heads) {
    return layerAndHeads(layer, heads)
        + " "
        + lockedToken(shown, selection.lockedToken(), layer, heads);
  }

  /**
   * The model view: "Grid of 12 layers by 12 heads." and the open head as {@link #ofHead}, or "No
   * head is open."
   */
  public static String modelGrid(ShownAttention shown, AttentionSelectionModel selection) {
    String grid =
        Messages.format("describe.grid", shown.visibleLayers().length, shown.visibleHeads().length);
    LayerHead cell = selection.selectedCell();
    return cell == null
        ? Messages.format("describe.gridNoHead", grid)
        : Messages.format(
            "describe.gridOpen", grid, ofHead(shown, selection, cell.layer(), cell.head()));
  }

  /** The selected layer and its focused head, as {@link #ofHead}: the neuron view. */
  public static String ofFocusedHead(ShownAttention shown, AttentionSelectionModel selection) {
    return ofHead(shown, selection, selection.layer(), selection.focusHead());
  }

  /**
   * The rollout view: "Attention rollout after layer 3, all heads." and the locked token's label.
   *
   * @param depth the layer the rollout runs to, or a negative number for the last layer
   */
  public static String rollout(ShownAttention shown, AttentionSelectionModel selection, int depth) {
    String rollout =
        depth < 0
            ? Messages.text("describe.rolloutLast")
            : Messages.format("describe.rolloutAfter", depth);
    return Messages.format("describe.rollout", rollout, lockedLabel(shown, selection));
  }

  /** "Token 'cat' (index 2) is locked." or "No token is locked.", for views without raw weights. */
  public static String lockedLabel(ShownAttention shown, AttentionSelectionModel selection) {
    TokenRef token = selection.lockedToken();
    if (token == null || shown.positionOf(token) < 0) {
      return Messages.text("describe.noLockedToken");
    }
    return Messages.format("describe.locked", shown.label(token), token.index());
  }

  /** "Layer 8, heads 0, 3, 10." or "Layer 8, head 3." */
  public static String layerAndHeads(int layer, BitSet heads) {
    String list = heads.stream().mapToObj(Integer::toString).collect(Collectors.joining(", "));
    return Messages.format(
        heads.cardinality() == 1 ? "describe.layerHead" : "describe.layerHeads", layer, list);
  }

  /**
   * Where {@code token} (a data token, or null) attends most in {@code layer}, averaged over {@code
   * heads}; "No token is locked." if it is null or not shown.
   */
  public static String lockedToken(ShownAttention shown, TokenRef token, int layer, BitSet heads) {
    int position = token == null ? -1 : shown.positionOf(token);
    if (position < 0 || heads.isEmpty()) {
      return Messages.text("describe.noLockedToken");
    }
    boolean query = token.isQuery();
    int others = query ? shown.columnCount() : shown.rowCount();
    int best = -1;
    float bestWeight = -1;
    for (int other = 0; other < others; other++) {
      float weight = meanWeight(shown, layer, heads, query, position, other);
      if (weight > bestWeight) {
        bestWeight = weight;
        best = other;
      }
    }
    if (best < 0) {
      return Messages.format("describe.nothingToAttend", shown.label(token), token.index());
    }
    String target = query ? shown.columnLabel(best) : shown.rowLabel(best);
    return Messages.format(
        query ? "describe.attendsMost" : "describe.attendedMost",
        shown.label(token),
        token.index(),
        target,
        String.format(Locale.ROOT, "%.2f", bestWeight));
  }

  private static float meanWeight(
      ShownAttention shown, int layer, BitSet heads, boolean query, int position, int other) {
    int row = query ? position : other;
    int column = query ? other : position;
    float sum = 0;
    for (int h = heads.nextSetBit(0); h >= 0; h = heads.nextSetBit(h + 1)) {
      sum += shown.weight(layer, h, row, column);
    }
    return sum / heads.cardinality();
  }
}
