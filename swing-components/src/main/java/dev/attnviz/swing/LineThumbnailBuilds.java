package dev.attnviz.swing;

import java.awt.Window;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * Where a model view builds its line thumbnails, paint by paint: in the background while the view
 * is on screen (heatmaps stand in meanwhile), while painting when the picture must be complete.
 *
 * <p>Building 144 line thumbnails of 64 tokens costs about 200 ms of CPU, well over what a first
 * paint may take on the Event Dispatch Thread; a paint on screen that lacks them shows heatmaps and
 * is followed by the lines. A paint of a component that is not showing draws into an image (a test,
 * a screenshot, the {@code render} command) and printing draws on paper: both need the finished
 * lines, so they are built while painting, as exports (vector, never cached) draw them.
 *
 * <p>Without an executor of the host's, builds run on one library-owned daemon thread, created on
 * first use and ended after a few idle seconds; each build spreads over the common fork-join pool.
 * Use on the Event Dispatch Thread.
 */
final class LineThumbnailBuilds {

  /** The library's own background thread, shared by every model view. */
  private static final class Shared {
    static final Executor EXECUTOR = create();

    private static Executor create() {
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              5,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread thread = new Thread(task, "attnviz-line-thumbnails");
                thread.setDaemon(true);
                return thread;
              });
      // No thread lingers in an application that has stopped showing model views.
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }

  private Executor executor;
  private boolean progressive = true;

  /** Sets the host's executor, or null for the library's own thread. */
  void setExecutor(Executor executor) {
    this.executor = executor;
  }

  boolean isProgressive() {
    return progressive;
  }

  void setProgressive(boolean progressive) {
    this.progressive = progressive;
  }

  /**
   * Where a paint now builds missing line thumbnails, or null to build them while painting.
   *
   * @param printing whether the paint is for a printer
   * @param onScreen whether the paint goes to a showing window (not into an image)
   * @return the executor, or null
   */
  Executor forPaint(boolean printing, boolean onScreen) {
    if (!progressive || printing) {
      return null;
    }
    if (executor != null) {
      // A host that passed an executor asked for background builds wherever it paints.
      return executor;
    }
    return onScreen ? Shared.EXECUTOR : null;
  }

  /**
   * Whether {@code view} is painted into a showing window: only the repaint manager paints there. A
   * component that is merely displayable (e.g. in a scroll pane made displayable to be painted into
   * an image) is not.
   *
   * @param view the view
   * @return true if on screen
   */
  static boolean onScreen(JComponent view) {
    Window window = SwingUtilities.getWindowAncestor(view);
    return window != null && window.isShowing() && view.isShowing();
  }
}
