package dev.attnviz.swing.model;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import java.util.Arrays;
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

  private final DisplayedData displayed;
  private boolean prettifyTokens = true;

  /** Null means all layers. Sorted, distinct. */
  private int[] includeLayers;

  /** Null means all heads. Sorted, distinct. */
  private int[] includeHeads;

  /** Negative means no default: the selection keeps its layer. */
  private int defaultLayer = -1;

  /** Null means no default: the selection keeps its heads. Sorted, distinct. */
  private int[] defaultHeads;

  /** The selection models bound to this model. */
  private final BoundSelections attached = new BoundSelections(this);

  /** Creates a model without data. */
  public AttentionViewModel() {
    displayed = new DisplayedData(null, this::fire);
  }

  /**
   * Creates a model showing {@code data}.
   *
   * @param data the data to show, or null for none
   */
  public AttentionViewModel(AttentionData data) {
    displayed = new DisplayedData(Objects.requireNonNull(data, "data"), this::fire);
  }

  /**
   * The data shown, or null if none.
   *
   * @return the data as set, or null
   */
  public AttentionData data() {
    return displayed.data();
  }

  /**
   * Whether there is data to show.
   *
   * @return true if data is set
   */
  public boolean hasData() {
    return displayed.data() != null;
  }

  /**
   * Sets the data to show; null clears the views.
   *
   * @param newData the data, or null
   */
  public void setData(AttentionData newData) {
    if (newData != displayed.data()) {
      displayed.setData(newData);
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
    return displayed.display();
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
    displayed.setExecutor(executor);
  }

  /**
   * Whether display options were changed whose display data is still being computed.
   *
   * @return true while a background computation of the display data is pending
   */
  public boolean isDisplayPending() {
    return displayed.isPending();
  }

  /**
   * Why {@link #displayData()} does not do what the options ask, if it does not: special tokens
   * stay shown when some attention has nothing but special tokens on an axis.
   *
   * @return a sentence for the user, or empty if the options apply as asked
   */
  public Optional<String> displayProblem() {
    AttentionData data = displayed.data();
    if (data != null && isHideSpecialTokens() && !DisplayTransforms.canHideSpecialTokens(data)) {
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
    return displayed.requested().hide();
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
    if (hide != isHideSpecialTokens()) {
      displayed.setRequested(new DisplayTransforms.Options(hide, isWordLevel()));
    }
  }

  /**
   * Whether sub-word pieces are joined into words (default false); see {@link #displayData()}.
   *
   * @return true if the views show words
   */
  public boolean isWordLevel() {
    return displayed.requested().words();
  }

  /**
   * Shows words instead of sub-word pieces ({@link WordAggregation#aggregate}): attention to a word
   * is the sum over its pieces, from a word the mean. Query and key vectors are dropped, so the
   * neuron view can only show lines at word level.
   *
   * @param words true to show words, false for the tokenizer's pieces
   */
  public void setWordLevel(boolean words) {
    if (words != isWordLevel()) {
      displayed.setRequested(new DisplayTransforms.Options(isHideSpecialTokens(), words));
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
    return displayed.tokens();
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
      fire(ModelChange.DEFAULTS);
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
      fire(normalized != null ? ModelChange.DEFAULTS : ModelChange.OTHER);
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
    attached.attach(selection);
  }

  /**
   * Undoes one {@link #attach}; the last one unbinds the selection.
   *
   * @param selection a selection model bound before
   */
  public void detach(AttentionSelectionModel selection) {
    attached.detach(selection);
  }

  /**
   * Number of selection models bound to this model.
   *
   * @return the number of bound selection models
   */
  public int attachedSelectionCount() {
    return attached.size();
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
    fire(ModelChange.OTHER);
  }

  /** Adapts the bound selections, then tells the listeners. */
  private void fire(ModelChange change) {
    attached.adaptAll(change);
    ChangeEvent event = new ChangeEvent(this);
    for (ChangeListener listener : listeners.getListeners(ChangeListener.class)) {
      listener.stateChanged(event);
    }
  }
}
