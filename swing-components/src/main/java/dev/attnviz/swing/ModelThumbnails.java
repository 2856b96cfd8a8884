package dev.attnviz.swing;

import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.ThumbnailCache;
import dev.attnviz.swing.render.ThumbnailGridPainter;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How the model view draws its thumbnails: the Auto / Lines / Heatmap mode and the token count at
 * which Auto switches to heatmaps, the style that follows for the shown data, the thumbnails cached
 * per (layer, head), and the choice, paint by paint, between drawing them as vectors, from the
 * cache, or from the cache with line thumbnails built in the background. The view keeps the bound
 * properties and the layout; this class keeps the thumbnails' state. Use on the Event Dispatch
 * Thread.
 */
final class ModelThumbnails {

  private final ThumbnailCache cache = new ThumbnailCache();
  private final LineThumbnailBuilds builds = new LineThumbnailBuilds();
  private final ThumbnailControls controls;
  private ThumbnailMode mode = ThumbnailMode.AUTO;
  private int lineLimit = ModelView.DEFAULT_LINE_THUMBNAIL_LIMIT;

  /**
   * Thumbnails whose controls show {@code style} (the style drawn now, null without data) and set a
   * mode through {@code setMode}.
   */
  ModelThumbnails(Supplier<ThumbnailPainter.Style> style, Consumer<ThumbnailMode> setMode) {
    controls = new ThumbnailControls(style, setMode);
  }

  ThumbnailMode mode() {
    return mode;
  }

  /** Stores {@code newMode} and shows it in the controls, in {@code colors}. */
  void setMode(ThumbnailMode newMode, ViewColors colors) {
    mode = newMode;
    controls.update(mode, colors);
  }

  int lineLimit() {
    return lineLimit;
  }

  /** Stores the token count above which Auto draws heatmaps, and updates the controls. */
  void setLineLimit(int limit, ViewColors colors) {
    lineLimit = limit;
    controls.update(mode, colors);
  }

  /** Shows the mode, and what Auto picks for the data now, in the controls. */
  void updateControls(ViewColors colors) {
    controls.update(mode, colors);
  }

  /** The colours changed: drops the cached thumbnails (drawn in the old ones). */
  void themeChanged(ViewColors colors) {
    cache.clear();
    controls.update(mode, colors);
  }

  /** The style {@code shown} is drawn in under the mode, or null without data. */
  ThumbnailPainter.Style styleFor(ShownAttention shown) {
    if (shown == null) {
      return null;
    }
    return switch (mode) {
      case LINES -> ThumbnailPainter.Style.LINES;
      case HEATMAP -> ThumbnailPainter.Style.HEATMAP;
      case AUTO -> ThumbnailPainter.styleFor(shown.rowCount(), shown.columnCount(), lineLimit);
    };
  }

  ThumbnailCache cache() {
    return cache;
  }

  ThumbnailControls controls() {
    return controls;
  }

  /** Where line thumbnails are built: the host's executor or the library's, and whether at all. */
  LineThumbnailBuilds builds() {
    return builds;
  }

  /**
   * Paints the thumbnails of {@code layout} in {@code clip} with {@code grid}: as vectors if {@code
   * direct} (export); else from the cache, built while painting, or, where the builds say so for
   * this paint, with missing lines built in the background and {@code onReady} run once they are.
   *
   * @param printing whether the paint is for a printer
   * @param onScreen whether the paint goes to a showing window
   */
  void paint(
      Graphics2D g,
      ThumbnailGridPainter grid,
      ModelGridLayout layout,
      Rectangle clip,
      SentenceFilter filter,
      boolean direct,
      boolean printing,
      boolean onScreen,
      Runnable onReady) {
    Executor executor = direct ? null : builds.forPaint(printing, onScreen);
    if (direct) {
      grid.paintDirect(g, layout, clip);
    } else if (executor != null) {
      grid.paintProgressive(g, layout, clip, cache, filter, executor, onReady);
    } else {
      grid.paintCached(g, layout, clip, cache, filter);
    }
  }
}
