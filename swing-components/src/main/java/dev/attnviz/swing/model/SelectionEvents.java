package dev.attnviz.swing.model;

import dev.attnviz.swing.model.SelectionEvent.Aspect;
import java.util.EnumSet;
import java.util.EventListener;
import java.util.Objects;
import java.util.Set;
import javax.swing.event.ChangeListener;
import javax.swing.event.EventListenerList;

/**
 * A selection model's events: its typed and change listeners, in one list, and the aspects changed
 * since the last event, so that every effective change, or every {@linkplain #batch batch} of
 * changes, fires exactly one {@link SelectionEvent}. Listeners hear last added first, as Swing's
 * models notify. Use on the Event Dispatch Thread.
 */
final class SelectionEvents {

  private final AttentionSelectionModel source;
  private final EventListenerList listeners = new EventListenerList();
  private final EnumSet<Aspect> pending = EnumSet.noneOf(Aspect.class);
  private int batchDepth;

  /** The events of {@code source}. */
  SelectionEvents(AttentionSelectionModel source) {
    this.source = source;
  }

  /** Adds {@code listener} of {@code type}; not null. */
  <T extends EventListener> void add(Class<T> type, T listener) {
    listeners.add(type, Objects.requireNonNull(listener, "listener"));
  }

  /** Removes {@code listener} of {@code type}; unknown listeners are ignored. */
  <T extends EventListener> void remove(Class<T> type, T listener) {
    listeners.remove(type, listener);
  }

  /** The listeners of {@code type}, in the order they were added; a copy. */
  <T extends EventListener> T[] get(Class<T> type) {
    return listeners.getListeners(type);
  }

  /** Number of listeners of both kinds. */
  int count() {
    return listeners.getListenerCount();
  }

  /** Runs {@code changes}, then fires one event for all they changed, if the outermost batch. */
  void batch(Runnable changes) {
    batchDepth++;
    try {
      changes.run();
    } finally {
      batchDepth--;
    }
    if (batchDepth == 0 && !pending.isEmpty()) {
      Set<Aspect> aspects = EnumSet.copyOf(pending);
      pending.clear();
      fire(new SelectionEvent(source, aspects));
    }
  }

  /** Records that {@code aspect} changed; fires at once outside a batch. */
  void changed(Aspect aspect) {
    pending.add(aspect);
    if (batchDepth == 0) {
      batch(() -> {});
    }
  }

  private void fire(SelectionEvent event) {
    Object[] all = listeners.getListenerList();
    // Last added first, as Swing's models notify.
    for (int i = all.length - 2; i >= 0; i -= 2) {
      if (all[i] == SelectionListener.class) {
        ((SelectionListener) all[i + 1]).selectionChanged(event);
      } else if (all[i] == ChangeListener.class) {
        ((ChangeListener) all[i + 1]).stateChanged(event);
      }
    }
  }
}
