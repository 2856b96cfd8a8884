package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.swing.event.ChangeListener;
import javax.swing.event.EventListenerList;

/**
 * What the user looks at, shared by several views: attention kind, sentence-pair filter, layer,
 * active heads, the focused head, the hovered and the locked token, and the selected model-view
 * cell.
 *
 * <p>Indexes are the data's own (not display rows). Every effective change fires exactly one {@link
 * SelectionEvent}; setting a value equal to the current one fires nothing. Changes made inside
 * {@link #batch(Runnable)} fire one event for all of them.
 *
 * <p>Not thread-safe: use it on the Event Dispatch Thread, like every Swing model.
 */
public final class AttentionSelectionModel {

  private final EventListenerList listeners = new EventListenerList();
  private final EnumSet<Aspect> pending = EnumSet.noneOf(Aspect.class);
  private int batchDepth;

  private AttentionKind kind = AttentionKind.SELF;
  private SentenceFilter filter = SentenceFilter.ALL;
  private int layer;

  /** Null means every head is active, whatever the head count. */
  private BitSet activeHeads;

  private int focusHead;
  private TokenRef hoveredToken;
  private TokenRef lockedToken;
  private LayerHead selectedCell;

  /** The attention kind shown. Default {@link AttentionKind#SELF}. */
  public AttentionKind kind() {
    return kind;
  }

  /** Sets the attention kind; layer and heads are kept, token selections are cleared. */
  public void setKind(AttentionKind newKind) {
    Objects.requireNonNull(newKind, "newKind");
    if (newKind != kind) {
      batch(
          () -> {
            kind = newKind;
            changed(Aspect.KIND);
            // Token indexes belong to the old kind's token axes.
            setHoveredToken(null);
            clearLockedToken();
          });
    }
  }

  /** The sentence-pair filter. Default {@link SentenceFilter#ALL}. */
  public SentenceFilter filter() {
    return filter;
  }

  /** Sets the sentence-pair filter; other selections are kept. */
  public void setFilter(SentenceFilter newFilter) {
    Objects.requireNonNull(newFilter, "newFilter");
    if (newFilter != filter) {
      filter = newFilter;
      changed(Aspect.FILTER);
    }
  }

  /** The layer shown by single-layer views. */
  public int layer() {
    return layer;
  }

  /**
   * Sets the layer.
   *
   * @throws IllegalArgumentException if negative
   */
  public void setLayer(int newLayer) {
    if (newLayer < 0) {
      throw new IllegalArgumentException("layer " + newLayer + " is negative");
    }
    if (newLayer != layer) {
      layer = newLayer;
      changed(Aspect.LAYER);
    }
  }

  /** Whether every head is active. */
  public boolean allHeadsActive() {
    return activeHeads == null;
  }

  /** Whether {@code head} is active. */
  public boolean isHeadActive(int head) {
    return activeHeads == null || activeHeads.get(head);
  }

  /** The active heads among {@code headCount} heads, as a new set. */
  public BitSet activeHeads(int headCount) {
    BitSet result = new BitSet(headCount);
    if (activeHeads == null) {
      result.set(0, headCount);
    } else {
      result.or(activeHeads.get(0, headCount));
    }
    return result;
  }

  /**
   * The active heads as chosen, whatever the head count: empty when every head is active, else a
   * copy of the set. For copying the choice to another selection model.
   */
  public Optional<BitSet> chosenHeads() {
    return activeHeads == null ? Optional.empty() : Optional.of((BitSet) activeHeads.clone());
  }

  /** Number of active heads among {@code headCount} heads. */
  public int activeHeadCount(int headCount) {
    return activeHeads(headCount).cardinality();
  }

  /**
   * Sets the active heads; {@code null} means all.
   *
   * @throws IllegalArgumentException if the set is empty
   */
  public void setActiveHeads(BitSet heads) {
    if (heads != null && heads.isEmpty()) {
      throw new IllegalArgumentException("at least one head must stay active");
    }
    BitSet copy = heads == null ? null : (BitSet) heads.clone();
    if (!Objects.equals(copy, activeHeads)) {
      activeHeads = copy;
      changed(Aspect.HEADS);
    }
  }

  /** Turns every head on. */
  public void activateAllHeads() {
    setActiveHeads(null);
  }

  /** Toggles one head, as a click on its square does. The last active head cannot be turned off. */
  public void toggleHead(int head, int headCount) {
    Objects.checkIndex(head, headCount);
    BitSet heads = activeHeads(headCount);
    heads.flip(head);
    if (!heads.isEmpty()) {
      setActiveHeads(heads.cardinality() == headCount ? null : heads);
    }
  }

  /**
   * Shows {@code head} alone, as a double-click on its square does; if it already is the only
   * active head, turns every head back on.
   */
  public void isolateHead(int head, int headCount) {
    Objects.checkIndex(head, headCount);
    BitSet heads = activeHeads(headCount);
    if (heads.cardinality() == 1 && heads.get(head)) {
      activateAllHeads();
    } else {
      BitSet only = new BitSet();
      only.set(head);
      setActiveHeads(headCount == 1 ? null : only);
    }
  }

  /** The single head that one-head views (the neuron view) show and that keys move. */
  public int focusHead() {
    return focusHead;
  }

  /**
   * Sets the focused head.
   *
   * @throws IllegalArgumentException if negative
   */
  public void setFocusHead(int head) {
    if (head < 0) {
      throw new IllegalArgumentException("head " + head + " is negative");
    }
    if (head != focusHead) {
      focusHead = head;
      changed(Aspect.FOCUS_HEAD);
    }
  }

  /** The token under the mouse, or null. */
  public TokenRef hoveredToken() {
    return hoveredToken;
  }

  /** Sets the token under the mouse; null when the mouse leaves the tokens. */
  public void setHoveredToken(TokenRef token) {
    if (!Objects.equals(token, hoveredToken)) {
      hoveredToken = token;
      changed(Aspect.HOVER);
    }
  }

  /** The token locked by a click, or null. */
  public TokenRef lockedToken() {
    return lockedToken;
  }

  /** Locks a token so it stays selected when the mouse moves away; null unlocks. */
  public void setLockedToken(TokenRef token) {
    if (!Objects.equals(token, lockedToken)) {
      lockedToken = token;
      changed(Aspect.LOCK);
    }
  }

  /** Locks {@code token}, or unlocks it if it is the locked one (a second click). */
  public void toggleLockedToken(TokenRef token) {
    Objects.requireNonNull(token, "token");
    setLockedToken(token.equals(lockedToken) ? null : token);
  }

  /** Unlocks the locked token (Escape). */
  public void clearLockedToken() {
    setLockedToken(null);
  }

  /** The token whose attention is highlighted: the locked one, else the hovered one, or null. */
  public TokenRef selectedToken() {
    return lockedToken != null ? lockedToken : hoveredToken;
  }

  /** The selected model-view cell, or null. */
  public LayerHead selectedCell() {
    return selectedCell;
  }

  /** Selects a model-view cell; null closes the detail. */
  public void setSelectedCell(LayerHead cell) {
    if (!Objects.equals(cell, selectedCell)) {
      selectedCell = cell;
      changed(Aspect.CELL);
    }
  }

  /**
   * Selects a cell as a model-view click does, and makes the other views follow it: the layer
   * becomes the cell's layer and its head the focused head. Clicking the selected cell again closes
   * it. Fires one event.
   */
  public void toggleCell(LayerHead cell) {
    Objects.requireNonNull(cell, "cell");
    batch(
        () -> {
          if (cell.equals(selectedCell)) {
            setSelectedCell(null);
          } else {
            setSelectedCell(cell);
            setLayer(cell.layer());
            setFocusHead(cell.head());
          }
        });
  }

  /**
   * Makes the selection valid for {@code data}: a kind it has, a layer and heads it has, tokens in
   * range, no pair filter without a pair. Keeps whatever is still valid. Fires at most one event.
   */
  public void adaptTo(AttentionData data) {
    Objects.requireNonNull(data, "data");
    batch(
        () -> {
          if (!data.has(kind)) {
            setKind(data.kindList().get(0));
          }
          Attention attention = data.attention(kind);
          setLayer(Math.min(layer, attention.layerCount() - 1));
          setFocusHead(Math.min(focusHead, attention.headCount() - 1));
          if (activeHeads != null) {
            BitSet kept = activeHeads(attention.headCount());
            setActiveHeads(kept.isEmpty() ? null : kept);
          }
          if (!data.isPair()) {
            setFilter(SentenceFilter.ALL);
          }
          if (!fits(hoveredToken, attention)) {
            setHoveredToken(null);
          }
          if (!fits(lockedToken, attention)) {
            clearLockedToken();
          }
          if (selectedCell != null
              && (selectedCell.layer() >= attention.layerCount()
                  || selectedCell.head() >= attention.headCount())) {
            setSelectedCell(null);
          }
        });
  }

  private static boolean fits(TokenRef token, Attention attention) {
    if (token == null) {
      return true;
    }
    int size = token.isQuery() ? attention.queryTokens().size() : attention.keyTokens().size();
    return token.index() < size;
  }

  /**
   * Runs {@code changes} and fires one event for everything they changed (none if nothing changed).
   * Batches may nest; the outermost one fires.
   */
  public void batch(Runnable changes) {
    batchDepth++;
    try {
      changes.run();
    } finally {
      batchDepth--;
    }
    if (batchDepth == 0 && !pending.isEmpty()) {
      Set<Aspect> aspects = EnumSet.copyOf(pending);
      pending.clear();
      fire(new SelectionEvent(this, aspects));
    }
  }

  /** Adds a listener; it receives {@link SelectionEvent}s. */
  public void addChangeListener(ChangeListener listener) {
    listeners.add(ChangeListener.class, Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener. */
  public void removeChangeListener(ChangeListener listener) {
    listeners.remove(ChangeListener.class, listener);
  }

  /** The registered listeners. */
  public ChangeListener[] getChangeListeners() {
    return listeners.getListeners(ChangeListener.class);
  }

  private void changed(Aspect aspect) {
    pending.add(aspect);
    if (batchDepth == 0) {
      batch(() -> {});
    }
  }

  private void fire(SelectionEvent event) {
    for (ChangeListener listener : listeners.getListeners(ChangeListener.class)) {
      listener.stateChanged(event);
    }
  }
}
