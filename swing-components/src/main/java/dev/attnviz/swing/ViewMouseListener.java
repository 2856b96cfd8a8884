package dev.attnviz.swing;

import java.util.EventListener;

/**
 * Told what the mouse is over and what it clicks in a view ({@link
 * AttentionView#addViewMouseListener}). Called on the Event Dispatch Thread.
 */
public interface ViewMouseListener extends EventListener {

  /** The mouse moved onto something else (another token, cell, or nothing). */
  default void viewHovered(ViewMouseEvent event) {}

  /** The mouse clicked. */
  default void viewClicked(ViewMouseEvent event) {}
}
