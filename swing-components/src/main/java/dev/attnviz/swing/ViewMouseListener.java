package dev.attnviz.swing;

import java.util.EventListener;

/**
 * Told what the mouse is over and what it clicks in a view ({@link
 * AttentionView#addViewMouseListener}). Called on the Event Dispatch Thread.
 */
public interface ViewMouseListener extends EventListener {

  /**
   * The mouse moved onto something else (another token, cell, or nothing).
   *
   * @param event the view, the Swing event and what is now under the mouse
   */
  default void viewHovered(ViewMouseEvent event) {}

  /**
   * The mouse clicked.
   *
   * @param event the view, the Swing event and what was clicked
   */
  default void viewClicked(ViewMouseEvent event) {}
}
