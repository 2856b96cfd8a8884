package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * The token-columns display of a view, in one place: query tokens on the left, key tokens on the
 * right or on top, and between them either lines ({@link Strategy#LINES}, {@link
 * TokenColumnsPainter}) or a heatmap ({@link Strategy#HEATMAP}, {@link MatrixPainter}), swapped
 * like a renderer on a plot. It lays the tokens out for the width it gets, answers where a token is
 * and which token is at a point (data indexes, through {@link TokenPlaces}), which area a change of
 * the selected token touches, and paints. Layouts are cached until {@link #invalidate()} or new
 * input.
 *
 * <p>Not a component: a view owns one per picture and feeds it its {@link ShownAttention}, colours
 * and the room it has. Use on the Event Dispatch Thread.
 */
public final class TokenColumnsDisplay {

  /** How the attention between the token columns is drawn. */
  public enum Strategy {
    /** One line per (query, key, head), opacity = weight. */
    LINES,
    /** A heatmap of the shown matrix, query rows by key columns. */
    HEATMAP
  }

  private final int minLineArea;
  private final int maxLineArea;
  private final int maxLabelWidth;
  private int minRowHeight;
  private int minColumnLabelHeight;
  private Strategy strategy = Strategy.LINES;
  private boolean rasterLines;
  private ShownAttention shown;
  private ViewColors colors;
  private int x;
  private int y;
  private int width = -1;
  private TokenColumnsLayout lines;
  private MatrixLayout matrix;

  /** Which lines are drawn, remembered for the last pictures. */
  private final LineBudget lineBudget =
      new LineBudget(
          TokenColumnsPainter.DEFAULT_MAX_LINES,
          TokenColumnsPainter.DEFAULT_MAX_LINE_PIXELS,
          LineBudget.ALWAYS_DRAWN);

  /**
   * A display whose line area takes {@code minLineArea} to {@code maxLineArea} pixels, as {@link
   * TokenColumnsLayout#lineAreaFor} adapts it to the token count and the room, with labels up to
   * {@code maxLabelWidth}, or longer (up to {@link TokenColumnsLayout#FULL_LABEL_WIDTH}) when the
   * view has room for them. The picture stays at the left, next to the view's controls.
   *
   * @param minLineArea the narrowest line area, in pixels
   * @param maxLineArea the widest line area, in pixels
   * @param maxLabelWidth the widest label box while room is short, in pixels
   */
  public TokenColumnsDisplay(int minLineArea, int maxLineArea, int maxLabelWidth) {
    this.minLineArea = minLineArea;
    this.maxLineArea = Math.max(minLineArea, maxLineArea);
    this.maxLabelWidth = maxLabelWidth;
  }

  /**
   * Sets whether lines are rasterised on pixel targets ({@link TokenColumnsPainter#rasterLines});
   * default false.
   *
   * @param raster whether to rasterise the lines
   */
  public void setRasterLines(boolean raster) {
    rasterLines = raster;
  }

  /**
   * Sets the lowest row height in pixels (default 0: the font's height plus 4), for a view whose
   * other columns need taller rows than a small font gives; drops the layouts if it changes.
   *
   * @param height the lowest row height, in pixels; 0 for the font's
   */
  public void setMinRowHeight(int height) {
    if (height != minRowHeight) {
      minRowHeight = height;
      invalidate();
    }
  }

  /**
   * Sets the lowest height of the heatmap's key label band (default 0: as the labels need), so that
   * heatmaps side by side keep their cells in line; drops the layouts if it changes.
   *
   * @param height the lowest label band height, in pixels; 0 for what the labels need
   */
  public void setMinColumnLabelHeight(int height) {
    if (height != minColumnLabelHeight) {
      minColumnLabelHeight = height;
      invalidate();
    }
  }

  /**
   * The strategy; default {@link Strategy#LINES}.
   *
   * @return the current strategy; never null
   */
  public Strategy strategy() {
    return strategy;
  }

  /**
   * Swaps the strategy; the layout follows.
   *
   * @param newStrategy lines or heatmap; not null
   */
  public void setStrategy(Strategy newStrategy) {
    strategy = Objects.requireNonNull(newStrategy, "newStrategy");
  }

  /**
   * What to show and where: {@code shown} (null for nothing) from ({@code x}, {@code y}) in content
   * coordinates, in a view {@code width} pixels wide (the line area widens and centres into it).
   * Drops the layouts if anything differs.
   *
   * @param newShown what to show, or null for nothing
   * @param newColors the colours and font to lay out and paint with
   * @param newX left edge in content coordinates, in pixels
   * @param newY top edge in content coordinates, in pixels
   * @param w the view's width, in pixels
   */
  public void update(ShownAttention newShown, ViewColors newColors, int newX, int newY, int w) {
    if (newShown != shown || newColors != colors || newX != x || newY != y || w != width) {
      shown = newShown;
      colors = newColors;
      x = newX;
      y = newY;
      width = w;
      invalidate();
    }
  }

  /** Drops the cached layouts, e.g. after the labels' font changed. */
  public void invalidate() {
    lines = null;
    matrix = null;
  }

  /**
   * Whether there is something to show.
   *
   * @return true if nothing is shown
   */
  public boolean isEmpty() {
    return shown == null;
  }

  private int rowHeight() {
    return rowHeight(colors);
  }

  private int rowHeight(ViewColors with) {
    return Math.max(with.text().height() + 4, minRowHeight);
  }

  /**
   * The line area the budget counts with: the widest the layout makes it for {@code shown}'s
   * tokens, whatever room the view has, so the count needs no layout and a resize keeps it.
   */
  private int budgetLineArea(ShownAttention of) {
    int tokens = Math.max(of.rowCount(), of.columnCount());
    return TokenColumnsLayout.lineAreaFor(tokens, Integer.MAX_VALUE, minLineArea, maxLineArea);
  }

  /**
   * How many of {@code scene}'s lines the lines strategy draws, and the least weight drawn; counted
   * over the whole picture, so the answer does not depend on the view's size or on what was
   * repainted. Needs no layout: a view can ask before it lays out a note about it.
   *
   * @param scene the lines of the picture; its selected token, if any, is ignored
   * @param with the colours and font the picture is laid out with (they set the row height)
   * @return the lines drawn
   */
  public DrawnLines drawnLines(TokenColumnsPainter.Scene scene, ViewColors with) {
    LineBudget.Budgeted budgeted =
        lineBudget.choose(
            rowHeight(with),
            budgetLineArea(scene.shown()),
            scene,
            null,
            -1,
            TokenColumnsPainter.floorStep(TokenColumnsPainter.DEFAULT_MIN_ALPHA));
    // Step s draws opacities from (s - 0.5) / 255: weights from that over the scale.
    float leastWeight = (budgeted.step() - 0.5f) / 255f / scene.alphaScale();
    return new DrawnLines(budgeted.lines(), budgeted.drawable(), Math.min(1f, leastWeight));
  }

  /**
   * The lines layout, or null with nothing to show.
   *
   * @return the layout of the lines strategy, or null
   */
  public TokenColumnsLayout linesLayout() {
    if (shown == null) {
      return null;
    }
    if (lines == null) {
      int labelCap = maxLabelWidth;
      if (width > 0 && maxLineArea > minLineArea) {
        // Room beyond the narrowest line area goes to full labels first.
        labelCap =
            Math.max(
                maxLabelWidth,
                Math.min(TokenColumnsLayout.FULL_LABEL_WIDTH, (width - 2 * x - minLineArea) / 2));
      }
      TokenColumnsLayout natural =
          TokenColumnsLayout.fitting(
              x,
              y,
              shown.rowLabels(),
              shown.columnLabels(),
              colors.text()::width,
              rowHeight(),
              minLineArea,
              labelCap);
      lines = natural;
      if (maxLineArea > minLineArea && width > 0) {
        int columns = natural.leftWidth() + natural.rightWidth();
        int lineArea =
            TokenColumnsLayout.lineAreaFor(
                Math.max(natural.leftCount(), natural.rightCount()),
                width - 2 * x - columns,
                minLineArea,
                maxLineArea);
        lines =
            new TokenColumnsLayout(
                x,
                y,
                natural.leftCount(),
                natural.rightCount(),
                natural.leftWidth(),
                natural.rightWidth(),
                natural.rowHeight(),
                lineArea);
      }
    }
    return lines;
  }

  /**
   * The heatmap layout, or null with nothing to show.
   *
   * @return the layout of the heatmap strategy, or null
   */
  public MatrixLayout matrixLayout() {
    if (shown == null) {
      return null;
    }
    if (matrix == null) {
      matrix =
          new MatrixLayout(
              x,
              y,
              shown.rowCount(),
              shown.columnCount(),
              TokenColumnsLayout.boxWidth(shown.rowLabels(), colors.text()::width, maxLabelWidth),
              Math.max(
                  minColumnLabelHeight,
                  TokenColumnsLayout.boxWidth(
                      shown.columnLabels(), colors.text()::width, maxLabelWidth)),
              rowHeight());
    }
    return matrix;
  }

  /**
   * The bounds of the picture in the current strategy, or null with nothing to show.
   *
   * @return a new rectangle in content coordinates, or null
   */
  public Rectangle bounds() {
    if (shown == null) {
      return null;
    }
    return strategy == Strategy.HEATMAP ? matrixLayout().bounds() : linesLayout().bounds();
  }

  /**
   * Where the tokens are, or null with nothing to show.
   *
   * @return the token places of the current strategy, or null
   */
  public TokenPlaces places() {
    if (shown == null) {
      return null;
    }
    return strategy == Strategy.HEATMAP
        ? TokenPlaces.inMatrix(shown, matrixLayout())
        : TokenPlaces.inColumns(shown, linesLayout());
  }

  /**
   * The data token at ({@code x}, {@code y}) in content coordinates, or null.
   *
   * @param content a point in content coordinates
   * @return the data token there, or null
   */
  public TokenRef tokenAt(Point content) {
    TokenPlaces places = places();
    return places == null ? null : places.tokenAt(content.x, content.y);
  }

  /**
   * The heatmap cell at a point in content coordinates, in the heatmap strategy, or null.
   *
   * @param content a point in content coordinates
   * @return the cell or label hit, or null
   */
  public MatrixLayout.Hit cellAt(Point content) {
    if (shown == null || strategy != Strategy.HEATMAP) {
      return null;
    }
    MatrixLayout.Hit hit = matrixLayout().hitTest(content.x, content.y);
    return hit != null && hit.isCell() ? hit : null;
  }

  /**
   * The area (content coordinates) that selecting or unselecting {@code token} repaints: its lines
   * and the slices on the other side, or its heatmap row or column with the label; null if none.
   *
   * @param token a data token, or null
   * @param scene what is drawn
   * @return the area in content coordinates, or null
   */
  public Rectangle selectionArea(TokenRef token, TokenColumnsPainter.Scene scene) {
    if (shown == null || token == null) {
      return null;
    }
    if (strategy == Strategy.LINES) {
      return TokenColumnsPainter.affectedArea(linesLayout(), scene, token);
    }
    MatrixLayout layout = matrixLayout();
    int position = shown.positionOf(token);
    if (position < 0) {
      return null;
    }
    Rectangle area = layout.labelBox(token.side(), position);
    Rectangle cells = layout.cellsBounds();
    area.add(
        token.isQuery()
            ? new Rectangle(cells.x, area.y, cells.width, area.height)
            : new Rectangle(area.x, cells.y, area.width, cells.height));
    area.grow(1, 1);
    return area;
  }

  /**
   * Paints the picture: {@code scene}'s lines, or the heatmap of {@code values} (rows × columns,
   * row-major) with {@code heatmap}'s colours, highlighting the scene's selected and locked tokens.
   *
   * @param g the graphics to paint into, in content coordinates
   * @param clip the area to repaint, or null for all
   * @param scene the lines, selected and locked tokens
   * @param heatmap paints the heatmap strategy's cells
   * @param values the heatmap's weights, rows × columns, row-major; unused by the lines strategy
   */
  public void paint(
      Graphics2D g,
      Rectangle clip,
      TokenColumnsPainter.Scene scene,
      MatrixPainter heatmap,
      float[] values) {
    if (shown == null) {
      return;
    }
    if (strategy == Strategy.HEATMAP) {
      heatmap.paint(g, matrixLayout(), shown, values, scene.selected(), scene.locked(), clip);
    } else {
      new TokenColumnsPainter(colors)
          .rasterLines(rasterLines)
          .budget(lineBudget, budgetLineArea(scene.shown()))
          .paint(g, linesLayout(), scene, clip);
    }
  }
}
