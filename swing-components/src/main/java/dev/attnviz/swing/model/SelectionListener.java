package dev.attnviz.swing.model;

import java.util.EventListener;

/**
 * Told of every change of an {@link AttentionSelectionModel}, with the parts that changed; the
 * typed form of a {@code ChangeListener}. Called on the Event Dispatch Thread.
 */
@FunctionalInterface
public interface SelectionListener extends EventListener {

  /**
   * The selection changed as {@code event} says.
   *
   * @param event what changed; never null
   */
  void selectionChanged(SelectionEvent event);
}
