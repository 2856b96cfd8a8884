package dev.attnviz.swing;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import javax.swing.SwingUtilities;

/**
 * A model view that paints as if into a showing window, for headless tests and benchmarks of what a
 * view on screen does (with code that has no such notion, an ordinary model view).
 */
public class OnScreenModelView extends ModelView {

  /**
   * A view of {@code model} with a selection of its own.
   *
   * @param model the data
   */
  public OnScreenModelView(AttentionViewModel model) {
    super(model, new AttentionSelectionModel());
  }

  /**
   * Whether line thumbnails are still being built in the background; asks on the EDT, where the
   * built lines arrive.
   *
   * @return true until the lines are in the cache
   * @throws Exception if interrupted
   */
  public boolean linesPending() throws Exception {
    boolean[] pending = new boolean[1];
    SwingUtilities.invokeAndWait(() -> pending[0] = thumbnailCache().isBuilding());
    return pending[0];
  }

  @Override
  boolean paintsOnScreen() {
    return true;
  }
}
