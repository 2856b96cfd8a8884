package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
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
 * chosen transforms applied; {@link #data()} stays what the host set, and token indexes in
 * selections and events stay the data's ({@link #tokenDisplay()} maps them to shown tokens).
 *
 * <p>This model owns the consistency of the selections bound to it ({@link #attach}; every view
 * attaches its selection model): on every change it adapts each of them once, before its listeners
 * hear of the change, so that views only listen and repaint. New data clears the token selection
 * and applies the preset default layer and heads ({@link #setDefaultLayer}, {@link
 * #setDefaultHeads}); a change of the display options keeps a selected token if it is still shown.
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

  /** How the tokens are shown: null until asked for after a change. */
  private TokenDisplay tokenDisplay;

  /** The selection models bound to this model, with how many views bound each. */
  private final Map<AttentionSelectionModel, Integer> attached = new LinkedHashMap<>();

  private boolean hideSpecialTokens;
  private boolean wordLevel;

  /** The options {@link #displayData} reflects: the requested ones, unless still computing. */
  private DisplayTransforms.Options shownOptions = DisplayTransforms.Options.NONE;

  private final DisplayTransforms transforms = new DisplayTransforms();

  /** {@link #data()} transformed by the options; null until asked for after a change. */
  private AttentionData displayData;

  /** Creates a model without data. */
  public AttentionViewModel() {}

  /**
   * Creates a model showing {@code data}.
   *
   * @param data the data to show, or null for none
   */
  public AttentionViewModel(AttentionData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  /**
   * The data shown, or null if none.
   *
   * @return the data as set, or null
   */
  public AttentionData data() {
    return data;
  }

  /**
   * Whether there is data to show.
   *
   * @return true if data is set
   */
  public boolean hasData() {
    return data != null;
  }

  /**
   * Sets the data to show; null clears the views.
   *
   * @param newData the data, or null
   */
  public void setData(AttentionData newData) {
    if (newData != data) {
      data = newData;
      transforms.cancel();
      DisplayTransforms.Options wanted = requestedOptions();
      boolean background = transforms.isAsynchronous() && newData != null && wanted.transforms();
      // In the background, new data shows untransformed (no work) until its transform arrives
      // through the same newest-wins path as an option change; the selector row says so.
      shownOptions = background ? DisplayTransforms.Options.NONE : wanted;
      displayData = null;
      tokenDisplay = null;
      fire(Change.DATA);
      if (background) {
        transforms.request(newData, wanted, this::transformed);
      }
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
   *
   * @return the display data, or null without data
   */
  public AttentionData displayData() {
    if (data != null && displayData == null) {
      displayData = DisplayTransforms.apply(data, shownOptions);
    }
    return displayData;
  }

  /**
   * Where a change of the display options is computed: null (the default) on the calling thread
   * (the EDT), the first time the display data is asked for; with an executor, in the background:
   * the views keep showing the previous display data until the newest request's result arrives on
   * the EDT, then hear of the change. New data arriving while an option is on shows untransformed
   * until its transform arrives the same way.
   *
   * @param executor runs the display computation off the EDT, or null to compute on the calling
   *     thread
   */
  public void setDisplayExecutor(Executor executor) {
    transforms.setExecutor(executor);
  }

  /**
   * Whether display options were changed whose display data is still being computed.
   *
   * @return true while a background computation of the display data is pending
   */
  public boolean isDisplayPending() {
    return !shownOptions.equals(requestedOptions());
  }

  private DisplayTransforms.Options requestedOptions() {
    return new DisplayTransforms.Options(hideSpecialTokens, wordLevel);
  }

  /** The options changed: transform now (lazily) or in the background. */
  private void optionsChanged() {
    if (!transforms.isAsynchronous() || data == null) {
      shownOptions = requestedOptions();
      displayData = null;
      tokenDisplay = null;
      fire(Change.OPTIONS);
      return;
    }
    DisplayTransforms.Options wanted = requestedOptions();
    fire(Change.OTHER); // the check boxes follow at once; the picture when the result is there
    transforms.request(data, wanted, this::transformed);
  }

  /** The newest background transform arrived: show it. */
  private void transformed(DisplayTransforms.Options options, AttentionData shown) {
    shownOptions = options;
    displayData = shown;
    tokenDisplay = null;
    fire(Change.OPTIONS);
  }

  /**
   * Why {@link #displayData()} does not do what the options ask, if it does not: special tokens
   * stay shown when some attention has nothing but special tokens on an axis.
   *
   * @return a sentence for the user, or empty if the options apply as asked
   */
  public Optional<String> displayProblem() {
    if (data != null && hideSpecialTokens && !DisplayTransforms.canHideSpecialTokens(data)) {
      return Optional.of(
          "special tokens stay shown: without them an attention of this input has no tokens left");
    }
    return Optional.empty();
  }

  /**
   * Whether special tokens are hidden (default false); see {@link #displayData()}.
   *
   * @return true if special tokens are hidden
   */
  public boolean isHideSpecialTokens() {
    return hideSpecialTokens;
  }

  /**
   * Hides special tokens such as {@code [CLS]} and {@code [SEP]} from every view, re-normalizing
   * each row over the remaining tokens ({@link SpecialTokens#hide}). Query and key vectors are
   * kept. Data whose tokens are all special on some axis stays unchanged (see {@link
   * #displayProblem()}).
   *
   * @param hide true to hide special tokens
   */
  public void setHideSpecialTokens(boolean hide) {
    if (hide != hideSpecialTokens) {
      hideSpecialTokens = hide;
      optionsChanged();
    }
  }

  /**
   * Whether sub-word pieces are joined into words (default false); see {@link #displayData()}.
   *
   * @return true if the views show words
   */
  public boolean isWordLevel() {
    return wordLevel;
  }

  /**
   * Shows words instead of sub-word pieces ({@link WordAggregation#aggregate}): attention to a word
   * is the sum over its pieces, from a word the mean. Query and key vectors are dropped, so the
   * neuron view can only show lines at word level.
   *
   * @param words true to show words, false for the tokenizer's pieces
   */
  public void setWordLevel(boolean words) {
    if (words != wordLevel) {
      wordLevel = words;
      optionsChanged();
    }
  }

  /**
   * How the shown tokens relate to the data's tokens under the current options: the one mapping
   * between the token indexes of selections and events (the data's) and those of {@link
   * #displayData()}. The identity without data or options.
   *
   * @return the mapping between data and shown token indexes; never null
   */
  public TokenDisplay tokenDisplay() {
    if (tokenDisplay == null) {
      tokenDisplay =
          data == null
              ? TokenDisplay.identity()
              : TokenDisplay.of(
                  data,
                  shownOptions.hide() && DisplayTransforms.canHideSpecialTokens(data),
                  shownOptions.words());
    }
    return tokenDisplay;
  }

  /**
   * Whether tokens are shown prettified (default true); see {@code TokenPrettifier}.
   *
   * @return true if tokens are prettified
   */
  public boolean isPrettifyTokens() {
    return prettifyTokens;
  }

  /**
   * Sets whether tokens are prettified.
   *
   * @param prettify true to show prettified tokens, false for the tokenizer's raw pieces
   */
  public void setPrettifyTokens(boolean prettify) {
    if (prettify != prettifyTokens) {
      prettifyTokens = prettify;
      fire();
    }
  }

  /**
   * The included layers (original indexes, sorted), or null for all.
   *
   * @return a copy of the included layer indexes, or null for all
   */
  public int[] includeLayers() {
    return includeLayers == null ? null : includeLayers.clone();
  }

  /**
   * Sets which layers are shown; null for all.
   *
   * @param layers the layer indexes (0-based, in any order); null for all
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setIncludeLayers(int... layers) {
    int[] normalized = normalize("layer", layers);
    if (!Arrays.equals(normalized, includeLayers)) {
      includeLayers = normalized;
      fire();
    }
  }

  /**
   * The included heads (original indexes, sorted), or null for all.
   *
   * @return a copy of the included head indexes, or null for all
   */
  public int[] includeHeads() {
    return includeHeads == null ? null : includeHeads.clone();
  }

  /**
   * Sets which heads are shown; null for all.
   *
   * @param heads the head indexes (0-based, in any order); null for all
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setIncludeHeads(int... heads) {
    int[] normalized = normalize("head", heads);
    if (!Arrays.equals(normalized, includeHeads)) {
      includeHeads = normalized;
      fire();
    }
  }

  /**
   * The layer shown when new data arrives, if preset.
   *
   * @return the preset layer, or empty if none
   */
  public OptionalInt defaultLayer() {
    return defaultLayer < 0 ? OptionalInt.empty() : OptionalInt.of(defaultLayer);
  }

  /**
   * Presets the layer that views show when new data arrives (the reference's {@code layer} option).
   * A layer the data does not have is ignored.
   *
   * @param layer the layer index, 0-based
   * @throws IllegalArgumentException if negative
   */
  public void setDefaultLayer(int layer) {
    if (layer < 0) {
      throw new IllegalArgumentException("default layer " + layer + " is negative");
    }
    if (layer != defaultLayer) {
      defaultLayer = layer;
      fire(Change.DEFAULTS);
    }
  }

  /** Removes the default layer: new data keeps the selected layer where it can. */
  public void clearDefaultLayer() {
    if (defaultLayer >= 0) {
      defaultLayer = -1;
      fire();
    }
  }

  /**
   * The heads active when new data arrives (original indexes, sorted), or null if not preset.
   *
   * @return a copy of the preset heads, or null
   */
  public int[] defaultHeads() {
    return defaultHeads == null ? null : defaultHeads.clone();
  }

  /**
   * Presets the heads that are active when new data arrives (the reference's {@code heads} option);
   * the first of them also becomes the focused head (the neuron view's default head). Heads the
   * data does not have are ignored; null removes the preset.
   *
   * @param heads the head indexes (0-based), or null to remove the preset
   * @throws IllegalArgumentException if empty or an index is negative
   */
  public void setDefaultHeads(int... heads) {
    int[] normalized = normalize("default head", heads);
    if (!Arrays.equals(normalized, defaultHeads)) {
      defaultHeads = normalized;
      fire(normalized != null ? Change.DEFAULTS : Change.OTHER);
    }
  }

  /**
   * Binds {@code selection} to this model: from now on this model keeps it consistent with what it
   * shows (see the class comment), and the selection refuses values the data does not have. The
   * first binding fits the selection at once and applies the default layer and heads. Views call it
   * when they start showing the pair and {@link #detach} when they stop; several views may bind the
   * same pair, the selection is adapted once per change all the same. Fires at most one selection
   * event.
   *
   * @param selection the selection model to bind; not null
   */
  public void attach(AttentionSelectionModel selection) {
    Objects.requireNonNull(selection, "selection");
    Integer count = attached.merge(selection, 1, Integer::sum);
    if (count == 1) {
      selection.bounds().add(this);
      adapt(selection, Change.ATTACH);
    }
  }

  /**
   * Undoes one {@link #attach}; the last one unbinds the selection.
   *
   * @param selection a selection model bound before
   */
  public void detach(AttentionSelectionModel selection) {
    Integer count = attached.computeIfPresent(selection, (s, n) -> n == 1 ? null : n - 1);
    if (count == null) {
      selection.bounds().remove(this);
    }
  }

  /**
   * Number of selection models bound to this model.
   *
   * @return the number of bound selection models
   */
  public int attachedSelectionCount() {
    return attached.size();
  }

  /** What changed in this model, which says how far the bound selections must adapt. */
  private enum Change {
    /** New data: token indexes name other tokens now; defaults apply. */
    DATA,
    /** New default layer or heads. */
    DEFAULTS,
    /** A selection bound for the first time: defaults apply, its tokens stay if shown. */
    ATTACH,
    /** Hide special tokens or word level: tokens kept if still shown. */
    OPTIONS,
    /** Anything else (included layers and heads, prettifying). */
    OTHER
  }

  /** Fits {@code selection} to this model after {@code change}, in one selection event. */
  private void adapt(AttentionSelectionModel selection, Change change) {
    selection.batch(
        () -> {
          selection.adaptToOwners(change == Change.DATA);
          if (data == null) {
            return;
          }
          Attention attention = data.attention(selection.kind());
          int[] layers = visibleLayers(attention.layerCount());
          if (change != Change.OPTIONS && change != Change.OTHER) {
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
   *
   * @param layerCount the number of layers of the shown data
   * @return the layer indexes to show, ascending; a new array
   */
  public int[] visibleLayers(int layerCount) {
    return visible(includeLayers, layerCount);
  }

  /**
   * The heads to display, as original indexes below {@code headCount}; see visibleLayers.
   *
   * @param headCount the number of heads of the shown data
   * @return the head indexes to show, ascending; a new array
   */
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

  /**
   * Adds a listener.
   *
   * @param listener the listener; not null
   */
  public void addChangeListener(ChangeListener listener) {
    listeners.add(ChangeListener.class, Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener to remove; unknown listeners are ignored
   */
  public void removeChangeListener(ChangeListener listener) {
    listeners.remove(ChangeListener.class, listener);
  }

  /**
   * The registered listeners.
   *
   * @return a copy of the registered listeners
   */
  public ChangeListener[] getChangeListeners() {
    return listeners.getListeners(ChangeListener.class);
  }

  private void fire() {
    fire(Change.OTHER);
  }

  /** Adapts the bound selections, then tells the listeners. */
  private void fire(Change change) {
    for (AttentionSelectionModel selection : List.copyOf(attached.keySet())) {
      adapt(selection, change);
    }
    ChangeEvent event = new ChangeEvent(this);
    for (ChangeListener listener : listeners.getListeners(ChangeListener.class)) {
      listener.stateChanged(event);
    }
  }
}
