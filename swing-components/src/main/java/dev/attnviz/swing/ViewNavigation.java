package dev.attnviz.swing;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TokenPlaces;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The steps the keys of {@link ViewKeys} take, the same in every view: tokens among the shown
 * tokens, heads and layers among the included ones (stopping at the ends), toggling and isolating
 * the focused head, and clearing. All of them write the selection model, so every view sharing it
 * follows. Use on the Event Dispatch Thread.
 */
public final class ViewNavigation {

  private final AttentionView view;
  private final Supplier<ShownAttention> tokens;
  private final boolean cellFollows;
  private Consumer<TokenRef> tokenShown = token -> {};

  /**
   * Steps for {@code view}.
   *
   * @param view the view whose models the steps write
   * @param tokens the tokens the view shows (null while none), for token steps
   * @param cellFollows whether layer and head steps move the selected cell along (the model view
   *     and the statistics heatmap, whose keys move a selection through a grid of heads)
   */
  public ViewNavigation(AttentionView view, Supplier<ShownAttention> tokens, boolean cellFollows) {
    this.view = view;
    this.tokens = tokens;
    this.cellFollows = cellFollows;
  }

  /**
   * Called with each token a step locks, e.g. to scroll it into view.
   *
   * @param shown receives the newly locked data token
   * @return this navigation
   */
  public ViewNavigation onToken(Consumer<TokenRef> shown) {
    this.tokenShown = shown;
    return this;
  }

  /**
   * Every action of the key map, bound to these steps: a new map, which a view may trim or override
   * before {@link ViewKeys#install}ing it.
   *
   * @return a new, modifiable map from action to step
   */
  public Map<ViewKeys.Action, Runnable> actions() {
    Map<ViewKeys.Action, Runnable> actions = new EnumMap<>(ViewKeys.Action.class);
    actions.put(ViewKeys.Action.PREVIOUS_TOKEN, () -> stepToken(-1));
    actions.put(ViewKeys.Action.NEXT_TOKEN, () -> stepToken(1));
    actions.put(ViewKeys.Action.PREVIOUS_HEAD, () -> stepHead(-1));
    actions.put(ViewKeys.Action.NEXT_HEAD, () -> stepHead(1));
    actions.put(ViewKeys.Action.TOGGLE_HEAD, this::toggleHead);
    actions.put(ViewKeys.Action.ISOLATE_HEAD, this::isolateHead);
    actions.put(ViewKeys.Action.PREVIOUS_LAYER, () -> stepLayer(-1));
    actions.put(ViewKeys.Action.NEXT_LAYER, () -> stepLayer(1));
    actions.put(ViewKeys.Action.CLEAR, this::clear);
    return actions;
  }

  private AttentionSelectionModel selection() {
    return view.getSelectionModel();
  }

  private AttentionViewModel model() {
    return view.getModel();
  }

  /**
   * Locks the token {@code delta} rows from the selected one on its side (first query if none).
   *
   * @param delta rows to move, negative for up
   */
  public void stepToken(int delta) {
    ShownAttention shown = tokens.get();
    TokenRef token =
        shown == null ? null : TokenPlaces.step(shown, selection().selectedToken(), delta);
    if (token != null) {
      selection().setLockedToken(token);
      tokenShown.accept(token);
    }
  }

  /**
   * Moves the focused head {@code delta} steps among the included heads.
   *
   * @param delta steps to move, negative for the previous heads
   */
  public void stepHead(int delta) {
    int count = selection().headCount().orElse(0);
    if (count > 0) {
      int head = step(model().visibleHeads(count), selection().focusHead(), delta);
      move(selection().layer(), head);
    }
  }

  /**
   * Moves the layer {@code delta} steps among the included layers.
   *
   * @param delta steps to move, negative for the previous layers
   */
  public void stepLayer(int delta) {
    int count = selection().layerCount().orElse(0);
    if (count > 0) {
      int layer = step(model().visibleLayers(count), selection().layer(), delta);
      move(layer, selection().focusHead());
    }
  }

  private void move(int layer, int head) {
    if (cellFollows) {
      LayerHead cell = new LayerHead(layer, head);
      if (!cell.equals(selection().selectedCell())) {
        selection().jumpToHead(cell);
      }
    } else {
      selection()
          .batch(
              () -> {
                selection().setLayer(layer);
                selection().setFocusHead(head);
              });
    }
  }

  /** Turns the focused head on or off (the last active head stays on). */
  public void toggleHead() {
    selection().headCount().ifPresent(n -> selection().toggleHead(selection().focusHead(), n));
  }

  /** Shows the focused head alone, or every head again if it already is alone. */
  public void isolateHead() {
    selection().headCount().ifPresent(n -> selection().isolateHead(selection().focusHead(), n));
  }

  /** Unlocks the locked token; if none is locked, closes the selected cell. */
  public void clear() {
    if (selection().lockedToken() != null) {
      selection().clearLockedToken();
    } else {
      selection().setSelectedCell(null);
    }
  }

  /**
   * The index {@code delta} steps from {@code current} among the sorted {@code indexes}, stopping
   * at the ends; from an index that is not among them, the nearest one in that direction.
   *
   * @param indexes ascending indexes; not empty
   * @param current the index now
   * @param delta steps to move
   * @return the index reached
   */
  public static int step(int[] indexes, int current, int delta) {
    int position = -1;
    for (int p = 0; p < indexes.length; p++) {
      if (indexes[p] == current) {
        position = p;
      }
    }
    if (position < 0) {
      int p = 0;
      while (p < indexes.length && indexes[p] < current) {
        p++;
      }
      // Between two included indexes: one step down lands on the lower, one step up on the upper.
      position = delta > 0 ? p - 1 : p;
    }
    return indexes[Math.max(0, Math.min(indexes.length - 1, position + delta))];
  }
}
