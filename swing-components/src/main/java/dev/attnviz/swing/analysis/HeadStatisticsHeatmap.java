package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Statistic;
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
import dev.attnviz.swing.render.ModelGridLayout;
import dev.attnviz.swing.render.ViewText;
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
 *
 * @serial exclude
 */
public final class HeadStatisticsHeatmap extends AttentionView {

  private static final int MARGIN = HeadStatisticsPicture.MARGIN;
  private static final int CELL = 26;
  private static final int GAP = 1;

  /**
   * About how long the statistics take per weight: 0.5 s for the 38 M weights of 512 tokens, see
   * docs/performance/analysis-views.md.
   */
  private static final long NANOS_PER_WEIGHT = 13;

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
   *
   * @return the statistic; never null
   */
  public Statistic getStatistic() {
    return statistic.get();
  }

  /**
   * Shows another statistic.
   *
   * @param newStatistic the statistic; not null
   */
  public void setStatistic(Statistic newStatistic) {
    statistic.set(Objects.requireNonNull(newStatistic, "newStatistic"));
  }

  /**
   * The statistics of every head of the display data, once computed.
   *
   * @return the statistics, or empty while none are computed
   */
  public Optional<HeadStatistics> statistics() {
    return Optional.ofNullable(result.value());
  }

  /**
   * Whether statistics for the current data are being computed on a background thread.
   *
   * @return true while a computation runs
   */
  public boolean isComputing() {
    return result.isPending();
  }

  /**
   * The statistic, kind and display-option selectors.
   *
   * @return the selectors
   */
  public SelectionControls selectors() {
    return selectors;
  }

  /**
   * The statistic selector.
   *
   * @return the combo box
   */
  public JComboBox<Statistic> statisticSelector() {
    return statisticBox;
  }

  /** Sets the estimated time up to which statistics are computed at once on the EDT; for tests. */
  void setSynchronousLimit(long limit) {
    result.setSynchronousLimit(limit);
  }

  /**
   * The kind whose heads the heatmap shows: the selected one, or the first there is.
   *
   * @return the kind, or empty without data
   */
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

  /**
   * The bounds of {@code head}'s cell in this component, if it is shown.
   *
   * @param head a layer and head, original indexes
   * @return the bounds, or empty
   */
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

  /**
   * The head (a cell of the heatmap) at a point of this component, or null.
   *
   * @param point a point in this component's coordinates
   * @return the layer and head, original indexes, or null
   */
  public LayerHead headAt(Point point) {
    ModelGridLayout layout = gridLayout();
    return layout == null ? null : layout.cellAt(point.x, point.y - contentTop());
  }

  /**
   * The picture of what is shown now: the statistics, or the message that says why there are none.
   */
  private HeadStatisticsPicture picture() {
    ModelGridLayout layout = gridLayout();
    return new HeadStatisticsPicture(
        colors(),
        layout,
        this::values,
        getStatistic(),
        shownKind().orElse(null),
        layout == null ? message() : null);
  }

  @Override
  protected Dimension contentSize() {
    return picture().size();
  }

  // ---- values ----

  /** The statistic of every head of the shown kind, {@code layers × heads}. */
  private Matrix values() {
    return result.value().grid(shownKind().orElseThrow(), getStatistic());
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
    picture().paint(g, getSelectionModel(), hasFocus());
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
