package dev.attnviz.swing.render;

import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.LayerHead;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Paints the model view's grid of thumbnails, one per (layer, head), and its marks (hovered and
 * selected cell, focus ring): from the device-scale {@link ThumbnailCache} on screen, or directly
 * (vector) for export. Only the cells in the clip are built and drawn.
 */
public final class ThumbnailGridPainter {

  /**
   * The most lines of the visible cells that {@link #paintProgressive} draws at once: 32 tokens ×
   * 144 heads, whose line thumbnails are drawn in about 60 ms on two cores, where heatmaps first
   * and lines built in the background showed the stand-ins at 48 ms and the lines at 68 ms (at 16
   * tokens: 32 ms at once against 53 and 67; docs/PERFORMANCE.md, "Model view in lines mode").
   */
  public static final long SYNC_LINES = 32L * 32 * 144;

  private final ViewColors colors;
  private final ShownAttention shown;
  private final ThumbnailPainter.Style style;
  private final IntFunction<Color> layerColor;
  private final ThumbnailPainter painter;

  /**
   * A painter of {@code shown}'s thumbnails in {@code style}, each layer in its colour.
   *
   * @param colors the theme
   * @param shown the shown attention
   * @param style lines or heatmap
   * @param layerColor the colour of a layer (original index)
   */
  public ThumbnailGridPainter(
      ViewColors colors,
      ShownAttention shown,
      ThumbnailPainter.Style style,
      IntFunction<Color> layerColor) {
    this.colors = colors;
    this.shown = shown;
    this.style = style;
    this.layerColor = layerColor;
    this.painter = new ThumbnailPainter(colors.background(), TokenColumnsPainter.DEFAULT_MIN_ALPHA);
  }

  private static List<LayerHead> visible(ModelGridLayout layout, Rectangle clip) {
    int[] range = layout.cellRange(clip);
    int[] layers = layout.layers();
    int[] heads = layout.heads();
    List<LayerHead> visible = new ArrayList<>();
    for (int r = range[0]; r <= range[1]; r++) {
      for (int c = range[2]; c <= range[3]; c++) {
        visible.add(new LayerHead(layers[r], heads[c]));
      }
    }
    return visible;
  }

  /**
   * Paints the thumbnails in the clip as vectors, at whatever scale {@code g} has (export).
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the thumbnails are
   * @param clip the area to paint, or null for all
   */
  public void paintDirect(Graphics2D g, ModelGridLayout layout, Rectangle clip) {
    double scale = HiDpi.scale(g);
    List<LayerHead> visible = visible(layout, clip);
    for (LayerHead cell : visible) {
      painter.paint(
          g,
          layout.cell(cell),
          shown,
          cell.layer(),
          cell.head(),
          layerColor.apply(cell.layer()),
          style,
          scale);
    }
    paintBorders(g, layout, visible);
  }

  /**
   * Paints the thumbnails in the clip from {@code cache}, building the missing ones at device
   * scale; the cache is dropped first if the data, kind, {@code filter}, colours, style, scale or
   * size changed.
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the thumbnails are
   * @param clip the area to paint, or null for all
   * @param cache the thumbnail images, per layer and head
   * @param filter the sentence filter, part of what the cache holds
   */
  public void paintCached(
      Graphics2D g,
      ModelGridLayout layout,
      Rectangle clip,
      ThumbnailCache cache,
      SentenceFilter filter) {
    paintBuilt(g, layout, cells(g, layout, clip, cache, filter, style), cache);
  }

  /** Builds the missing images of {@code cells} while painting, then paints them. */
  private void paintBuilt(Graphics2D g, ModelGridLayout layout, Cells cells, ThumbnailCache cache) {
    cache.ensure(cells.visible(), cells.builder());
    paintImages(g, layout, cells.visible(), cache, cache);
  }

  /**
   * Paints the thumbnails in the clip as {@link #paintCached} does, except that missing line
   * thumbnails are built on {@code executor}: meanwhile the cells show their heatmaps (quick to
   * build, cached in {@link ThumbnailCache#standIns()}) and the grid says that lines are still
   * being drawn; {@code onReady} runs on the EDT when the lines are in the cache (a repaint). The
   * newest request wins: lines built for an older data, size or theme are dropped. Cells with at
   * most {@link #SYNC_LINES} lines in all are drawn at once, as {@link #paintCached} does: so few
   * are done sooner than heatmaps and lines a moment later.
   *
   * @param g the graphics to paint into
   * @param layout the grid
   * @param clip the area to paint
   * @param cache the line thumbnails
   * @param filter the sentence-pair filter shown
   * @param executor where lines are built
   * @param onReady run on the EDT once lines were added (e.g. {@code view::repaint})
   */
  public void paintProgressive(
      Graphics2D g,
      ModelGridLayout layout,
      Rectangle clip,
      ThumbnailCache cache,
      SentenceFilter filter,
      Executor executor,
      Runnable onReady) {
    Cells cells = cells(g, layout, clip, cache, filter, style);
    long lines = (long) shown.rowCount() * shown.columnCount() * cells.visible().size();
    if (style != ThumbnailPainter.Style.LINES || lines <= SYNC_LINES) {
      paintBuilt(g, layout, cells, cache);
      return;
    }
    List<LayerHead> missing =
        cache.ensureLater(cells.visible(), cells.builder(), executor, onReady);
    ThumbnailCache standIns = cache.standIns();
    if (!missing.isEmpty()) {
      Cells heatmaps = cells(g, layout, clip, standIns, filter, ThumbnailPainter.Style.HEATMAP);
      standIns.ensure(missing, heatmaps.builder());
    }
    paintImages(g, layout, cells.visible(), cache, standIns);
    if (!missing.isEmpty()) {
      paintDrawingNote(g, layout);
    }
  }

  /** The visible cells and how to build one of them in {@code cellStyle}; validates the cache. */
  private Cells cells(
      Graphics2D g,
      ModelGridLayout layout,
      Rectangle clip,
      ThumbnailCache cache,
      SentenceFilter filter,
      ThumbnailPainter.Style cellStyle) {
    double scale = HiDpi.scale(g);
    int width = HiDpi.devicePixels(layout.cellWidth(), scale);
    int height = HiDpi.devicePixels(layout.cellHeight(), scale);
    cache.validate(
        new ThumbnailCache.Key(
            shown.data(), shown.kind(), filter, colors, cellStyle, scale, width, height));
    return new Cells(
        visible(layout, clip),
        cell ->
            painter.render(
                shown,
                cell.layer(),
                cell.head(),
                layerColor.apply(cell.layer()),
                cellStyle,
                width,
                height,
                scale));
  }

  /** The cells to paint and their builder. */
  private record Cells(List<LayerHead> visible, Function<LayerHead, BufferedImage> builder) {}

  /** Draws each cell's image from {@code cache}, or from {@code standIns} where it has none. */
  private void paintImages(
      Graphics2D g,
      ModelGridLayout layout,
      List<LayerHead> visible,
      ThumbnailCache cache,
      ThumbnailCache standIns) {
    for (LayerHead cell : visible) {
      BufferedImage image = cache.get(cell);
      HiDpi.drawDeviceImage(g, image != null ? image : standIns.get(cell), layout.cell(cell));
    }
    paintBorders(g, layout, visible);
  }

  /** Says, over the grid's top left corner, that heatmaps stand in while lines are drawn. */
  private void paintDrawingNote(Graphics2D g, ModelGridLayout layout) {
    Rectangle grid = layout.bounds();
    ViewText text = colors.text();
    String note = Messages.text("thumbnails.drawingLines");
    int pad = 4;
    int width = text.width(note) + 2 * pad;
    int height = text.height() + 2 * pad;
    g.setColor(colors.background());
    g.fillRect(grid.x, grid.y, width, height);
    g.setColor(colors.grid());
    g.drawRect(grid.x, grid.y, width - 1, height - 1);
    g.setColor(colors.foreground());
    TextFit.drawAt(g, text, note, grid.x + pad, grid.y + pad);
  }

  private void paintBorders(Graphics2D g, ModelGridLayout layout, List<LayerHead> visible) {
    // Painters may have turned antialiasing on; borders stay crisp.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(colors.grid());
    g.setStroke(new BasicStroke(1f));
    for (LayerHead cell : visible) {
      Rectangle box = layout.cell(cell);
      g.draw(new Rectangle(box.x - 1, box.y - 1, box.width + 1, box.height + 1));
    }
  }

  /**
   * Marks the hovered cell (thin, muted) and the selected one (thick, selection colour), each if
   * not null and shown, and rings the grid when the view has the focus.
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the thumbnails are
   * @param hovered the hovered cell, or null
   * @param selected the open cell, or null
   * @param focus whether the view has the keyboard focus
   */
  public void paintMarks(
      Graphics2D g, ModelGridLayout layout, LayerHead hovered, LayerHead selected, boolean focus) {
    if (hovered != null && layout.cell(hovered) != null) {
      Rectangle box = layout.cell(hovered);
      g.setColor(colors.mutedForeground());
      g.setStroke(new BasicStroke(1f));
      g.draw(new Rectangle(box.x - 2, box.y - 2, box.width + 3, box.height + 3));
    }
    if (selected != null) {
      Rectangle box = layout.cell(selected);
      g.setColor(colors.selection());
      g.setStroke(new BasicStroke(2f));
      g.draw(new Rectangle(box.x - 2, box.y - 2, box.width + 3, box.height + 3));
    }
    if (focus) {
      Rectangle ring = layout.bounds();
      ring.grow(4, 4);
      FocusRing.paint(g, colors.selection(), ring);
    }
  }
}
