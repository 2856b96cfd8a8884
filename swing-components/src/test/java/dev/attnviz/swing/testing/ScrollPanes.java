package dev.attnviz.swing.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.SecondaryLoop;
import java.awt.Toolkit;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

/** Lays out scroll panes as a window does, for tests of views that fit their viewport. */
public final class ScrollPanes {

  private ScrollPanes() {}

  /**
   * Gives {@code pane} a size and validates it as a window does, running the events that validation
   * queues (the viewport lays out again when its view changed size: the scroll pane asked for the
   * view's preferred size before the viewport had its new width), until it stays valid; fails if it
   * does not settle. Call on the Event Dispatch Thread.
   */
  public static void layOut(JScrollPane pane, int width, int height) {
    pane.setSize(width, height);
    for (int pass = 0; pass < 5; pass++) {
      pane.validate();
      runQueuedEvents();
      if (pane.isValid()) {
        return;
      }
    }
    fail("the layout of a " + width + " x " + height + " scroll pane does not settle");
  }

  /** Runs what is queued on the event queue now, from the EDT. */
  private static void runQueuedEvents() {
    SecondaryLoop loop = Toolkit.getDefaultToolkit().getSystemEventQueue().createSecondaryLoop();
    SwingUtilities.invokeLater(loop::exit);
    loop.enter();
  }
}
