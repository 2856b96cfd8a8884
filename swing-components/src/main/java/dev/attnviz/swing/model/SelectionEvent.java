package dev.attnviz.swing.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import javax.swing.event.ChangeEvent;

/**
 * A change of an {@link AttentionSelectionModel}, saying which parts changed so that a view can
 * repaint only what it must (e.g. only the hover overlay).
 */
public final class SelectionEvent extends ChangeEvent {

  /** The parts of a selection. */
  public enum Aspect {
    /** The attention kind. */
    KIND,
    /** The sentence-pair filter. */
    FILTER,
    /** The layer. */
    LAYER,
    /** The set of active heads. */
    HEADS,
    /** The single focused head (neuron view, keyboard). */
    FOCUS_HEAD,
    /** The token under the mouse. */
    HOVER,
    /** The token locked by a click. */
    LOCK,
    /** The selected model-view cell. */
    CELL
  }

  private final transient Set<Aspect> aspects;

  SelectionEvent(AttentionSelectionModel source, Set<Aspect> aspects) {
    super(source);
    this.aspects = Collections.unmodifiableSet(EnumSet.copyOf(aspects));
  }

  /**
   * The parts that changed; never empty.
   *
   * @return an unmodifiable set of the changed aspects
   */
  public Set<Aspect> aspects() {
    return aspects;
  }

  /**
   * Whether {@code aspect} changed.
   *
   * @param aspect the aspect to ask about
   * @return true if it changed in this event
   */
  public boolean changed(Aspect aspect) {
    return aspects.contains(aspect);
  }

  /**
   * Whether only the hovered token changed, so a view may repaint just its overlay.
   *
   * @return true if the hovered token is the only change
   */
  public boolean isHoverOnly() {
    return aspects.size() == 1 && aspects.contains(Aspect.HOVER);
  }
}
