package dev.attnviz.swing.model;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.swing.event.ChangeListener;

/**
 * What the user looks at, shared by several views: attention kind, sentence-pair filter, layer,
 * active heads, the focused head, the hovered and the locked token, and the selected model-view
 * cell.
 *
 * <p>Indexes are the data's own (not display rows, not shown tokens: with special tokens hidden or
 * words joined, a token is still named by its index in {@link AttentionViewModel#data()}). Every
 * effective change fires exactly one {@link SelectionEvent}; setting a value equal to the current
 * one fires nothing. Changes made inside {@link #batch(Runnable)} fire one event for all of them.
 *
 * <p>The selection keeps itself consistent. Once a view model is bound to it (every view binds the
 * models it shows, {@link AttentionViewModel#attach}), values out of the data's range are refused
 * with an {@link IllegalArgumentException} naming the valid range, and when the data, kind, filter
 * or display options change the selection adapts once, for every view that shares it: a hovered or
 * locked token survives only if the same token of the same data is still shown. {@link #jumpToHead}
 * makes one head the focus of every view.
 *
 * <p>Not thread-safe: use it on the Event Dispatch Thread, like every Swing model.
 */
public final class AttentionSelectionModel {

  private final SelectionEvents events = new SelectionEvents(this);

  private AttentionKind kind = AttentionKind.SELF;
  private SentenceFilter filter = SentenceFilter.ALL;
  private int layer;

  private final ActiveHeads activeHeads = new ActiveHeads();

  private int focusHead;
  private TokenRef hoveredToken;
  private TokenRef lockedToken;
  private LayerHead selectedCell;

  /** The data this selection is bound to, which says what it may hold. */
  private final SelectionBounds bounds = new SelectionBounds();

  /**
   * The attention kind shown. Default {@link AttentionKind#SELF}.
   *
   * @return the kind whose attention the views show; never null
   */
  public AttentionKind kind() {
    return kind;
  }

  /**
   * Sets the attention kind; layer and heads are kept, token selections are cleared.
   *
   * @param newKind the kind to show; must be one the bound data has
   */
  public void setKind(AttentionKind newKind) {
    bounds.checkKind(Objects.requireNonNull(newKind, "newKind"));
    if (newKind != kind) {
      batch(
          () -> {
            kind = newKind;
            events.changed(Aspect.KIND);
            // Token indexes belong to the old kind's token axes.
            setHoveredToken(null);
            clearLockedToken();
          });
    }
  }

  /**
   * The sentence-pair filter. Default {@link SentenceFilter#ALL}.
   *
   * @return the filter; never null
   */
  public SentenceFilter filter() {
    return filter;
  }

  /**
   * Sets the sentence-pair filter; other selections are kept.
   *
   * @param newFilter the filter; not null
   */
  public void setFilter(SentenceFilter newFilter) {
    Objects.requireNonNull(newFilter, "newFilter");
    if (newFilter != filter) {
      batch(
          () -> {
            filter = newFilter;
            events.changed(Aspect.FILTER);
            // A token the filter hides would leave the views with nothing to draw.
            bounds.dropHiddenTokens(this, bounds.data());
          });
    }
  }

  /**
   * The layer shown by single-layer views.
   *
   * @return the layer index, 0-based, in the data's numbering
   */
  public int layer() {
    return layer;
  }

  /**
   * Sets the layer.
   *
   * @param newLayer the layer index, 0-based
   * @throws IllegalArgumentException if negative, or not a layer of the bound data
   */
  public void setLayer(int newLayer) {
    SelectionBounds.checkRange("layer", newLayer, bounds.layerLimit(kind));
    if (newLayer != layer) {
      layer = newLayer;
      events.changed(Aspect.LAYER);
    }
  }

  /**
   * Whether every head is active.
   *
   * @return true if no head was turned off
   */
  public boolean allHeadsActive() {
    return activeHeads.isAll();
  }

  /**
   * Whether {@code head} is active.
   *
   * @param head a head index, 0-based
   * @return true if {@code head} is active (every head is while all are)
   */
  public boolean isHeadActive(int head) {
    return activeHeads.isActive(head);
  }

  /**
   * The active heads among {@code headCount} heads, as a new set.
   *
   * @param headCount the number of heads of the shown data
   * @return the active heads below {@code headCount}; a copy the caller may change
   */
  public BitSet activeHeads(int headCount) {
    return activeHeads.among(headCount);
  }

  /**
   * The active heads as chosen, whatever the head count: empty when every head is active, else a
   * copy of the set. For copying the choice to another selection model.
   *
   * @return a copy of the chosen heads, or empty if every head is active
   */
  public Optional<BitSet> chosenHeads() {
    return activeHeads.chosen();
  }

  /**
   * Number of active heads among {@code headCount} heads.
   *
   * @param headCount the number of heads of the shown data
   * @return how many of them are active, at least 1 when {@code headCount > 0}
   */
  public int activeHeadCount(int headCount) {
    return activeHeads(headCount).cardinality();
  }

  /**
   * Sets the active heads; {@code null} means all.
   *
   * @param heads the heads to show, 0-based indexes; null for all
   * @throws IllegalArgumentException if the set is empty or holds a head the bound data lacks
   */
  public void setActiveHeads(BitSet heads) {
    bounds.checkHeads(kind, heads);
    if (activeHeads.set(heads)) {
      events.changed(Aspect.HEADS);
    }
  }

  /** Turns every head on. */
  public void activateAllHeads() {
    setActiveHeads(null);
  }

  /**
   * Toggles one head, as a click on its square does. The last active head cannot be turned off.
   *
   * @param head the head to turn on or off, 0-based
   * @param headCount the number of heads of the shown data
   */
  public void toggleHead(int head, int headCount) {
    SelectionBounds.checkRange("head", head, Math.min(headCount, bounds.headLimit(kind)));
    BitSet heads = activeHeads.toggled(head, headCount);
    if (heads == null || !heads.isEmpty()) {
      setActiveHeads(heads);
    }
  }

  /**
   * Shows {@code head} alone, as a double-click on its square does; if it already is the only
   * active head, turns every head back on.
   *
   * @param head the head to show alone, 0-based
   * @param headCount the number of heads of the shown data
   */
  public void isolateHead(int head, int headCount) {
    SelectionBounds.checkRange("head", head, Math.min(headCount, bounds.headLimit(kind)));
    setActiveHeads(activeHeads.isolated(head, headCount));
  }

  /**
   * The single head that one-head views (the neuron view) show and that keys move.
   *
   * @return the focused head index, 0-based
   */
  public int focusHead() {
    return focusHead;
  }

  /**
   * Sets the focused head.
   *
   * @param head the head index, 0-based
   * @throws IllegalArgumentException if negative, or not a head of the bound data
   */
  public void setFocusHead(int head) {
    SelectionBounds.checkRange("head", head, bounds.headLimit(kind));
    if (head != focusHead) {
      focusHead = head;
      events.changed(Aspect.FOCUS_HEAD);
    }
  }

  /**
   * The token under the mouse, or null.
   *
   * @return the hovered data token, or null
   */
  public TokenRef hoveredToken() {
    return hoveredToken;
  }

  /**
   * Sets the token under the mouse (a data index); null when the mouse leaves the tokens.
   *
   * @param token the hovered data token, or null
   * @throws IllegalArgumentException if the bound data has no such token, or does not show it
   */
  public void setHoveredToken(TokenRef token) {
    bounds.checkToken(token, kind, filter);
    if (!Objects.equals(token, hoveredToken)) {
      hoveredToken = token;
      events.changed(Aspect.HOVER);
    }
  }

  /**
   * The token locked by a click, or null.
   *
   * @return the locked data token, or null
   */
  public TokenRef lockedToken() {
    return lockedToken;
  }

  /**
   * Locks a token (a data index) so it stays selected when the mouse moves away; null unlocks.
   *
   * @param token the data token to lock, or null to unlock
   * @throws IllegalArgumentException if the bound data has no such token, or does not show it
   */
  public void setLockedToken(TokenRef token) {
    bounds.checkToken(token, kind, filter);
    if (!Objects.equals(token, lockedToken)) {
      lockedToken = token;
      events.changed(Aspect.LOCK);
    }
  }

  /**
   * Locks {@code token}, or unlocks it if it is the locked one (a second click).
   *
   * @param token the clicked data token; not null
   */
  public void toggleLockedToken(TokenRef token) {
    Objects.requireNonNull(token, "token");
    setLockedToken(token.equals(lockedToken) ? null : token);
  }

  /** Unlocks the locked token (Escape). */
  public void clearLockedToken() {
    setLockedToken(null);
  }

  /**
   * The token whose attention is highlighted: the locked one, else the hovered one, or null.
   *
   * @return the selected data token, or null if none is locked or hovered
   */
  public TokenRef selectedToken() {
    return lockedToken != null ? lockedToken : hoveredToken;
  }

  /**
   * The selected model-view cell, or null.
   *
   * @return the open layer and head, or null if none is open
   */
  public LayerHead selectedCell() {
    return selectedCell;
  }

  /**
   * Selects a model-view cell; null closes the detail.
   *
   * @param cell the layer and head to open, or null
   * @throws IllegalArgumentException if the bound data has no such layer or head
   */
  public void setSelectedCell(LayerHead cell) {
    bounds.checkCell(kind, cell);
    if (!Objects.equals(cell, selectedCell)) {
      selectedCell = cell;
      events.changed(Aspect.CELL);
    }
  }

  /**
   * Selects a cell as a model-view click does, and makes the other views follow it ({@link
   * #jumpToHead}). Clicking the selected cell again closes it. Fires one event.
   *
   * @param cell the clicked layer and head; not null
   */
  public void toggleCell(LayerHead cell) {
    Objects.requireNonNull(cell, "cell");
    if (cell.equals(selectedCell)) {
      setSelectedCell(null);
    } else {
      jumpToHead(cell);
    }
  }

  /**
   * Makes every view sharing this selection look at one head, as a click on a head in the
   * statistics, the model view or the comparison does: the layer becomes {@code cell}'s layer, its
   * head the focused head and the selected cell, and the head is made visible: the only active head
   * if {@link #isIsolateOnJump()} (the default), else added to the active heads. Fires one event.
   *
   * @param cell the layer and head to look at; not null
   * @throws IllegalArgumentException if the bound data has no such layer or head
   */
  public void jumpToHead(LayerHead cell) {
    bounds.checkCell(kind, Objects.requireNonNull(cell, "cell"));
    batch(
        () -> {
          setLayer(cell.layer());
          setFocusHead(cell.head());
          setSelectedCell(cell);
          setActiveHeads(activeHeads.jumped(cell.head(), headCount()));
        });
  }

  /**
   * Whether {@link #jumpToHead} shows the head alone (default true) or adds it.
   *
   * @return true if a jump isolates the head
   */
  public boolean isIsolateOnJump() {
    return activeHeads.isolatesOnJump();
  }

  /**
   * Sets whether {@link #jumpToHead} shows the head alone or adds it to the active heads.
   *
   * @param isolate true to show the head alone, false to add it to the active heads
   */
  public void setIsolateOnJump(boolean isolate) {
    activeHeads.setIsolateOnJump(isolate);
  }

  /**
   * Makes the selection valid for {@code data}: a kind it has, a layer and heads it has, tokens in
   * range, no pair filter without a pair. Keeps whatever is still valid. Fires at most one event.
   * Views do not call it: the view models bound to this selection adapt it ({@link
   * AttentionViewModel#attach}).
   *
   * @param data the data now shown; null leaves the selection as it is
   */
  public void adaptTo(AttentionData data) {
    Objects.requireNonNull(data, "data");
    batch(() -> bounds.fit(this, List.of(data)));
  }

  /**
   * Number of layers of the bound data (the fewest, if several), if bound to data.
   *
   * @return the layer count, or empty while no data is bound
   */
  public OptionalInt layerCount() {
    return SelectionBounds.count(bounds.layerLimit(kind));
  }

  /**
   * Number of heads per layer of the bound data (the fewest, if several), if bound to data.
   *
   * @return the head count, or empty while no data is bound
   */
  public OptionalInt headCount() {
    return SelectionBounds.count(bounds.headLimit(kind));
  }

  /**
   * Runs {@code changes} and fires one event for everything they changed (none if nothing changed).
   * Batches may nest; the outermost one fires.
   *
   * @param changes the changes to make, run at once on the calling thread
   */
  public void batch(Runnable changes) {
    events.batch(changes);
  }

  /** The data bounds; the view models bind and unbind themselves through it. */
  SelectionBounds bounds() {
    return bounds;
  }

  /**
   * Adds a typed listener, told of every change with the aspects that changed.
   *
   * @param listener the listener; not null
   */
  public void addSelectionListener(SelectionListener listener) {
    events.add(SelectionListener.class, listener);
  }

  /**
   * Removes a typed listener.
   *
   * @param listener the listener to remove; unknown listeners are ignored
   */
  public void removeSelectionListener(SelectionListener listener) {
    events.remove(SelectionListener.class, listener);
  }

  /**
   * The registered typed listeners.
   *
   * @return a copy of the typed listeners, in the order they were added
   */
  public SelectionListener[] getSelectionListeners() {
    return events.get(SelectionListener.class);
  }

  /**
   * Number of listeners of both kinds: for hosts and tests checking that views let go.
   *
   * @return the number of typed and change listeners
   */
  public int listenerCount() {
    return events.count();
  }

  /**
   * Adds a listener; it receives {@link SelectionEvent}s.
   *
   * @param listener the listener; not null
   */
  public void addChangeListener(ChangeListener listener) {
    events.add(ChangeListener.class, listener);
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener to remove; unknown listeners are ignored
   */
  public void removeChangeListener(ChangeListener listener) {
    events.remove(ChangeListener.class, listener);
  }

  /**
   * The registered listeners.
   *
   * @return a copy of the change listeners, in the order they were added
   */
  public ChangeListener[] getChangeListeners() {
    return events.get(ChangeListener.class);
  }
}
