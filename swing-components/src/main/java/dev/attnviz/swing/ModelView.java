package dev.attnviz.swing;

import dev.attnviz.swing.SelectionControls.Part;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.GridAxesPainter;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ThumbnailCache;
import dev.attnviz.swing.render.ThumbnailGridPainter;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.TokenColumnsPainter;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.swing.JScrollPane;

/**
 * The model view: a grid with one thumbnail per (layer, head), layers down ("Layers"), heads across
 * ("Heads"), labelled with the data's own indexes. A thumbnail draws lines from each query row to
 * each key row in the layer's colour with opacity = weight, or a heatmap when the input is too long
 * for lines to be readable ({@link ThumbnailMode#AUTO}, which the "Thumbnails" control names).
 *
 * <p>Clicking a thumbnail selects it (border) and opens a detail pane "Layer L, Head H" beside the
 * grid, with token labels and lines; hovering a token there shows only its lines, a click locks it.
 * Clicking the same thumbnail closes the detail, another one moves it. The click goes through
 * {@link AttentionSelectionModel#toggleCell}, so a head view sharing the selection model follows to
 * that layer and head.
 *
 * <p>The {@linkplain #setThumbnailSize thumbnail size} is the largest the view draws. In a viewport
 * (a {@link JScrollPane}) too narrow for the grid at that size plus the detail pane, the thumbnails
 * shrink, keeping their aspect ratio, until the grid and the detail fit the viewport's width, down
 * to {@value #MIN_FITTED_THUMBNAIL_SIDE} pixels a side; narrower than that, the view scrolls
 * sideways. The room for the detail is kept while the detail is closed, so that opening, moving or
 * closing it never moves the thumbnail under the mouse.
 *
 * <p>Thumbnails are cached per (layer, head) at device resolution and rebuilt only when the data,
 * kind, filter, size, device scale, theme or style change; only the visible ones are built. Line
 * thumbnails are built in the background while the view is on screen, heatmaps standing in
 * meanwhile ({@link #setProgressiveThumbnails}). Keys ({@link ViewKeys}): layer and head steps move
 * the selected thumbnail, token steps move in its detail, Escape unlocks a token or closes the
 * detail. Use on the Event Dispatch Thread.
 *
 * @serial exclude
 */
public class ModelView extends AttentionView {

  /** Default thumbnail size. */
  public static final Dimension DEFAULT_THUMBNAIL_SIZE = new Dimension(80, 80);

  /**
   * The smallest side, in user-space pixels, that thumbnails shrink to when the view fits a narrow
   * viewport; a thumbnail size set below it does not shrink.
   */
  public static final int MIN_FITTED_THUMBNAIL_SIDE = 40;

  /** Default token count above which {@link ThumbnailMode#AUTO} draws heatmaps. */
  public static final int DEFAULT_LINE_THUMBNAIL_LIMIT = 64;

  private final SelectionControls selectors =
      new SelectionControls(EnumSet.of(Part.KIND, Part.FILTER, Part.DISPLAY_OPTIONS));
  private final ModelThumbnails thumbnails =
      new ModelThumbnails(this::thumbnailStyle, this::setThumbnailMode);
  private final ModelViewMouse mouse;
  private final ModelViewLayout layout = new ModelViewLayout();

  /** Creates a model view with empty models of its own. */
  public ModelView() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates a model view.
   *
   * @param model the data and display options
   * @param selection the selection, possibly shared with other views
   */
  public ModelView(AttentionViewModel model, AttentionSelectionModel selection) {
    super(model, selection);
    selectors.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(bindControls(selectors));
    controlsBar().add(thumbnails.controls().component());
    mouse = ModelViewMouse.install(this);
    // Layer and head keys move the selected thumbnail; token keys move in its detail.
    ViewKeys.install(
        this,
        new ViewNavigation(this, () -> shownSelectedCell() == null ? null : shown(), true)
            .onToken(token -> detailTokenBounds(token).ifPresent(this::scrollRectToVisible))
            .actions());
    describeAs(
        Messages.text("modelView.name"),
        dev.attnviz.swing.accessibility.AttentionDescription::modelGrid);
    start();
  }

  /**
   * Thumbnail size in user-space pixels (bound property {@code "thumbnailSize"}): the largest the
   * thumbnails are drawn; smaller while the view fits a narrow viewport (see the class comment).
   *
   * @return a copy of the size, in pixels
   */
  public Dimension getThumbnailSize() {
    return layout.thumbnailSize();
  }

  /**
   * Sets the (largest) thumbnail size.
   *
   * @param size the size, in pixels; both sides at least 8
   * @throws IllegalArgumentException if a side is below 8 pixels
   */
  public void setThumbnailSize(Dimension size) {
    Dimension old = layout.thumbnailSize();
    if (layout.setThumbnailSize(size)) {
      invalidateLayout();
      firePropertyChange("thumbnailSize", old, new Dimension(size));
    }
  }

  /**
   * How thumbnails are drawn (bound property {@code "thumbnailMode"}); default AUTO.
   *
   * @return the mode; never null
   */
  public ThumbnailMode getThumbnailMode() {
    return thumbnails.mode();
  }

  /**
   * Sets how thumbnails are drawn.
   *
   * @param mode the mode; not null
   */
  public void setThumbnailMode(ThumbnailMode mode) {
    Objects.requireNonNull(mode, "mode");
    changeProperty(
        "thumbnailMode",
        thumbnails.mode(),
        mode,
        m -> {
          thumbnails.setMode(m, colors());
          repaint();
        });
  }

  /**
   * The token count above which {@link ThumbnailMode#AUTO} switches to heatmaps (bound property
   * {@code "lineThumbnailLimit"}); default {@value #DEFAULT_LINE_THUMBNAIL_LIMIT}.
   *
   * @return the limit, in tokens
   */
  public int getLineThumbnailLimit() {
    return thumbnails.lineLimit();
  }

  /**
   * Sets the level-of-detail threshold.
   *
   * @param limit the limit, in tokens
   * @throws IllegalArgumentException if below 1
   */
  public void setLineThumbnailLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("line thumbnail limit must be at least 1, got " + limit);
    }
    changeProperty(
        "lineThumbnailLimit",
        thumbnails.lineLimit(),
        limit,
        l -> {
          thumbnails.setLineLimit(l, colors());
          repaint();
        });
  }

  /**
   * Where line thumbnails are built in the background (see {@link #setProgressiveThumbnails}), or
   * null (the default) for a daemon thread of the library's, shared by all model views.
   *
   * @param executor e.g. a background thread of the host's; null for the library's own
   */
  public void setThumbnailExecutor(Executor executor) {
    thumbnails.builds().setExecutor(executor);
    repaint();
  }

  /**
   * Whether line thumbnails are built in the background (bound property {@code
   * "progressiveThumbnails"}); default true. A paint on screen that lacks them then shows the
   * heatmaps meanwhile, says that lines are still being drawn, and is followed by the lines when
   * built (the newest data, size and theme win; {@link #dispose()} stops a build). A paint of a
   * view that is not showing (into an image), printing and exports draw the finished lines at once.
   * With a {@linkplain #setThumbnailExecutor host's executor}, every paint but printing builds in
   * the background. Heatmap thumbnails are always built while painting: they are quick; so are the
   * lines of short inputs, which are drawn at once up to {@link
   * dev.attnviz.swing.render.ThumbnailGridPainter#SYNC_LINES} lines in the visible cells (144 heads
   * of 32 tokens).
   *
   * @return true if missing lines are built in the background
   */
  public boolean isProgressiveThumbnails() {
    return thumbnails.builds().isProgressive();
  }

  /**
   * Sets whether line thumbnails are built in the background; false builds them while painting, the
   * Event Dispatch Thread waiting (12 × 12 heads of 64 tokens: about 250 ms of CPU over the cores).
   *
   * @param progressive true for heatmaps first, lines when built
   */
  public void setProgressiveThumbnails(boolean progressive) {
    changeProperty(
        "progressiveThumbnails",
        thumbnails.builds().isProgressive(),
        progressive,
        p -> {
          thumbnails.builds().setProgressive(p);
          repaint();
        });
  }

  /**
   * The kind and filter selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  /** The thumbnail cache, for tests and benchmarks. */
  ThumbnailCache thumbnailCache() {
    return thumbnails.cache();
  }

  /** The Auto / Lines / Heatmap choice and its legend, for tests. */
  ThumbnailControls thumbnailControls() {
    return thumbnails.controls();
  }

  /**
   * The style thumbnails are drawn in now, or null without data.
   *
   * @return lines or heatmap, or null
   */
  public ThumbnailPainter.Style thumbnailStyle() {
    return thumbnails.styleFor(shown());
  }

  @Override
  protected void dataChanged() {
    mouse.forgetHoveredCell();
    thumbnails.updateControls(colors());
    invalidateLayout();
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    if (event != null && EnumSet.of(Aspect.HOVER, Aspect.LOCK).containsAll(event.aspects())) {
      repaintDetailSelection();
      return;
    }
    // A jump to a head changes these together; the grid stays, only the detail moves.
    Set<Aspect> detailOnly =
        EnumSet.of(
            Aspect.CELL, Aspect.LAYER, Aspect.FOCUS_HEAD, Aspect.HEADS, Aspect.HOVER, Aspect.LOCK);
    if (event != null && detailOnly.containsAll(event.aspects())) {
      layout.invalidateDetail();
      markSelectionPainted();
      revalidate();
      repaint();
      return;
    }
    invalidateLayout();
  }

  @Override
  protected void themeChanged() {
    // Called while the base class is built, before the thumbnails exist.
    if (thumbnails != null) {
      thumbnails.themeChanged(colors());
    }
    invalidateLayout();
  }

  private void invalidateLayout() {
    layout.invalidate();
    markSelectionPainted();
    revalidate();
    repaint();
  }

  private void repaintDetailSelection() {
    ModelDetailPane detail = detailPane();
    TokenColumnsPainter.Scene scene = detail.scene(getSelectionModel()); // null while closed
    if (scene != null) {
      repaintTokenSelection(token -> detail.display().selectionArea(token, scene));
    }
  }

  /**
   * The grid layout as drawn now, or null without data: at the configured thumbnail size, or with
   * smaller thumbnails when that is what fits the viewport.
   */
  ModelGridLayout gridLayout() {
    return layout.grid(
        shown(), colors(), fittingViewportWidth(), ViewportFit.height(this, contentTop()));
  }

  /** The selected cell, if it is shown. */
  private LayerHead shownSelectedCell() {
    return ModelViewLayout.shownCell(getSelectionModel().selectedCell(), gridLayout());
  }

  /** The detail pane, up to date: the selected thumbnail's token columns (empty if none is). */
  ModelDetailPane detailPane() {
    LayerHead cell = shownSelectedCell();
    return layout.detail(shown(), cell, gridLayout(), colors(), this::layerColor);
  }

  /** The detail pane's token columns, or null if no thumbnail is selected. */
  TokenColumnsLayout detailLayout() {
    return detailPane().display().linesLayout();
  }

  private Color layerColor(int layer) {
    return colors().headColor(layer, shown().layerCount());
  }

  /**
   * The bounds of {@code cell}'s thumbnail in this component, if shown.
   *
   * @param cell a layer and head, original indexes
   * @return the bounds, or empty if the cell is not shown
   */
  public Optional<Rectangle> thumbnailBounds(LayerHead cell) {
    ModelGridLayout grid = gridLayout();
    Rectangle bounds = grid == null ? null : grid.cell(cell);
    if (bounds != null) {
      bounds.translate(0, contentTop());
    }
    return Optional.ofNullable(bounds);
  }

  /**
   * The box of {@code token} in the detail pane, in this component, if the detail is open.
   *
   * @param token a data token
   * @return the box, or empty
   */
  public Optional<Rectangle> detailTokenBounds(TokenRef token) {
    return tokenBoundsIn(detailPane().display().places(), token);
  }

  /**
   * The size of the content as laid out now. While the thumbnails shrink to fit a viewport, as wide
   * as the viewport (less a vertical scroll bar that does not show), so that the view fills it
   * instead of asking for more.
   */
  @Override
  protected Dimension contentSize() {
    ModelGridLayout grid = gridLayout();
    if (grid != null) {
      detailPane(); // brought up to date: the open detail counts
    }
    return layout.contentSize(grid, fittingViewportWidth());
  }

  /** The view narrows its content to fit its viewport, so it takes the viewport's width. */
  @Override
  protected boolean fitsViewportWidth() {
    return true;
  }

  @Override
  protected int scrollUnit() {
    return layout.scrollUnit(gridLayout());
  }

  @Override
  protected void paintContent(Graphics2D g) {
    paintGrid(g, false);
  }

  @Override
  protected void paintForExport(Graphics2D g) {
    paintGrid(g, true);
  }

  private void paintGrid(Graphics2D g, boolean direct) {
    ModelGridLayout grid = gridLayout();
    if (grid == null) {
      g.setColor(colors().mutedForeground());
      int margin = ModelViewLayout.MARGIN;
      TextFit.drawAt(g, colors().text(), Messages.text("view.noData"), margin, margin);
      return;
    }
    Rectangle clip = g.getClipBounds();
    if (clip == null) {
      clip = new Rectangle(contentSize());
    }
    GridAxesPainter.paint(g, grid, colors());
    ThumbnailGridPainter painter =
        new ThumbnailGridPainter(colors(), shown(), thumbnailStyle(), this::layerColor);
    thumbnails.paint(
        g,
        painter,
        grid,
        clip,
        getSelectionModel().filter(),
        direct,
        isPaintingForPrint(),
        !direct && paintsOnScreen(),
        this::repaint);
    painter.paintMarks(g, grid, mouse.hoveredCell(), shownSelectedCell(), hasFocus());
    ModelDetailPane detail = detailPane();
    detail.paint(g, clip, detail.scene(getSelectionModel()));
    markSelectionPainted();
  }

  /** The selected thumbnail's matrix (filter applied), if a thumbnail is selected. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    LayerHead cell = shownSelectedCell();
    if (cell == null) {
      return Optional.empty();
    }
    BitSet head = new BitSet();
    head.set(cell.head());
    return Optional.of(shown().shownMatrix(cell.layer(), head));
  }

  /** A thumbnail's cell, or a token of the detail pane (for the detail's layer and head). */
  @Override
  public ViewHit hitAt(Point point) {
    Point p = new Point(point.x, point.y - contentTop());
    ModelGridLayout grid = gridLayout();
    LayerHead cell = grid == null ? null : grid.cellAt(p.x, p.y);
    if (cell != null) {
      return ViewHit.cell(cell);
    }
    TokenRef token = detailPane().display().tokenAt(p);
    LayerHead detail = shownSelectedCell();
    return token == null || detail == null
        ? ViewHit.NONE
        : ViewHit.token(token, detail.layer(), detail.head());
  }

  /** The token of the detail pane at a point of this component, or null. */
  @Override
  public TokenRef tokenAt(Point point) {
    return hitAt(point).token();
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    return ModelViewMouse.tooltip(this, e);
  }

  /** Whether paints go to a showing window (a test's stand-in for a screen overrides it). */
  boolean paintsOnScreen() {
    return LineThumbnailBuilds.onScreen(this);
  }

  @Override
  protected void disposeView() {
    // Stops a background build of line thumbnails.
    thumbnails.cache().clear();
  }
}
