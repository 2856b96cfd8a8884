package dev.attnviz.swing;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.render.ShownAttention;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

/**
 * The pair of models a view is bound to, and what they show: hooks the view's listeners on the data
 * model and the selection model, binds the selection to the data ({@link
 * AttentionViewModel#attach}), swaps either model for another (unhooking the old one), binds the
 * view's controls to whatever pair is current, and lets go of both on {@link #release()}. It keeps
 * {@link #shown()}, recomputed lazily after a change of the data or of a selection aspect that
 * changes it, then tells the view. Use on the Event Dispatch Thread.
 */
final class ModelBinding {

  private final ChangeListener modelListener = e -> onModelChange();
  private final ChangeListener selectionListener = this::onSelectionChange;
  private final List<SelectionControls> controls = new ArrayList<>();
  private final Runnable dataChanged;
  private final Consumer<SelectionEvent> selectionChanged;
  private final Runnable afterChange;
  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private ShownAttention shown;
  private boolean shownValid;
  private boolean released;

  /**
   * A binding of {@code model} and {@code selection}, to {@link #hook()}; after a change of the
   * data or its options it runs {@code dataChanged}, after a change of the selection {@code
   * selectionChanged} (with the event, or null if it was not a {@link SelectionEvent}), and after
   * either {@code afterChange}.
   */
  ModelBinding(
      AttentionViewModel model,
      AttentionSelectionModel selection,
      Runnable dataChanged,
      Consumer<SelectionEvent> selectionChanged,
      Runnable afterChange) {
    this.model = Objects.requireNonNull(model, "model");
    this.selection = Objects.requireNonNull(selection, "selection");
    this.dataChanged = dataChanged;
    this.selectionChanged = selectionChanged;
    this.afterChange = afterChange;
  }

  /**
   * Hooks the listeners and binds the selection to the data, which may adapt the selection at once:
   * called once the view holds this binding, since the view hears of that change.
   */
  void hook() {
    model.addChangeListener(modelListener);
    selection.addChangeListener(selectionListener);
    model.attach(selection);
  }

  AttentionViewModel model() {
    return model;
  }

  AttentionSelectionModel selection() {
    return selection;
  }

  /** Whether {@link #release()} was called. */
  boolean isReleased() {
    return released;
  }

  /** Binds {@code control} to the models now and whenever {@link #rebindControls()} runs. */
  void bind(SelectionControls control) {
    controls.add(control);
    control.bind(model, selection);
  }

  /** Binds the controls to the current models, or unbinds them once released. */
  void rebindControls() {
    for (SelectionControls control : controls) {
      control.bind(released ? null : model, released ? null : selection);
    }
  }

  /** Shows {@code newModel}'s data instead; unhooks the old model. */
  void replaceModel(AttentionViewModel newModel) {
    model.removeChangeListener(modelListener);
    model.detach(selection);
    model = newModel;
    newModel.addChangeListener(modelListener);
    newModel.attach(selection);
  }

  /** Uses {@code newSelection} instead; unhooks the old one. */
  void replaceSelection(AttentionSelectionModel newSelection) {
    selection.removeChangeListener(selectionListener);
    model.detach(selection);
    selection = newSelection;
    newSelection.addChangeListener(selectionListener);
    model.attach(newSelection);
  }

  /**
   * Removes the listeners and unbinds the selection from the data (if no other view binds them).
   */
  void release() {
    released = true;
    model.removeChangeListener(modelListener);
    selection.removeChangeListener(selectionListener);
    model.detach(selection);
  }

  /** What is shown now, or null without data. */
  ShownAttention shown() {
    if (!shownValid) {
      shown = ShownAttention.of(model, selection).orElse(null);
      shownValid = true;
    }
    return shown;
  }

  /** The data, its options or a model changed: drops what is shown and tells the view. */
  void onModelChange() {
    shownValid = false;
    dataChanged.run();
    afterChange.run();
  }

  private void onSelectionChange(ChangeEvent event) {
    SelectionEvent change = event instanceof SelectionEvent e ? e : null;
    // The hovered and locked tokens change no shown data; anything else may.
    if (change == null
        || !EnumSet.of(SelectionEvent.Aspect.HOVER, SelectionEvent.Aspect.LOCK)
            .containsAll(change.aspects())) {
      shownValid = false;
    }
    selectionChanged.accept(change);
    afterChange.run();
  }
}
