package dev.attnviz.swing;

import java.awt.event.MouseEvent;
import java.util.EventObject;
import java.util.Objects;

/**
 * The mouse moved onto something else in a view, or clicked something: the Swing event and what it
 * hit, so that a host reacts to tokens and heads without hit-testing itself (like JFreeChart's
 * {@code ChartMouseEvent}).
 */
public final class ViewMouseEvent extends EventObject {

  private final transient MouseEvent trigger;
  private final transient ViewHit hit;

  /**
   * An event from {@code view}.
   *
   * @param view the view the mouse is in
   * @param trigger the Swing event behind it
   * @param hit what is under the mouse
   */
  public ViewMouseEvent(AttentionView view, MouseEvent trigger, ViewHit hit) {
    super(view);
    this.trigger = Objects.requireNonNull(trigger, "trigger");
    this.hit = Objects.requireNonNull(hit, "hit");
  }

  /**
   * The view.
   *
   * @return the view the mouse is in
   */
  public AttentionView view() {
    return (AttentionView) getSource();
  }

  /**
   * The Swing mouse event.
   *
   * @return the Swing event, in the view's coordinates
   */
  public MouseEvent trigger() {
    return trigger;
  }

  /**
   * What the mouse is over, or clicked.
   *
   * @return the hit; {@link ViewHit#NONE} over nothing
   */
  public ViewHit hit() {
    return hit;
  }
}
