package dev.attnviz.swing.render;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.LayerHead;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Model-view thumbnails, one image per (layer, head), at device resolution. The cache belongs to
 * one picture: everything the images depend on (data, kind, filter, size, device scale, theme,
 * style) is its {@link Key}, and a different key drops every image. Missing images are built
 * lazily, only for the cells being painted, in parallel on the common fork-join pool while the
 * caller waits, so that what is painted is always complete and never stale.
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

  private final Map<LayerHead, BufferedImage> images = new HashMap<>();
  private Key key;
  private long builds;

  /**
   * Makes the cache hold images for {@code newKey}; drops all images if the key changed.
   *
   * @param newKey what the images are drawn for: data, kind, filter, colours, style, scale and size
   */
  public void validate(Key newKey) {
    Objects.requireNonNull(newKey, "newKey");
    if (!newKey.equals(key)) {
      images.clear();
      key = newKey;
    }
  }

  /** Drops every image (e.g. when the theme changes). */
  public void clear() {
    images.clear();
    key = null;
  }

  /**
   * The cached image of {@code cell}, or null.
   *
   * @param cell a layer and head, original indexes
   * @return the image, or null if not built
   */
  public BufferedImage get(LayerHead cell) {
    return images.get(cell);
  }

  /**
   * Builds the missing images of {@code cells} with {@code builder}, in parallel.
   *
   * @param cells the cells whose images are needed
   * @param builder draws one cell's image
   */
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

  /**
   * Number of images held.
   *
   * @return the number of cached images
   */
  public int size() {
    return images.size();
  }

  /**
   * Number of images built since creation (for tests and benchmarks).
   *
   * @return the number of images built
   */
  public long builds() {
    return builds;
  }

  /**
   * Bytes of pixel memory held (4 bytes per pixel).
   *
   * @return the pixel memory, in bytes
   */
  public long byteSize() {
    long bytes = 0;
    for (BufferedImage image : images.values()) {
      bytes += 4L * image.getWidth() * image.getHeight();
    }
    return bytes;
  }
}
