package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.core.analysis.ValueRange;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.ControlRow;
import dev.attnviz.swing.SelectionControls;
import dev.attnviz.swing.SelectionControls.Part;
import dev.attnviz.swing.ViewHit;
import dev.attnviz.swing.ViewKeys;
import dev.attnviz.swing.ViewNavigation;
import dev.attnviz.swing.ViewProperty;
import dev.attnviz.swing.accessibility.AttentionDescription;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.SelectionEvent;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.render.FocusRing;
import dev.attnviz.swing.render.GridAxesPainter;
import dev.attnviz.swing.render.HeatColorScale;
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.TextFit;
import dev.attnviz.swing.render.ViewText;
import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.swing.JComboBox;
import javax.swing.JLabel;

/**
 * A layer × head heatmap of one {@link Statistic} of every head: layers down ("Layers"), heads
 * across ("Heads"), each cell coloured from a light tint of the heat colour (the smallest value
 * shown) to the full heat colour (the largest), with a legend giving both. Cells where the
 * statistic is undefined (NaN, e.g. position statistics of cross attention) stay empty. The head
 * the shared selection looks at (its kind, layer and focused head) is outlined; clicking a cell, or
 * moving with the arrow keys, selects that head in the selection model, so that the other views
 * follow. Tooltips list every statistic of a head.
 *
 * <p>The statistics are those of the view model's display data, for every kind, recomputed when the
 * data or its display options change: at once for short inputs, on a background thread for long
 * ones (for 512 tokens of a 12 × 12 model they read 38 M weights), with "Computing…" shown
 * meanwhile. Bound properties: {@code "statistic"}, and {@code "statistics"} when new statistics
 * arrive or the data model changed (its included layers and heads, say). Export: the heatmap as PNG
 * or SVG, the grid as CSV (rows are layers, columns heads).
 *
 * <p>Use on the Event Dispatch Thread.
 */
public final class HeadStatisticsHeatmap extends AttentionView {

  private static final int MARGIN = 8;
  private static final int CELL = 26;
  private static final int GAP = 1;
  private static final int LEGEND_GAP = 24;

  /**
   * About how long the statistics take per weight: 0.5 s for the 38 M weights of 512 tokens, see
   * docs/performance/analysis-views.md.
   */
  private static final long NANOS_PER_WEIGHT = 13;

  /**
   * Opacity of the heat colour for the smallest value shown, so that it stays distinct from an
   * empty (undefined) cell.
   */
  static final float MIN_TINT = 0.08f;

  private final SelectionControls selectors =
      new SelectionControls(EnumSet.of(Part.KIND, Part.DISPLAY_OPTIONS));
  private final JComboBox<Statistic> statisticBox = new JComboBox<>(Statistic.values());
  private final ViewNavigation navigation = new ViewNavigation(this, () -> null, true);
  private final LatestResult<HeadStatistics> result = new LatestResult<>(this::resultChanged);
  private final ViewProperty<Statistic> statistic =
      property(
          "statistic",
          Statistic.ENTROPY,
          s -> {
            statisticBox.setSelectedItem(s);
            revalidate();
            repaint();
          });
  private ModelGridLayout grid;

  /** Creates a heatmap with empty models of its own. */
  public HeadStatisticsHeatmap() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates a heatmap.
   *
   * @param model the data and display options
   * @param selection the selection, possibly shared with other views
   */
  public HeadStatisticsHeatmap(AttentionViewModel model, AttentionSelectionModel selection) {
    super(model, selection);
    statisticBox.setName("statistic");
    statisticBox.setRenderer(ComboLabels.renderer(v -> v instanceof Statistic s ? s.label() : v));
    statisticBox.setSelectedItem(statistic.get());
    statisticBox.addActionListener(e -> setStatistic((Statistic) statisticBox.getSelectedItem()));
    JLabel title = new JLabel(Messages.text("statistics.statistic"));
    controlsBar().add(ControlRow.of(title, statisticBox, bindControls(selectors)));
    installMouse();
    installKeys();
    describeAs(
        Messages.text("statisticsHeatmap.name"),
        (shown, s) ->
            Messages.format(
                "statistics.describe",
                getStatistic().label(),
                AttentionDescription.ofFocusedHead(shown, s)));
    start();
  }

  // ---- options and state ----

  /**
   * The statistic shown (bound property {@code "statistic"}); default {@link Statistic#ENTROPY}.
   */
  public Statistic getStatistic() {
    return statistic.get();
  }

  /** Shows another statistic. */
  public void setStatistic(Statistic newStatistic) {
    statistic.set(Objects.requireNonNull(newStatistic, "newStatistic"));
  }

  /** The statistics of every head of the display data, once computed. */
  public Optional<HeadStatistics> statistics() {
    return Optional.ofNullable(result.value());
  }

  /** Whether statistics for the current data are being computed on a background thread. */
  public boolean isComputing() {
    return result.isPending();
  }

  /** The statistic, kind and display-option selectors. */
  public SelectionControls selectors() {
    return selectors;
  }

  /** The statistic selector. */
  public JComboBox<Statistic> statisticSelector() {
    return statisticBox;
  }

  /** Sets the estimated time up to which statistics are computed at once on the EDT; for tests. */
  void setSynchronousLimit(long limit) {
    result.setSynchronousLimit(limit);
  }

  /** The kind whose heads the heatmap shows: the selected one, or the first there is. */
  public Optional<AttentionKind> shownKind() {
    HeadStatistics stats = result.value();
    if (stats == null) {
      return Optional.empty();
    }
    AttentionKind kind = getSelectionModel().kind();
    return Optional.of(stats.kinds().contains(kind) ? kind : stats.kinds().iterator().next());
  }

  @Override
  protected void dataChanged() {
    AttentionData data = displayData();
    if (data == null) {
      result.clear();
    } else {
      result.request(
          data, null, weightCount(data) * NANOS_PER_WEIGHT, () -> HeadStatistics.of(data));
    }
    invalidateGrid();
    // The included layers or heads may have changed even when the statistics did not.
    firePropertyChange("statistics", null, result.value());
  }

  /** How many weights the statistics read. */
  static long weightCount(AttentionData data) {
    long count = 0;
    for (Attention attention : data.attentions()) {
      count +=
          (long) attention.layerCount()
              * attention.headCount()
              * attention.weights().dim2()
              * attention.weights().dim3();
    }
    return count;
  }

  private void resultChanged() {
    invalidateGrid();
    firePropertyChange("statistics", null, result.value());
  }

  @Override
  protected void selectionChanged(SelectionEvent event) {
    if (event != null && EnumSet.of(Aspect.HOVER, Aspect.LOCK).containsAll(event.aspects())) {
      return;
    }
    if (event == null || event.changed(Aspect.KIND)) {
      invalidateGrid();
    } else {
      repaint();
    }
  }

  @Override
  protected void themeChanged() {
    invalidateGrid();
  }

  private void invalidateGrid() {
    grid = null;
    revalidate();
    repaint();
  }

  // ---- geometry ----

  /** The grid, or null while there are no statistics to show. */
  ModelGridLayout gridLayout() {
    Optional<AttentionKind> kind = shownKind();
    if (kind.isEmpty()) {
      return null;
    }
    if (grid == null) {
      HeadStatistics stats = result.value();
      ViewText text = colors().text();
      grid =
          ModelGridLayout.fitting(
              MARGIN,
              MARGIN + text.height() + 6,
              getModel().visibleLayers(stats.layerCount(kind.get())),
              getModel().visibleHeads(stats.headCount(kind.get())),
              CELL,
              CELL,
              GAP,
              text);
    }
    return grid;
  }

  /** The bounds of {@code head}'s cell in this component, if it is shown. */
  public Optional<Rectangle> cellBounds(LayerHead head) {
    ModelGridLayout layout = gridLayout();
    Rectangle cell = layout == null ? null : layout.cell(head);
    if (cell == null) {
      return Optional.empty();
    }
    cell.translate(0, contentTop());
    return Optional.of(cell);
  }

  /** The head whose cell is at {@code point} of this component, or null. */
  @Override
  public ViewHit hitAt(Point point) {
    LayerHead head = headAt(point);
    return head == null ? ViewHit.NONE : ViewHit.cell(head);
  }

  /** The head (a cell of the heatmap) at a point of this component, or null. */
  public LayerHead headAt(Point point) {
    ModelGridLayout layout = gridLayout();
    return layout == null ? null : layout.cellAt(point.x, point.y - contentTop());
  }

  private String title() {
    return getStatistic().label() + ": " + getStatistic().description();
  }

  private ColorLegend legend(ValueRange range) {
    HeatColorScale scale = HeatColorScale.of(colors());
    return new ColorLegend(
        getStatistic().label(),
        Numbers.text(range.min()),
        null,
        Numbers.text(range.max()),
        t -> scale.rgb(tint((float) t)));
  }

  @Override
  protected Dimension contentSize() {
    ViewText text = colors().text();
    ModelGridLayout layout = gridLayout();
    if (layout == null) {
      String message = message();
      return new Dimension(
          2 * MARGIN + text.width(message == null ? "" : message), 2 * MARGIN + text.height());
    }
    Rectangle bounds = layout.bounds();
    ColorLegend legend = legend(ValueRange.EMPTY);
    int width =
        Math.max(
            bounds.x + bounds.width + LEGEND_GAP + legend.width(text) + 40,
            MARGIN + text.width(title()));
    int height = Math.max(bounds.y + bounds.height, layout.cellsY() + legend.height(text));
    return new Dimension(width + MARGIN, height + MARGIN);
  }

  // ---- values ----

  /** The statistic of every head of the shown kind, {@code layers × heads}. */
  private Matrix values() {
    return result.value().grid(shownKind().orElseThrow(), getStatistic());
  }

  /** The range of the shown cells' values, NaN ignored. */
  private static ValueRange range(Matrix values, ModelGridLayout layout) {
    ValueRange range = ValueRange.EMPTY;
    for (int layer : layout.layers()) {
      for (int head : layout.heads()) {
        range = range.including(values.get(layer, head));
      }
    }
    return range;
  }

  /** Where {@code value} sits in {@code range}, 0 to 1; a range of one value maps it to 1. */
  static float fraction(double value, ValueRange range) {
    double span = range.max() - range.min();
    return span > 0 ? (float) ((value - range.min()) / span) : 1f;
  }

  /** The heat colour's opacity for a value at {@code fraction} of the range. */
  static float tint(float fraction) {
    return MIN_TINT + (1 - MIN_TINT) * fraction;
  }

  // ---- painting ----

  private String message() {
    if (!getModel().hasData()) {
      return Messages.text("view.noData");
    }
    if (result.isPending()) {
      return Messages.text("statistics.computing");
    }
    if (result.error() != null) {
      return Messages.format("statistics.error", result.error());
    }
    return null;
  }

  @Override
  protected void paintContent(Graphics2D g) {
    ViewText text = colors().text();
    ModelGridLayout layout = gridLayout();
    if (layout == null) {
      String message = message();
      g.setColor(colors().mutedForeground());
      TextFit.drawAt(g, text, message == null ? "" : message, MARGIN, MARGIN);
      return;
    }
    g.setColor(colors().foreground());
    TextFit.drawAt(g, text, title(), MARGIN, MARGIN);
    GridAxesPainter.paint(g, layout, colors());
    Matrix values = values();
    ValueRange range = range(values, layout);
    paintCells(g, layout, values, range);
    Rectangle bounds = layout.bounds();
    legend(range).paint(g, colors(), bounds.x + bounds.width + LEGEND_GAP, layout.cellsY());
    if (hasFocus()) {
      bounds.grow(MARGIN / 2, MARGIN / 2);
      FocusRing.paint(g, colors().selection(), bounds);
    }
  }

  private void paintCells(Graphics2D g, ModelGridLayout layout, Matrix values, ValueRange range) {
    HeatColorScale scale = HeatColorScale.of(colors());
    int[] layers = layout.layers();
    int[] heads = layout.heads();
    AttentionKind kind = shownKind().orElseThrow();
    Rectangle current = null;
    g.setStroke(new BasicStroke(1f));
    for (int r = 0; r < layers.length; r++) {
      for (int c = 0; c < heads.length; c++) {
        Rectangle cell = layout.cell(r, c);
        double value = values.get(layers[r], heads[c]);
        if (Double.isNaN(value)) {
          g.setColor(colors().grid());
          g.drawRect(cell.x, cell.y, cell.width - 1, cell.height - 1);
        } else {
          g.setColor(scale.color(tint(fraction(value, range))));
          g.fill(cell);
        }
        if (HeadSelection.isSelected(getSelectionModel(), kind, layers[r], heads[c])) {
          current = cell;
        }
      }
    }
    if (current != null) {
      // A ring in the selection colour around a ring of background reads on any cell colour.
      g.setColor(colors().background());
      g.drawRect(current.x + 2, current.y + 2, current.width - 5, current.height - 5);
      g.setColor(colors().selection());
      g.setStroke(new BasicStroke(2f));
      g.drawRect(current.x, current.y, current.width - 1, current.height - 1);
    }
  }

  // ---- export ----

  /** The shown grid: one row per shown layer, one column per shown head. */
  @Override
  public Optional<ShownMatrix> shownMatrix() {
    ModelGridLayout layout = gridLayout();
    if (layout == null) {
      return Optional.empty();
    }
    Matrix values = values();
    int[] layers = layout.layers();
    int[] heads = layout.heads();
    float[] shown = new float[layers.length * heads.length];
    for (int r = 0; r < layers.length; r++) {
      for (int c = 0; c < heads.length; c++) {
        shown[r * heads.length + c] = (float) values.get(layers[r], heads[c]);
      }
    }
    return Optional.of(
        new ShownMatrix(
            getStatistic().id()
                + " of "
                + shownKind().orElseThrow().id()
                + " attention, layers x heads",
            Arrays.stream(layers).mapToObj(l -> "Layer " + l).toList(),
            Arrays.stream(heads).mapToObj(h -> "Head " + h).toList(),
            shown));
  }

  // ---- mouse, keys, tooltips ----

  private void installMouse() {
    addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            requestFocusInWindow();
            LayerHead head = headAt(e.getPoint());
            if (head != null && e.getButton() == MouseEvent.BUTTON1) {
              select(head);
            }
          }
        });
  }

  private void select(LayerHead head) {
    HeadSelection.select(getSelectionModel(), shownKind().orElseThrow(), head.layer(), head.head());
  }

  /** The views' key map ({@link ViewKeys}): layer and head steps move the selected head. */
  private void installKeys() {
    Map<ViewKeys.Action, Runnable> actions = navigation.actions();
    actions.remove(ViewKeys.Action.PREVIOUS_TOKEN);
    actions.remove(ViewKeys.Action.NEXT_TOKEN);
    ViewKeys.install(this, actions);
  }

  /** Moves the selected head by {@code layers} rows and {@code heads} columns of the grid. */
  void moveHead(int layers, int heads) {
    getSelectionModel()
        .batch(
            () -> {
              if (layers != 0) {
                navigation.stepLayer(layers);
              }
              if (heads != 0) {
                navigation.stepHead(heads);
              }
            });
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    LayerHead head = headAt(e.getPoint());
    if (head == null) {
      return null;
    }
    HeadSummary summary = result.value().get(shownKind().orElseThrow(), head.layer(), head.head());
    return StatisticTooltips.tooltip(summary, getStatistic());
  }
}
