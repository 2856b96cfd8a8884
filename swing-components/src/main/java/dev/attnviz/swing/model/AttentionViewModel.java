package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.WeakHashMap;
import java.util.stream.IntStream;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import javax.swing.event.EventListenerList;

/**
 * The data a set of views shows and how they show it: the attention data (or none), token
 * prettifying, and which layers and heads are included at all ({@code includeLayers}, {@code
 * includeHeads}: excluded ones disappear from display, labels keep the original indexes).
 *
 * <p>Two options transform the data itself: {@linkplain #setHideSpecialTokens hiding special
 * tokens} (rows re-normalized, see {@link SpecialTokens}) and {@linkplain #setWordLevel word-level
 * aggregation} (see {@link WordAggregation}). Views show {@link #displayData()}, the data with the
 * chosen transforms applied; {@link #data()} stays what the host set. When the options change,
 * {@link #prepareSelection} carries the hovered and locked tokens over to the new tokens.
 *
 * <p>A host can also preset a default layer and default active heads ({@link #setDefaultLayer},
 * {@link #setDefaultHeads}); views apply them to their selection model through {@link
 * #prepareSelection} whenever new data or new defaults arrive.
 *
 * <p>Every effective change fires exactly one {@link ChangeEvent}; setting an equal value fires
 * nothing. Not thread-safe: use it on the Event Dispatch Thread.
 */
public final class AttentionViewModel {

  private final EventListenerList listeners = new EventListenerList();

  private AttentionData data;
  private boolean prettifyTokens = true;

  /** Null means all layers. Sorted, distinct. */
  private int[] includeLayers;

  /** Null means all heads. Sorted, distinct. */
  private int[] includeHeads;

  /** Negative means no default: the selection keeps its layer. */
  private int defaultLayer = -1;

  /** Null means no default: the selection keeps its heads. Sorted, distinct. */
  private int[] defaultHeads;

  /**
   * Counts changes of data and defaults, so that {@link #prepareSelection} applies the defaults
   * once per selection model and change, however many views share that selection model.
   */
  private long defaultsRevision;

  private final Map<AttentionSelectionModel, Long> preparedRevision = new WeakHashMap<>();

  private boolean hideSpecialTokens;
  private boolean wordLevel;

  /** {@link #data()} transformed by the options; null until asked for after a change. */
  private AttentionData displayData;

  /** Counts changes of the data, to tell whether a selection's tokens belong to this data. */
  private long dataRevision;

  /** Counts changes of the token-changing options, to tell which setting a selection has seen. */
  private long optionsRevision;

  /** How tokens were displayed before the last option change; null after new data. */
  private DisplayedTokens previousTokens;

  /** Per selection model: {dataRevision, optionsRevision} when it was last prepared. */
  private final Map<AttentionSelectionModel, long[]> preparedTokens = new WeakHashMap<>();

  /** Creates a model without data. */
  public AttentionViewModel() {}

  /** Creates a model showing {@code data}. */
  public AttentionViewModel(AttentionData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /** The data shown, or null if none. */
  public AttentionData data() {
    return data;
  }

  /** Whether there is data to show. */
  public boolean hasData() {
    return data != null;
  }

  /** Sets the data to show; null clears the views. */
  public void setData(AttentionData newData) {
    if (newData != data) {
      data = newData;
      defaultsRevision++;
      dataRevision++;
      displayData = null;
      previousTokens = null;
      fire();
    }
  }

  /**
   * The data as the views show it: {@link #data()} with special tokens hidden if {@link
   * #isHideSpecialTokens()}, then aggregated into words if {@link #isWordLevel()}; the data itself
   * (same instance) when both are off; null without data.
   *
   * <p>Computed on the first call after a change of the data or of these options, then cached: for
   * 512 tokens of a 12 × 12 model each transform reads all 38 M weights, about half a second. Views
   * ask for it from their change listeners, never while painting.
   */
  public AttentionData displayData() {
    if (data != null && displayData == null) {
      AttentionData shown = data;
      if (hidesSpecialTokens()) {
        shown = SpecialTokens.hide(shown);
      }
      if (wordLevel) {
        shown = WordAggregation.aggregate(shown);
      }
      displayData = shown;
    }
    return displayData;
  }

  /**
   * Why {@link #displayData()} does not do what the options ask, if it does not: special tokens
   * stay shown when some attention has nothing but special tokens on an axis.
   */
  public Optional<String> displayProblem() {
    if (data != null && hideSpecialTokens && !canHideSpecialTokens(data)) {
      return Optional.of(
          "special tokens stay shown: without them an attention of this input has no tokens left");
    }
    return Optional.empty();
  }

  /** Whether special tokens are hidden (default false); see {@link #displayData()}. */
  public boolean isHideSpecialTokens() {
    return hideSpecialTokens;
  }

  /**
   * Hides special tokens such as {@code [CLS]} and {@code [SEP]} from every view, re-normalizing
   * each row over the remaining tokens ({@link SpecialTokens#hide}). Query and key vectors are
   * kept. Data whose tokens are all special on some axis stays unchanged (see {@link
   * #displayProblem()}).
   */
  public void setHideSpecialTokens(boolean hide) {
    if (hide != hideSpecialTokens) {
      optionsChanging();
      hideSpecialTokens = hide;
      fire();
    }
  }

  /** Whether sub-word pieces are joined into words (default false); see {@link #displayData()}. */
  public boolean isWordLevel() {
    return wordLevel;
  }

  /**
   * Shows words instead of sub-word pieces ({@link WordAggregation#aggregate}): attention to a word
   * is the sum over its pieces, from a word the mean. Query and key vectors are dropped, so the
   * neuron view can only show lines at word level.
   */
  public void setWordLevel(boolean words) {
    if (words != wordLevel) {
      optionsChanging();
      wordLevel = words;
      fire();
    }
  }

  private void optionsChanging() {
    previousTokens = displayedTokens();
    optionsRevision++;
    displayData = null;
  }

  private boolean hidesSpecialTokens() {
    return hideSpecialTokens && canHideSpecialTokens(data);
  }

  /** Whether every attention keeps at least one query and one key token without special ones. */
  private static boolean canHideSpecialTokens(AttentionData data) {
    for (Attention attention : data.attentions()) {
      if (allSpecial(attention.queryTokens()) || allSpecial(attention.keyTokens())) {
        return false;
      }
    }
    return true;
  }

  private static boolean allSpecial(Tokens tokens) {
    return tokens.specialMask().cardinality() == tokens.size();
  }

  /** How the current tokens relate to the data's, or null without data. */
  private DisplayedTokens displayedTokens() {
    return data == null ? null : DisplayedTokens.of(data, hidesSpecialTokens(), wordLevel);
  }

  /** Whether tokens are shown prettified (default true); see {@code TokenPrettifier}. */
  public boolean isPrettifyTokens() {
    return prettifyTokens;
  }

  /** Sets whether tokens are prettified. */
  public void setPrettifyTokens(boolean prettify) {
    if (prettify != prettifyTokens) {
      prettifyTokens = prettify;
      fire();
    }
  }

  /** The included layers (original indexes, sorted), or null for all. */
  public int[] includeLayers() {
    return includeLayers == null ? null : includeLayers.clone();
  }

  /**
   * Sets which layers are shown; null for all.
   *
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setIncludeLayers(int... layers) {
    int[] normalized = normalize("layer", layers);
    if (!Arrays.equals(normalized, includeLayers)) {
      includeLayers = normalized;
      fire();
    }
  }

  /** The included heads (original indexes, sorted), or null for all. */
  public int[] includeHeads() {
    return includeHeads == null ? null : includeHeads.clone();
  }

  /**
   * Sets which heads are shown; null for all.
   *
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setIncludeHeads(int... heads) {
    int[] normalized = normalize("head", heads);
    if (!Arrays.equals(normalized, includeHeads)) {
      includeHeads = normalized;
      fire();
    }
  }

  /** The layer shown when new data arrives, if preset. */
  public OptionalInt defaultLayer() {
    return defaultLayer < 0 ? OptionalInt.empty() : OptionalInt.of(defaultLayer);
  }

  /**
   * Presets the layer that views show when new data arrives (the reference's {@code layer} option).
   * A layer the data does not have is ignored.
   *
   * @throws IllegalArgumentException if negative
   */
  public void setDefaultLayer(int layer) {
    if (layer < 0) {
      throw new IllegalArgumentException("default layer " + layer + " is negative");
    }
    if (layer != defaultLayer) {
      defaultLayer = layer;
      defaultsRevision++;
      fire();
    }
  }

  /** Removes the default layer: new data keeps the selected layer where it can. */
  public void clearDefaultLayer() {
    if (defaultLayer >= 0) {
      defaultLayer = -1;
      fire();
    }
  }

  /** The heads active when new data arrives (original indexes, sorted), or null if not preset. */
  public int[] defaultHeads() {
    return defaultHeads == null ? null : defaultHeads.clone();
  }

  /**
   * Presets the heads that are active when new data arrives (the reference's {@code heads} option);
   * the first of them also becomes the focused head (the neuron view's default head). Heads the
   * data does not have are ignored; null removes the preset.
   *
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setDefaultHeads(int... heads) {
    int[] normalized = normalize("default head", heads);
    if (!Arrays.equals(normalized, defaultHeads)) {
      defaultHeads = normalized;
      if (normalized != null) {
        defaultsRevision++;
      }
      fire();
    }
  }

  /**
   * Makes {@code selection} fit what this model shows, and applies the default layer and heads if
   * this selection model has not seen the current data and defaults yet. Views call it when they
   * are created and on every change of this model; calling it again is harmless, so several views
   * sharing one selection model may all call it. Fires at most one selection event.
   *
   * <p>Fitting means: {@link AttentionSelectionModel#adaptTo} the data, a layer among {@link
   * #visibleLayers}, and no selected cell outside the visible layers and heads.
   */
  public void prepareSelection(AttentionSelectionModel selection) {
    Objects.requireNonNull(selection, "selection");
    if (data == null) {
      return;
    }
    boolean applyDefaults =
        !Long.valueOf(defaultsRevision).equals(preparedRevision.put(selection, defaultsRevision));
    AttentionData shown = displayData();
    selection.batch(
        () -> {
          carryTokensOver(selection);
          selection.adaptTo(shown);
          Attention attention = shown.attention(selection.kind());
          int[] layers = visibleLayers(attention.layerCount());
          if (applyDefaults) {
            applyDefaults(selection, attention, layers);
          }
          if (Arrays.binarySearch(layers, selection.layer()) < 0) {
            selection.setLayer(layers[0]);
          }
          LayerHead cell = selection.selectedCell();
          if (cell != null
              && (Arrays.binarySearch(layers, cell.layer()) < 0
                  || Arrays.binarySearch(visibleHeads(attention.headCount()), cell.head()) < 0)) {
            selection.setSelectedCell(null);
          }
        });
  }

  /**
   * Moves the hovered and locked tokens of {@code selection} to the tokens that show the same text
   * after an option change (a word for one of its pieces, a piece for its word); clears them if
   * they became hidden, or if the selection missed more than one change and its tokens are of
   * unknown origin.
   */
  private void carryTokensOver(AttentionSelectionModel selection) {
    long[] seen = preparedTokens.put(selection, new long[] {dataRevision, optionsRevision});
    if (seen == null || seen[0] != dataRevision || seen[1] == optionsRevision) {
      return;
    }
    if (seen[1] == optionsRevision - 1 && previousTokens != null) {
      DisplayedTokens now = displayedTokens();
      selection.setHoveredToken(
          DisplayedTokens.map(selection.hoveredToken(), selection.kind(), previousTokens, now));
      selection.setLockedToken(
          DisplayedTokens.map(selection.lockedToken(), selection.kind(), previousTokens, now));
    } else {
      selection.setHoveredToken(null);
      selection.clearLockedToken();
    }
  }

  private void applyDefaults(AttentionSelectionModel selection, Attention attention, int[] layers) {
    if (defaultLayer >= 0 && Arrays.binarySearch(layers, defaultLayer) >= 0) {
      selection.setLayer(defaultLayer);
    }
    if (defaultHeads != null) {
      BitSet heads = new BitSet();
      Arrays.stream(defaultHeads).filter(h -> h < attention.headCount()).forEach(heads::set);
      if (!heads.isEmpty()) {
        selection.setActiveHeads(heads.cardinality() == attention.headCount() ? null : heads);
        selection.setFocusHead(heads.nextSetBit(0));
      }
    }
  }

  /**
   * The layers to display, as original indexes below {@code layerCount}: the included ones, or all.
   * Never empty when {@code layerCount > 0}: if no included layer exists, all are shown.
   */
  public int[] visibleLayers(int layerCount) {
    return visible(includeLayers, layerCount);
  }

  /** The heads to display, as original indexes below {@code headCount}; see visibleLayers. */
  public int[] visibleHeads(int headCount) {
    return visible(includeHeads, headCount);
  }

  private static int[] visible(int[] included, int count) {
    if (included != null) {
      int[] inRange = Arrays.stream(included).filter(i -> i < count).toArray();
      if (inRange.length > 0) {
        return inRange;
      }
    }
    return IntStream.range(0, count).toArray();
  }

  private static int[] normalize(String what, int[] indexes) {
    if (indexes == null) {
      return null;
    }
    if (indexes.length == 0) {
      throw new IllegalArgumentException("include at least one " + what + ", or null for all");
    }
    int[] sorted = Arrays.stream(indexes).sorted().distinct().toArray();
    if (sorted[0] < 0) {
      throw new IllegalArgumentException(what + " index " + sorted[0] + " is negative");
    }
    return sorted;
  }

  /** Adds a listener. */
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

  private void fire() {
    ChangeEvent event = new ChangeEvent(this);
    for (ChangeListener listener : listeners.getListeners(ChangeListener.class)) {
      listener.stateChanged(event);
    }
  }
}
