package dev.attnviz.swing;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A bound property of a view that holds its value (see {@link AttentionView#property}): {@link
 * #set} compares, stores, lets the view do what follows (relayout, repaint) and fires the change
 * through the view's {@link AttentionView#changeProperty}. Use on the Event Dispatch Thread.
 *
 * @param <T> the value's type
 */
public final class ViewProperty<T> {

  /** How the owning view fires a change: {@link AttentionView#changeProperty}. */
  interface Change {
    <T> boolean apply(String name, T old, T value, Consumer<? super T> store);
  }

  private final String name;
  private final Consumer<? super T> changed;
  private final Change change;
  private T value;

  ViewProperty(String name, T initial, Consumer<? super T> changed, Change change) {
    this.name = Objects.requireNonNull(name, "name");
    this.changed = Objects.requireNonNull(changed, "changed");
    this.change = change;
    this.value = initial;
  }

  /**
   * Changes a bound property: if {@code value} differs from {@code old}, {@code apply} stores it
   * and updates the view, then {@code fire} tells the property's listeners.
   *
   * @return whether the value changed
   */
  static <T> boolean change(
      String name,
      T old,
      T value,
      Consumer<? super T> apply,
      TriConsumer<String, Object, Object> fire) {
    if (Objects.equals(old, value)) {
      return false;
    }
    apply.accept(value);
    fire.accept(name, old, value);
    return true;
  }

  /** How a view fires a bound property's change: {@code firePropertyChange(name, old, new)}. */
  interface TriConsumer<A, B, C> {
    void accept(A a, B b, C c);
  }

  /**
   * The value.
   *
   * @return the current value
   */
  public T get() {
    return value;
  }

  /**
   * Changes the value and tells the view and the property's listeners, if it differs.
   *
   * @param newValue the new value
   * @return whether it differed
   */
  public boolean set(T newValue) {
    return change.apply(
        name,
        value,
        newValue,
        v -> {
          value = v;
          changed.accept(v);
        });
  }
}
