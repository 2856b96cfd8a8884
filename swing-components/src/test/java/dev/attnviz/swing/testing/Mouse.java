package dev.attnviz.swing.testing;

import java.awt.Component;
import java.awt.event.MouseEvent;

/** Drives components with the mouse as a user would, for headless Swing tests. */
public final class Mouse {

  private Mouse() {}

  /** A mouse-moved event at ({@code x}, {@code y}) of {@code target}, e.g. to ask for a tooltip. */
  public static MouseEvent movedTo(Component target, int x, int y) {
    return new MouseEvent(
        target, MouseEvent.MOUSE_MOVED, System.currentTimeMillis(), 0, x, y, 0, false);
  }

  /** Moves the mouse to ({@code x}, {@code y}). */
  public static void move(Component target, int x, int y) {
    target.dispatchEvent(movedTo(target, x, y));
  }

  /** Presses the left button at ({@code x}, {@code y}) with the given click count. */
  public static void press(Component target, int x, int y, int clickCount) {
    target.dispatchEvent(
        new MouseEvent(
            target,
            MouseEvent.MOUSE_PRESSED,
            System.currentTimeMillis(),
            MouseEvent.BUTTON1_DOWN_MASK,
            x,
            y,
            clickCount,
            false,
            MouseEvent.BUTTON1));
  }
}
