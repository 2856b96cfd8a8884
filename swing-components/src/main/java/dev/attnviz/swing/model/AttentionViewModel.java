package dev.attnviz.swing.model;

import dev.attnviz.core.AttentionData;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import javax.swing.event.EventListenerList;

/**
 * The data a set of views shows and how they show it: the attention data (or none), token
 * prettifying, and which layers and heads are included at all ({@code includeLayers}, {@code
 * includeHeads}: excluded ones disappear from display, labels keep the original indexes).
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
      fire();
    }
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
