package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Paints two token columns and the attention lines between them, as the head view and the model
 * view's detail pane show them: for every drawn head and every shown pair (i, j) a line from left
 * token i to right token j in the head's colour with opacity {@code weight × alphaScale}.
 *
 * <p>With a selected token (hovered or locked) only the lines touching it are drawn, the token is
 * highlighted, and every token box on the other side is split into one slice per drawn head, filled
 * in the head's colour with opacity = raw weight.
 *
 * <p>Lines whose opacity would round to nothing are culled, and lines that cannot cross the clip
 * are skipped without being built, so long inputs stay fast. Of the rest, the strongest are drawn
 * within a budget of lines and of line length chosen over the whole picture ({@link LineBudget}),
 * so a repaint of part of it draws the same lines as a repaint of all of it. A view keeps the
 * budget ({@link TokenColumnsDisplay} does), since it remembers the last pictures' counts. Use on
 * one thread at a time.
 */
public final class TokenColumnsPainter {

  /** Opacity below which a line is invisible on an 8-bit surface, so it is not drawn at all. */
  public static final float DEFAULT_MIN_ALPHA = 0.5f / 255f;

  /** Default most lines per 1,000 pixels of column height. */
  public static final int DEFAULT_MAX_LINES = 8_000;

  /**
   * Default most pixels of line length per 1,000 pixels of column height: about what antialiased
   * lines fill in a few milliseconds.
   */
  public static final long DEFAULT_MAX_LINE_PIXELS = 400_000;

  /**
   * Fewer lines than this are stroked even with {@link #rasterLines}: making the layer costs about
   * what stroking a few dozen long lines does.
   */
  private static final int RASTER_MIN_LINES = 32;

  private final ViewColors colors;
  private float lineWidth = 2f;
  private float minAlpha = DEFAULT_MIN_ALPHA;
  private int maxLines = DEFAULT_MAX_LINES;
  private long maxLinePixels = DEFAULT_MAX_LINE_PIXELS;
  private LineBudget budget = new LineBudget(maxLines, maxLinePixels, LineBudget.ALWAYS_DRAWN);
  private double budgetLineArea = -1;
  private boolean rasterLines;

  /**
   * A painter with the theme's colours and font.
   *
   * @param colors the theme's colours and font; not null
   */
  public TokenColumnsPainter(ViewColors colors) {
    this.colors = Objects.requireNonNull(colors, "colors");
  }

  /**
   * Sets the line width in user-space pixels (default 2).
   *
   * @param width the line width, in user-space pixels
   * @return this painter
   */
  public TokenColumnsPainter lineWidth(float width) {
    this.lineWidth = width;
    return this;
  }

  /**
   * Sets the opacity below which lines are culled (default {@link #DEFAULT_MIN_ALPHA}).
   *
   * @param alpha the opacity threshold, 0 to 1
   * @return this painter
   */
  public TokenColumnsPainter minAlpha(float alpha) {
    this.minAlpha = alpha;
    return this;
  }

  /**
   * Sets the most lines drawn per 1,000 pixels of column height, counted over the whole picture
   * (default {@link #DEFAULT_MAX_LINES}); the strongest are kept. By default a picture of at most
   * 2,048 lines draws them all; a limit set here holds for every picture.
   *
   * @param lines the most lines, at least 1
   * @return this painter
   * @throws IllegalArgumentException if below 1
   */
  public TokenColumnsPainter maxLines(int lines) {
    if (lines < 1) {
      throw new IllegalArgumentException("maxLines must be at least 1, got " + lines);
    }
    this.maxLines = lines;
    this.budget = new LineBudget(maxLines, maxLinePixels, 0);
    return this;
  }

  /**
   * Sets the most pixels of line length drawn per 1,000 pixels of column height, counted over the
   * whole picture (default {@link #DEFAULT_MAX_LINE_PIXELS}); the strongest lines are kept. A limit
   * set here holds for every picture, short ones too.
   *
   * @param pixels the most line pixels, at least 1
   * @return this painter
   * @throws IllegalArgumentException if below 1
   */
  public TokenColumnsPainter maxLinePixels(long pixels) {
    if (pixels < 1) {
      throw new IllegalArgumentException("maxLinePixels must be at least 1, got " + pixels);
    }
    this.maxLinePixels = pixels;
    this.budget = new LineBudget(maxLines, maxLinePixels, 0);
    return this;
  }

  /**
   * Draws the lines of a pixel target through {@link LineRaster} (one image per head, drawn in the
   * same order as strokes would be) instead of stroking each line: the same lines and opacities,
   * 2-4 times cheaper for a few hundred long lines (stroking costs per pixel of length and per
   * line). Vector targets (export), rotated or sheared transforms and a few dozen lines or fewer
   * are stroked. Default false.
   *
   * @param raster whether to rasterise the lines where the target allows it
   * @return this painter
   */
  public TokenColumnsPainter rasterLines(boolean raster) {
    this.rasterLines = raster;
    return this;
  }

  /**
   * Uses {@code kept}, a view's, instead of a budget of its own with the default limits, counting
   * each line as crossing {@code lineArea} pixels (as the view counts them for its notes) instead
   * of the layout's line area.
   */
  TokenColumnsPainter budget(LineBudget kept, double lineArea) {
    this.budget = Objects.requireNonNull(kept, "kept");
    this.budgetLineArea = lineArea;
    return this;
  }

  /** The weakest opacity step worth drawing at all, from {@link #minAlpha}. */
  static int floorStep(float minAlpha) {
    return Math.max(HeatColorScale.step(minAlpha), 1);
  }

  /**
   * What to draw: the heads of one layer, their colours, and how line opacity is scaled.
   *
   * @param shown the shown attention
   * @param layer the layer
   * @param heads original indexes of the heads to draw, in slice order
   * @param headColors one colour per entry of {@code heads}
   * @param alphaScale line opacity = weight × alphaScale (1 / active heads in the head view)
   * @param selected the selected token (locked or hovered), or null
   * @param locked the locked token, drawn with a border, or null
   */
  public record Scene(
      ShownAttention shown,
      int layer,
      int[] heads,
      Color[] headColors,
      float alphaScale,
      TokenRef selected,
      TokenRef locked) {

    /**
     * Checks that there is one colour per head.
     *
     * @param shown the shown attention; not null
     * @param layer the layer, 0-based
     * @param heads original indexes of the heads to draw
     * @param headColors one colour per entry of {@code heads}
     * @param alphaScale line opacity = weight × alphaScale
     * @param selected the selected token, or null
     * @param locked the locked token, or null
     */
    public Scene {
      Objects.requireNonNull(shown, "shown");
      if (heads.length != headColors.length) {
        throw new IllegalArgumentException(
            heads.length + " heads but " + headColors.length + " colours");
      }
    }

    /**
     * This scene without a selected or locked token: every line, as a picture's notes count them.
     *
     * @return the scene with no token selected
     */
    public Scene withoutSelection() {
      return new Scene(shown, layer, heads, headColors, alphaScale, null, null);
    }

    /** The display position of the selected token, or -1 if none or hidden by the filter. */
    int selectedPosition() {
      return selected == null ? -1 : shown.positionOf(selected);
    }
  }

  /**
   * Paints the scene into {@code g} (user space), drawing only what can touch {@code clip}.
   *
   * @param g the graphics, in the layout's coordinates
   * @param layout where the tokens are
   * @param scene what to draw
   * @param clip the area to repaint, or null for all
   */
  public void paint(Graphics2D g, TokenColumnsLayout layout, Scene scene, Rectangle clip) {
    Rectangle area = clip == null ? layout.bounds() : clip.intersection(layout.bounds());
    if (area.isEmpty()) {
      return;
    }
    int selectedPosition = scene.selectedPosition();
    TokenRef selected = selectedPosition < 0 ? null : scene.selected();
    if (selected != null) {
      paintHighlight(g, layout, selected.side(), selectedPosition);
      paintSlices(g, layout, scene, selected.side(), selectedPosition, area);
    }
    paintLabels(g, layout, scene.shown(), area);
    int lockedPosition = scene.locked() == null ? -1 : scene.shown().positionOf(scene.locked());
    if (lockedPosition >= 0) {
      paintLockBorder(g, layout.box(scene.locked().side(), lockedPosition));
    }
    paintLines(g, layout, scene, selected, selectedPosition, area);
  }

  private void paintHighlight(Graphics2D g, TokenColumnsLayout layout, TokenRef.Side side, int p) {
    g.setColor(colors.highlightBackground());
    g.fill(layout.box(side, p));
  }

  private void paintLockBorder(Graphics2D g, Rectangle box) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(colors.selection());
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle(box.x, box.y, box.width - 1, box.height - 1));
  }

  private static void paintSlices(
      Graphics2D g,
      TokenColumnsLayout layout,
      Scene scene,
      TokenRef.Side selectedSide,
      int selectedPosition,
      Rectangle area) {
    ShownAttention shown = scene.shown();
    boolean queryWasSelected = selectedSide == TokenRef.Side.QUERY;
    TokenRef.Side other = queryWasSelected ? TokenRef.Side.KEY : TokenRef.Side.QUERY;
    int count = layout.count(other);
    int first = layout.firstRowBelow(area.y, count);
    int last = layout.lastRowAbove(area.getMaxY(), count);
    int slices = scene.heads().length;
    for (int p = first; p <= last; p++) {
      Rectangle box = layout.box(other, p);
      for (int s = 0; s < slices; s++) {
        int row = queryWasSelected ? selectedPosition : p;
        int column = queryWasSelected ? p : selectedPosition;
        float w = shown.weight(scene.layer(), scene.heads()[s], row, column);
        int alpha = HeatColorScale.step(w);
        if (alpha == 0) {
          continue;
        }
        int x0 = box.x + box.width * s / slices;
        int x1 = box.x + box.width * (s + 1) / slices;
        g.setColor(withAlpha(scene.headColors()[s], alpha));
        g.fillRect(x0, box.y, x1 - x0, box.height);
      }
    }
  }

  private void paintLabels(
      Graphics2D g, TokenColumnsLayout layout, ShownAttention shown, Rectangle area) {
    ViewText text = colors.text();
    g.setColor(colors.foreground());
    for (TokenRef.Side side : TokenRef.Side.values()) {
      int count = layout.count(side);
      int first = layout.firstRowBelow(area.y, count);
      int last = layout.lastRowAbove(area.getMaxY(), count);
      for (int p = first; p <= last; p++) {
        Rectangle box = layout.box(side, p);
        String label = side == TokenRef.Side.QUERY ? shown.rowLabel(p) : shown.columnLabel(p);
        TextFit.drawInBox(g, text, label, box, side == TokenRef.Side.QUERY);
      }
    }
  }

  private void paintLines(
      Graphics2D g,
      TokenColumnsLayout layout,
      Scene scene,
      TokenRef selected,
      int selectedPosition,
      Rectangle area) {
    if (scene.selected() != null && selected == null) {
      // A selected token that the filter hides: nothing touches it, so nothing is drawn.
      return;
    }
    Rectangle lineArea = layout.lineArea();
    if (area.x >= lineArea.getMaxX() || area.getMaxX() <= lineArea.x) {
      return;
    }
    LineRange range = new LineRange(layout, scene, selected, selectedPosition, area, lineWidth);
    LineBudget.Budgeted budgeted =
        budget.choose(
            layout.rowHeight(),
            budgetLineArea > 0 ? budgetLineArea : layout.rightAnchorX() - layout.leftAnchorX(),
            scene,
            selected,
            selectedPosition,
            floorStep(minAlpha));
    int threshold = budgeted.step();
    // Decided for the whole picture too: strokes and the raster differ in their last bits.
    boolean raster = rasterLines && budgeted.lines() > RASTER_MIN_LINES;
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setStroke(new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    ShownAttention shown = scene.shown();
    double x0 = layout.leftAnchorX();
    double x1 = layout.rightAnchorX();
    Line2D.Float line = new Line2D.Float();
    int stride = shown.keyStride();
    float alphaScale = scene.alphaScale();
    for (int s = 0; s < scene.heads().length; s++) {
      LineRaster layer = raster ? LineRaster.over(g, lineBand(area, x0, x1)) : null;
      Color[] alphas = layer == null ? alphaTable(scene.headColors()[s]) : null;
      FloatBuffer matrix = shown.matrix(scene.layer(), scene.heads()[s]);
      for (int r = range.rowFrom; r <= range.rowTo; r++) {
        double y0 = layout.rowCenterY(r);
        int base = shown.queryIndex(r) * stride + shown.firstKey();
        int to = range.columnTo(r);
        for (int c = range.columnFrom(r); c <= to; c++) {
          int step = HeatColorScale.step(matrix.get(base + c) * alphaScale);
          if (step < threshold) {
            continue;
          }
          if (layer != null) {
            layer.line(x0, y0, x1, layout.rowCenterY(c), lineWidth, step / 255f);
          } else {
            g.setColor(alphas[step]);
            line.setLine(x0, y0, x1, layout.rowCenterY(c));
            g.draw(line);
          }
        }
      }
      if (layer != null) {
        layer.paint(g, scene.headColors()[s]);
      }
    }
  }

  /** Where the lines can draw inside {@code area}: between the anchors, a pixel to spare. */
  private static Rectangle2D lineBand(Rectangle area, double x0, double x1) {
    return area.createIntersection(
        new Rectangle2D.Double(x0 - 1, area.y, x1 - x0 + 2, area.height));
  }

  /**
   * Which (row, column) pairs can draw a line that crosses the clip: the selected token's row or
   * column, or all; for a row above (below) the clip only columns reaching down (up) into it.
   */
  private static final class LineRange {
    final int rowFrom;
    final int rowTo;
    private final int columnFrom;
    private final int columnTo;
    private final int firstVisibleColumn;
    private final int lastVisibleColumn;
    private final double top;
    private final double bottom;
    private final TokenColumnsLayout layout;

    LineRange(
        TokenColumnsLayout layout,
        Scene scene,
        TokenRef selected,
        int selectedPosition,
        Rectangle area,
        float lineWidth) {
      this.layout = layout;
      int rows = scene.shown().rowCount();
      int columns = scene.shown().columnCount();
      boolean rowSelected = selected != null && selected.isQuery();
      boolean columnSelected = selected != null && !selected.isQuery();
      rowFrom = rowSelected ? selectedPosition : 0;
      rowTo = rowSelected ? selectedPosition : rows - 1;
      columnFrom = columnSelected ? selectedPosition : 0;
      columnTo = columnSelected ? selectedPosition : columns - 1;
      top = area.y - lineWidth;
      bottom = area.getMaxY() + lineWidth;
      firstVisibleColumn = layout.firstRowBelow(top, columns);
      lastVisibleColumn = layout.lastRowAbove(bottom, columns);
    }

    int columnFrom(int row) {
      return layout.rowCenterY(row) < top ? Math.max(columnFrom, firstVisibleColumn) : columnFrom;
    }

    int columnTo(int row) {
      return layout.rowCenterY(row) > bottom ? Math.min(columnTo, lastVisibleColumn) : columnTo;
    }
  }

  /** Colours of {@code color} at alpha 0..255, so no colour is allocated per line. */
  static Color[] alphaTable(Color color) {
    Color[] table = new Color[256];
    for (int a = 0; a < 256; a++) {
      table[a] = withAlpha(color, a);
    }
    return table;
  }

  static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  /**
   * The area that changes when {@code token} becomes or stops being the selected token: its
   * highlight, the whole other column (its slices), and the vertical span of its lines. Null if the
   * token is null or not shown.
   *
   * @param layout where the tokens are
   * @param scene what is drawn
   * @param token the token that changes, or null
   * @return a new rectangle in the layout's coordinates, or null
   */
  public static Rectangle affectedArea(TokenColumnsLayout layout, Scene scene, TokenRef token) {
    if (token == null) {
      return null;
    }
    int position = scene.shown().positionOf(token);
    if (position < 0) {
      return null;
    }
    Rectangle bounds = layout.bounds();
    Rectangle area = layout.box(token.side(), position);
    TokenRef.Side other = token.isQuery() ? TokenRef.Side.KEY : TokenRef.Side.QUERY;
    int count = layout.count(other);
    if (count > 0) {
      area.add(layout.box(other, 0));
      area.add(layout.box(other, count - 1));
    }
    area.add(new Rectangle(bounds.x, area.y, bounds.width, area.height));
    return area;
  }
}
