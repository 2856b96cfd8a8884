package dev.attnviz.swing.model;

import java.util.ArrayList;
import java.util.List;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

/** Records the change events a model fires. */
final class EventCounter implements ChangeListener {

  final List<ChangeEvent> events = new ArrayList<>();

  @Override
  public void stateChanged(ChangeEvent e) {
    events.add(e);
  }

  int count() {
    return events.size();
  }

  SelectionEvent last() {
    return (SelectionEvent) events.get(events.size() - 1);
  }
}
