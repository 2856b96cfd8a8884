package dev.attnviz.swing.model;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.DisplayTransforms.Options;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A view model's data as the views show it: the data as set, the display options asked for and
 * those the display data reflects (the same, unless a background transform has yet to arrive), the
 * display data and the token mapping, each made on first use after a change. Reports each change to
 * {@code changed}, which adapts the bound selections and tells the listeners. Use on the Event
 * Dispatch Thread.
 */
final class DisplayedData {

  private final DisplayTransforms transforms = new DisplayTransforms();
  private final Consumer<ModelChange> changed;
  private AttentionData data;
  private Options requested = Options.NONE;

  /** The options {@link #display} reflects: the requested ones, unless still computing. */
  private Options shown = Options.NONE;

  /** {@link #data()} transformed by the options; null until asked for after a change. */
  private AttentionData display;

  /** How the tokens are shown: null until asked for after a change. */
  private TokenDisplay tokens;

  /** Shows {@code initial} (null: none); reports later changes to {@code changed}. */
  DisplayedData(AttentionData initial, Consumer<ModelChange> changed) {
    this.data = initial;
    this.changed = changed;
  }

  /** The data as set, or null. */
  AttentionData data() {
    return data;
  }

  /** The options asked for. */
  Options requested() {
    return requested;
  }

  /** Where option changes are computed: null on the calling thread, else in the background. */
  void setExecutor(Executor executor) {
    transforms.setExecutor(executor);
  }

  /** Whether the display data lags behind the options asked for. */
  boolean isPending() {
    return !shown.equals(requested);
  }

  /** Shows {@code newData}: at once untransformed, or transformed now or in the background. */
  void setData(AttentionData newData) {
    data = newData;
    transforms.cancel();
    Options wanted = requested;
    boolean background = transforms.isAsynchronous() && newData != null && wanted.transforms();
    // In the background, new data shows untransformed (no work) until its transform arrives
    // through the same newest-wins path as an option change; the selector row says so.
    shown = background ? Options.NONE : wanted;
    display = null;
    tokens = null;
    changed.accept(ModelChange.DATA);
    if (background) {
      transforms.request(newData, wanted, this::transformed);
    }
  }

  /** Asks for {@code wanted}: transformed now (lazily) or in the background. */
  void setRequested(Options wanted) {
    requested = wanted;
    if (!transforms.isAsynchronous() || data == null) {
      shown = wanted;
      display = null;
      tokens = null;
      changed.accept(ModelChange.OPTIONS);
      return;
    }
    changed.accept(
        ModelChange.OTHER); // the check boxes follow at once; the picture when it's there
    transforms.request(data, wanted, this::transformed);
  }

  /** The newest background transform arrived: show it. */
  private void transformed(Options options, AttentionData result) {
    shown = options;
    display = result;
    tokens = null;
    changed.accept(ModelChange.OPTIONS);
  }

  /** The data under the shown options, made on first use after a change; null without data. */
  AttentionData display() {
    if (data != null && display == null) {
      display = DisplayTransforms.apply(data, shown);
    }
    return display;
  }

  /** The mapping between data and shown token indexes; the identity without data or options. */
  TokenDisplay tokens() {
    if (tokens == null) {
      tokens =
          data == null
              ? TokenDisplay.identity()
              : TokenDisplay.of(
                  data,
                  shown.hide() && DisplayTransforms.canHideSpecialTokens(data),
                  shown.words());
    }
    return tokens;
  }
}
