package dev.attnviz.swing;

import dev.attnviz.swing.SelectionControls.Part;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.AttentionTooltips;
import dev.attnviz.swing.render.DrawnLines;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.HeadStripLayout;
import dev.attnviz.swing.render.HeadStripPainter;
import dev.attnviz.swing.render.HeatmapLegend;
import dev.attnviz.swing.render.InvalidHeads;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.MatrixPainter;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.TokenColumnsDisplay;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.render.TokenColumnsPainter;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseEvent;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.swing.JLabel;

/**
 * The head view: the attention of one layer between two token columns, queries on the left and keys
 * on the right, for the active heads.
 *
 * <p>In {@link DisplayMode#LINES} every active head draws a line from left token i to right token j
 * in its colour, with opacity {@code weight / activeHeads}; overlapping heads blend. Hovering a
 * token shows only its lines and splits each token box on the other side into one slice per active
 * head (opacity = raw weight). A click locks the token; Escape unlocks. In {@link
 * DisplayMode#HEATMAP} it draws a heatmap of the one active head or the mean of the active heads.
 *
 * <p>Controls (part of the component, see {@link ViewWithControls}): layer, kind (if the data has
 * several), attention filter (for a sentence pair), hide special tokens and word level (the view
 * model's display options), display mode, and the head squares (click: toggle, double-click:
 * isolate). Keys: the views' one key map, {@link ViewKeys}.
 *
 * <p>The layer selector offers the model's included layers; {@code includeHeads} applies to the
 * model view only, as in the reference: the head squares always show every head, and the default
 * heads ({@link AttentionViewModel#setDefaultHeads}) choose which start active.
 *
 * <p>Put it in a {@link javax.swing.JScrollPane} for long inputs. Use on the Event Dispatch Thread.
 *
 * @serial exclude
 */
public class HeadView extends AttentionView {

  /**
   * Narrowest area for the lines between the token columns: the preferred size, and what a narrow
   * view or an export of a view that is not on screen gets.
   */
  public static final int MIN_LINE_AREA_WIDTH = 180;

  /** Widest area for the lines: wider, lines get flat and the columns far apart to read across. */
  public static final int MAX_LINE_AREA_WIDTH = 600;

  private static final int MARGIN = 8;
  private static final int MAX_LABEL_WIDTH = 160;
  private static final int EXPORT_STRIP_GAP = 6;
  private static final int LEGEND_GAP = 6;

  private final SelectionControls selectors =
      new SelectionControls(EnumSet.of(Part.LAYER, Part.KIND, Part.FILTER, Part.DISPLAY_OPTIONS));
  private final DisplayModeBox modeBox =
      new DisplayModeBox(
          DisplayMode.LINES,
          (old, mode) -> {
            invalidateLayout();
            firePropertyChange(DisplayModeBox.PROPERTY, old, mode);
          });
  private final HeadSquares squares;

  private final TokenColumnsDisplay display =
      new TokenColumnsDisplay(MIN_LINE_AREA_WIDTH, MAX_LINE_AREA_WIDTH, MAX_LABEL_WIDTH);
  private final HeadViewNotes notes = new HeadViewNotes();

  /** Whether {@link #paintContent} paints an export, whose notes are never cut. */
  private boolean exporting;

  private final HeadHeatmapValues heatmap = new HeadHeatmapValues();

  /** Creates a head view with empty models of its own. */
  public HeadView() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates a head view.
   *
   * @param model the data and display options
   * @param selection the selection, possibly shared with other views
   */
  public HeadView(AttentionViewModel model, AttentionSelectionModel selection) {
    super(model, selection);
    squares = new HeadSquares(this::headCount, this::hasFocus);
    selectors.addToSelectorRow(new JLabel(Messages.text("headView.show")), modeBox.component());
    selectors.setAlignmentX(LEFT_ALIGNMENT);
    squares.setAlignmentX(LEFT_ALIGNMENT);
    controlsBar().add(bindControls(selectors));
    controlsBar().add(squares);
    squares.setSelection(selection);
    installTokenMouse(this::tokenAt);
    ViewKeys.install(
        this,
        new ViewNavigation(this, this::shown, false)
            .onToken(token -> tokenBounds(token).ifPresent(this::scrollRectToVisible))
            .actions());
    describeAs(Messages.text("headView.name"), AttentionDescription::of);
    start();
  }

  /**
   * The display mode (bound property {@code "displayMode"}); default {@link DisplayMode#LINES}.
   *
   * @return the display mode; never null
   */
  public DisplayMode getDisplayMode() {
    return modeBox.mode();
  }

  /**
   * Switches between lines and heatmap.
   *
   * @param mode the display mode; not null
   */
  public void setDisplayMode(DisplayMode mode) {
    modeBox.setMode(mode);
  }

  /** The head squares control. */
  HeadSquares headSquares() {
    return squares;
  }

  /**
   * The layer, head, kind and filter selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  private int headCount() {
    ShownAttention shown = shown();
    return shown == null ? 0 : shown.headCount();
  }

  @Override
  protected void dataChanged() {
    invalidateLayout();
  }

  @Override
  protected void modelsReplaced() {
    super.modelsReplaced();
    squares.setSelection(isDisposed() ? null : getSelectionModel());
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    EnumSet<Aspect> tokenOnly = EnumSet.of(Aspect.HOVER, Aspect.LOCK);
    if (event != null && tokenOnly.containsAll(event.aspects())) {
      repaintSelection();
      return;
    }
    if (event != null && EnumSet.of(Aspect.FOCUS_HEAD, Aspect.CELL).containsAll(event.aspects())) {
      return;
    }
    invalidateLayout();
  }

  /** Repaints the head squares (their focus ring) and the view's ring, not the whole view. */
  @Override
  protected void focusChanged() {
    squares.repaint();
    Rectangle ring = focusRing();
    if (ring != null) {
      repaintContent(new Rectangle(ring.x - 2, ring.y - 2, ring.width + 4, ring.height + 4));
    }
  }

  private void invalidateLayout() {
    display.invalidate();
    heatmap.clear();
    relayout();
  }

  /** Repaints only what a change of the hovered or locked token touches. */
  private void repaintSelection() {
    if (shown() != null) {
      repaintTokenSelection(this::selectionArea);
    }
  }

  private Rectangle selectionArea(TokenRef token) {
    return display().selectionArea(token, scene());
  }

  // ---- geometry ----

  private int rowHeight() {
    return colors().text().height() + 4;
  }

  /**
   * The token-columns display, up to date: the line area between the token columns takes the width
   * the view has beyond the columns and margins, between {@link #MIN_LINE_AREA_WIDTH} and {@link
   * #MAX_LINE_AREA_WIDTH}; wider than that, the picture is centred.
   */
  private TokenColumnsDisplay display() {
    display.setStrategy(modeBox.strategy());
    // In heatmap mode the caption and legend take a line above the heatmap; each note (heads left
    // out for invalid weights, lines too faint to draw), a line above that.
    boolean legend = shown() != null && getDisplayMode() == DisplayMode.HEATMAP;
    int lines = (legend ? 1 : 0) + notes().size();
    int top = MARGIN + lines * (colors().text().height() + LEGEND_GAP);
    display.update(shown(), colors(), MARGIN, top, getWidth());
    return display;
  }

  /** The heatmap's caption and colour legend above it, or null in lines mode or without data. */
  private HeatmapLegend heatmapLegend() {
    ShownAttention shown = shown();
    if (shown == null || getDisplayMode() != DisplayMode.HEATMAP) {
      return null;
    }
    int[] heads = drawnHeads();
    String caption =
        HeatmapLegend.caption(
            getSelectionModel().layer(), heads.length > 0 ? heads : activeHeads());
    return new HeatmapLegend(colors(), new MatrixPainter(colors()).scale(), caption);
  }

  /** The lines layout for the current width, or null without data. */
  TokenColumnsLayout linesLayout() {
    return display().linesLayout();
  }

  /** The heatmap layout, or null without data. */
  MatrixLayout matrixLayout() {
    return display().matrixLayout();
  }

  /**
   * The box of {@code token} in this component's coordinates, if it is shown; for hosts that place
   * overlays, and for tests.
   *
   * @param token a data token
   * @return the box, or empty
   */
  public Optional<Rectangle> tokenBounds(TokenRef token) {
    return tokenBoundsIn(display().places(), token);
  }

  /** The token at a point of this component, or null. */
  @Override
  public TokenRef tokenAt(Point point) {
    return tokenAtIn(display().places(), point);
  }

  /**
   * The preferred size of the content: in lines mode with the narrowest line area, so that the
   * preferred size does not depend on the current width; a wider view widens the line area.
   */
  @Override
  protected Dimension contentSize() {
    ShownAttention shown = shown();
    if (shown == null) {
      return new Dimension(320, 60);
    }
    if (getDisplayMode() == DisplayMode.HEATMAP) {
      Rectangle bounds = matrixLayout().bounds();
      return new Dimension(
          Math.max(bounds.width, heatmapLegend().width()) + 2 * MARGIN,
          bounds.y + bounds.height + MARGIN);
    }
    TokenColumnsLayout layout = linesLayout();
    return new Dimension(
        layout.leftWidth() + MIN_LINE_AREA_WIDTH + layout.rightWidth() + 2 * MARGIN,
        layout.bounds().height + 2 * MARGIN);
  }

  /** The content as laid out now, from its left margin: what export draws below the strip. */
  private Rectangle shownContent() {
    Rectangle bounds = display().bounds();
    HeatmapLegend legend = heatmapLegend();
    int width = legend == null ? bounds.width : Math.max(bounds.width, legend.width());
    return new Rectangle(
        bounds.x - MARGIN, 0, width + 2 * MARGIN, bounds.y + bounds.height + MARGIN);
  }

  @Override
  protected int scrollUnit() {
    return rowHeight();
  }

  // ---- painting ----

  private int[] activeHeads() {
    ShownAttention shown = shown();
    return getSelectionModel().activeHeads(shown.headCount()).stream().toArray();
  }

  /** The active heads of the shown layer whose weights are invalid: not drawn, and said so. */
  private InvalidHeads invalidHeads() {
    ShownAttention shown = shown();
    return shown == null
        ? InvalidHeads.none()
        : InvalidHeads.among(shown, getSelectionModel().layer(), activeHeads());
  }

  /**
   * What the view writes above the picture: heads left out, lines too faint to draw, the faintest
   * lines left out. The last is said of the picture without a hovered or locked token, whose lines
   * are all drawn, so that the note and the layout under it stay put while the pointer moves.
   */
  private List<HeadViewNotes.Note> notes() {
    ShownAttention shown = shown();
    if (shown == null) {
      return List.of();
    }
    DrawnLines lines =
        getDisplayMode() == DisplayMode.LINES
            ? display.drawnLines(scene().withoutSelection(), colors())
            : null;
    return notes.notes(shown, getSelectionModel().layer(), invalidHeads(), drawnHeads(), lines);
  }

  /** The active heads that are drawn: those with valid weights. */
  private int[] drawnHeads() {
    return invalidHeads().drawable(activeHeads());
  }

  private TokenColumnsPainter.Scene scene() {
    AttentionSelectionModel selection = getSelectionModel();
    return HeadViewScene.of(
        shown(),
        selection.layer(),
        drawnHeads(),
        colors(),
        selection.selectedToken(),
        selection.lockedToken());
  }

  private float[] matrixValues() {
    return heatmap.of(shown(), getSelectionModel().layer(), drawnHeads());
  }

  @Override
  protected void paintContent(Graphics2D g) {
    ShownAttention shown = shown();
    if (shown == null) {
      g.setColor(colors().mutedForeground());
      TextFit.drawAt(g, colors().text(), Messages.text("view.noData"), MARGIN, MARGIN);
      return;
    }
    display()
        .paint(
            g,
            g.getClipBounds(),
            scene(),
            new MatrixPainter(colors()),
            getDisplayMode() == DisplayMode.HEATMAP ? matrixValues() : null);
    int x = display().bounds().x;
    List<HeadViewNotes.Note> notes = notes();
    // An export is as wide as its notes (exportSize); the screen cuts them to the view.
    int width = exporting ? HeadViewNotes.width(colors(), notes) : getWidth() - x - MARGIN;
    int y = HeadViewNotes.paint(g, colors(), notes, x, MARGIN, width, LEGEND_GAP);
    HeatmapLegend legend = heatmapLegend();
    if (legend != null) {
      legend.paint(g, display().bounds().x, y);
    }
    markSelectionPainted();
    if (hasFocus()) {
      FocusRing.paint(g, colors().selection(), focusRing());
    }
  }

  /** The rectangle drawn around the content when the view has keyboard focus. */
  private Rectangle focusRing() {
    if (shown() == null) {
      return null;
    }
    Rectangle bounds = display().bounds();
    bounds.grow(MARGIN / 2, MARGIN / 2);
    return bounds;
  }

  // ---- export ----

  private HeadStripLayout exportStrip() {
    return new HeadStripLayout(
        MARGIN,
        MARGIN,
        headCount(),
        HeadStripLayout.DEFAULT_SQUARE,
        HeadStripLayout.DEFAULT_GAP,
        Integer.MAX_VALUE / 2);
  }

  private int exportStripHeight() {
    return shown() == null ? 0 : MARGIN + HeadStripLayout.DEFAULT_SQUARE + EXPORT_STRIP_GAP;
  }

  /**
   * The head squares (the colour legend) above the content as it is laid out now (with the line
   * area the view's width gives it).
   */
  @Override
  public Dimension exportSize() {
    if (shown() == null) {
      return contentSize();
    }
    Rectangle content = shownContent();
    int stripWidth = exportStrip().bounds().width + 2 * MARGIN;
    int notesWidth = HeadViewNotes.width(colors(), notes()) + 2 * MARGIN + 2;
    return new Dimension(
        Math.max(content.width, Math.max(stripWidth, notesWidth)),
        content.height + exportStripHeight());
  }

  @Override
  protected void paintForExport(Graphics2D g) {
    ShownAttention shown = shown();
    if (shown != null) {
      BitSet active = getSelectionModel().activeHeads(shown.headCount());
      new HeadStripPainter(colors()).paint(g, exportStrip(), active, -1, false);
    }
    Graphics2D content = (Graphics2D) g.create();
    try {
      // On screen a wide view centres the content; the export starts at its left margin.
      content.translate(shown == null ? 0 : -shownContent().x, exportStripHeight());
      exporting = true;
      paintContent(content);
    } finally {
      exporting = false;
      content.dispose();
    }
  }

  /** The matrix shown: the one active head, or the mean of the active heads, filter applied. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    ShownAttention shown = shown();
    if (shown == null) {
      return Optional.empty();
    }
    // The heads the picture averages; if every one is invalid, the file's numbers as they are.
    BitSet heads = new BitSet();
    Arrays.stream(drawnHeads()).forEach(heads::set);
    return Optional.of(
        shown.shownMatrix(
            getSelectionModel().layer(),
            heads.isEmpty() ? getSelectionModel().activeHeads(shown.headCount()) : heads));
  }

  // ---- mouse, tooltips, keys ----

  @Override
  public String getToolTipText(MouseEvent e) {
    ShownAttention shown = shown();
    if (shown == null) {
      return null;
    }
    int layer = getSelectionModel().layer();
    int[] heads = drawnHeads();
    if (heads.length == 0) {
      return invalidHeads().note(); // every active head left out: say why, wherever the mouse is
    }
    if (getDisplayMode() == DisplayMode.HEATMAP) {
      MatrixLayout.Hit hit = matrixLayout().hitTest(e.getX(), e.getY() - contentTop());
      if (hit != null && hit.isCell()) {
        return AttentionTooltips.cell(shown, layer, heads, hit.row(), hit.column());
      }
    }
    TokenRef token = tokenAt(e.getPoint());
    if (token == null) {
      return null;
    }
    TokenRef locked = getSelectionModel().lockedToken();
    return AttentionTooltips.token(shown, layer, heads, token, locked);
  }
}
