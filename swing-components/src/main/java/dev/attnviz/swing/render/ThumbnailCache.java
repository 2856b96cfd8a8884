package dev.attnviz.swing.render;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.LayerHead;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.swing.SwingUtilities;

/**
 * Model-view thumbnails, one image per (layer, head), at device resolution. The cache belongs to
 * one picture: everything the images depend on (data, kind, filter, size, device scale, theme,
 * style) is its {@link Key}, and a different key drops every image. Missing images are built
 * lazily, only for the cells being painted, in parallel on the common fork-join pool while the
 * caller waits, so that what is painted is always complete and never stale.
 *
 * <p>{@link #ensureLater} builds them in the background instead, for pictures that show stand-ins
 * ({@link #standIns()}) meanwhile: the newest key wins, images built for an older one are dropped
 * and a build for an older key stops at its next image.
 *
 * <p>Use from one thread (the EDT); only the builder runs on worker threads.
 */
public final class ThumbnailCache {

  /**
   * What the images depend on. {@code data} is compared by identity: attention data is immutable,
   * and comparing millions of weights for equality would cost more than rebuilding.
   *
   * @param data the data shown (identity)
   * @param kind the attention kind shown
   * @param filter the sentence-pair filter
   * @param colors the theme's colours
   * @param style lines or heatmap
   * @param scale the device scale
   * @param width thumbnail width in device pixels
   * @param height thumbnail height in device pixels
   */
  public record Key(
      AttentionData data,
      AttentionKind kind,
      SentenceFilter filter,
      ViewColors colors,
      ThumbnailPainter.Style style,
      double scale,
      int width,
      int height) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && data == that.data
          && kind == that.kind
          && filter == that.filter
          && colors.equals(that.colors)
          && style == that.style
          && Double.compare(scale, that.scale) == 0
          && width == that.width
          && height == that.height;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          System.identityHashCode(data), kind, filter, colors, style, scale, width, height);
    }
  }

  private static final System.Logger LOG = System.getLogger(ThumbnailCache.class.getName());

  private final Map<LayerHead, BufferedImage> images = new HashMap<>();
  private final Set<LayerHead> pending = new HashSet<>();
  private Key key;
  private long builds;
  private ThumbnailCache standIns;

  /** Changes with every key (and on {@link #clear}); a background build of another one stops. */
  private volatile long generation;

  /** Makes the cache hold images for {@code newKey}; drops all images if the key changed. */
  public void validate(Key newKey) {
    Objects.requireNonNull(newKey, "newKey");
    if (!newKey.equals(key)) {
      forget();
      key = newKey;
    }
  }

  /** Drops every image (e.g. when the theme changes) and stops building in the background. */
  public void clear() {
    forget();
    key = null;
    if (standIns != null) {
      standIns.clear();
    }
  }

  private void forget() {
    images.clear();
    pending.clear();
    generation++;
  }

  /**
   * A second cache, for the quick pictures shown while this one builds in the background (e.g.
   * heatmaps while lines are drawn); cleared with this one.
   *
   * @return the stand-ins' cache, created on first use
   */
  public ThumbnailCache standIns() {
    if (standIns == null) {
      standIns = new ThumbnailCache();
    }
    return standIns;
  }

  /**
   * Builds the missing images of {@code cells} on {@code executor} (each build in parallel on the
   * common fork-join pool), unless a build of them is already under way, and returns at once. When
   * they are built, they are added on the Event Dispatch Thread and {@code onReady} runs there,
   * unless the key changed meanwhile: then they are dropped (the newest key wins).
   *
   * @param cells the cells wanted now
   * @param builder builds one cell's image; called on worker threads
   * @param executor where the build runs
   * @param onReady run on the EDT once the images are in the cache (e.g. a repaint)
   * @return the cells of {@code cells} that have no image yet, in their order
   */
  public List<LayerHead> ensureLater(
      List<LayerHead> cells,
      Function<LayerHead, BufferedImage> builder,
      Executor executor,
      Runnable onReady) {
    List<LayerHead> missing = cells.stream().filter(c -> !images.containsKey(c)).toList();
    List<LayerHead> start = missing.stream().filter(c -> !pending.contains(c)).toList();
    if (!start.isEmpty()) {
      pending.addAll(start);
      long wanted = generation;
      executor.execute(
          () -> {
            List<Map.Entry<LayerHead, BufferedImage>> built;
            try {
              built =
                  start.parallelStream()
                      .filter(c -> generation == wanted)
                      .map(c -> Map.entry(c, builder.apply(c)))
                      .toList();
            } catch (RuntimeException e) {
              // The next paint asks again; meanwhile the stand-ins stay, and say so.
              LOG.log(System.Logger.Level.WARNING, "cannot build thumbnails", e);
              built = List.of();
            }
            List<Map.Entry<LayerHead, BufferedImage>> done = built;
            SwingUtilities.invokeLater(
                () -> {
                  if (generation == wanted) {
                    done.forEach(e -> images.put(e.getKey(), e.getValue()));
                    builds += done.size();
                    start.forEach(pending::remove);
                    onReady.run();
                  }
                });
          });
    }
    return missing;
  }

  /**
   * Whether images are being built in the background for the current key.
   *
   * @return true while a build started by {@link #ensureLater} has not delivered its images
   */
  public boolean isBuilding() {
    return !pending.isEmpty();
  }

  /** The cached image of {@code cell}, or null. */
  public BufferedImage get(LayerHead cell) {
    return images.get(cell);
  }

  /** Builds the missing images of {@code cells} with {@code builder}, in parallel. */
  public void ensure(List<LayerHead> cells, Function<LayerHead, BufferedImage> builder) {
    List<LayerHead> missing = cells.stream().filter(c -> !images.containsKey(c)).toList();
    if (missing.isEmpty()) {
      return;
    }
    List<Map.Entry<LayerHead, BufferedImage>> built =
        missing.parallelStream().map(c -> Map.entry(c, builder.apply(c))).toList();
    built.forEach(e -> images.put(e.getKey(), e.getValue()));
    builds += built.size();
  }

  /** Number of images held. */
  public int size() {
    return images.size();
  }

  /** Number of images built since creation (for tests and benchmarks). */
  public long builds() {
    return builds;
  }

  /** Bytes of pixel memory held (4 bytes per pixel). */
  public long byteSize() {
    long bytes = 0;
    for (BufferedImage image : images.values()) {
      bytes += 4L * image.getWidth() * image.getHeight();
    }
    return bytes;
  }
}
