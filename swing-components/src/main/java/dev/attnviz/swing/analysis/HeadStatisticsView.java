package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.TooltipPlacement;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.event.MouseEvent;
import java.beans.PropertyChangeEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.accessibility.AccessibleContext;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.RowSorter;
import javax.swing.SwingConstants;
import javax.swing.event.ChangeListener;
import javax.swing.event.RowSorterEvent;
import javax.swing.event.RowSorterListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;

/**
 * The head-statistics view: a {@link HeadStatisticsHeatmap} (layer × head, one statistic, with its
 * controls) above a sortable table of every shown head of every kind with all eight statistics.
 * Click a column header to sort by it (again to reverse); an undefined value shows as "—".
 * Selecting a row or clicking a heatmap cell selects that head in the shared {@link
 * AttentionSelectionModel} (kind, layer, focused head and model-view cell), so that the head, model
 * and neuron views follow; the head the selection looks at is highlighted in both.
 *
 * <p>The statistics come from the heatmap, which computes them from the view model's display data
 * (see {@link HeadStatisticsHeatmap}). Export ({@link ExportableView}) is the heatmap's. Bound
 * properties {@code "model"}, {@code "selectionModel"} and {@code "statistic"} are the heatmap's;
 * listen on {@link #heatmap()}.
 *
 * <p>Use on the Event Dispatch Thread.
 */
public final class HeadStatisticsView extends JPanel implements ExportableView {

  private final HeadStatisticsHeatmap heatmap;
  private final HeadStatisticsTableModel rows = new HeadStatisticsTableModel();

  /** The Kind column while it is hidden, to show again for data of several kinds. */
  private TableColumn hiddenKindColumn;

  private final JTable table;
  private final ChangeListener selectionListener = e -> showSelectedHead();
  private AttentionSelectionModel listenedSelection;
  private boolean syncing;

  /** Creates the view with empty models of its own. */
  public HeadStatisticsView() {
    this(new AttentionViewModel(), new AttentionSelectionModel());
  }

  /**
   * Creates the view.
   *
   * @param model the data and display options
   * @param selection the selection, possibly shared with other views
   */
  public HeadStatisticsView(AttentionViewModel model, AttentionSelectionModel selection) {
    super(new BorderLayout());
    heatmap = new HeadStatisticsHeatmap(model, selection);
    table = new StatisticsTable(rows);
    table.setName("headStatistics");
    table.setAutoCreateRowSorter(true);
    scrollToTopOnSort();
    table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
    table.setDefaultRenderer(Double.class, new NumberRenderer());
    table.getSelectionModel().addListSelectionListener(e -> rowChosen(e.getValueIsAdjusting()));
    heatmap.addPropertyChangeListener(this::heatmapChanged);
    hookSelection(selection);
    JSplitPane split =
        new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(heatmap), new JScrollPane(table));
    // The heatmap gets its preferred height, the table the rest (at least a few rows).
    table.setPreferredScrollableViewportSize(
        new Dimension(table.getPreferredSize().width, 8 * table.getRowHeight()));
    split.setResizeWeight(0);
    split.setBorder(null);
    add(split, BorderLayout.CENTER);
    fillTable();
  }

  /**
   * A new sort order shows the top rows: the old scroll offset would hide the heads the user just
   * sorted to the top. The table makes a new sorter when its model changes, so each gets the
   * listener.
   */
  private void scrollToTopOnSort() {
    RowSorterListener toTop =
        e -> {
          if (e.getType() == RowSorterEvent.Type.SORT_ORDER_CHANGED) {
            // The top of the table, whatever rows the new order puts there.
            if (table.getParent() instanceof JViewport viewport) {
              viewport.setViewPosition(new Point(viewport.getViewPosition().x, 0));
            }
          }
        };
    if (table.getRowSorter() != null) {
      table.getRowSorter().addRowSorterListener(toTop);
    }
    table.addPropertyChangeListener(
        "rowSorter",
        e -> {
          if (e.getOldValue() instanceof RowSorter<?> old) {
            old.removeRowSorterListener(toTop);
          }
          if (e.getNewValue() instanceof RowSorter<?> sorter) {
            sorter.addRowSorterListener(toTop);
          }
        });
  }

  /**
   * A panel named "Head statistics view" (unless the host names it) whose description is the
   * heatmap's: the statistic and the selected head; it fires the heatmap's description changes.
   */
  @Override
  public AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      AccessibleContext context =
          new AccessibleJPanel() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getAccessibleName() {
              String name = super.getAccessibleName();
              return name != null ? name : Messages.text("statisticsView.name");
            }

            @Override
            public String getAccessibleDescription() {
              return accessibleDescription != null
                  ? accessibleDescription
                  : heatmap.getAccessibleContext().getAccessibleDescription();
            }
          };
      heatmap
          .getAccessibleContext()
          .addPropertyChangeListener(
              e -> {
                if (AccessibleContext.ACCESSIBLE_DESCRIPTION_PROPERTY.equals(e.getPropertyName())) {
                  context.firePropertyChange(e.getPropertyName(), e.getOldValue(), e.getNewValue());
                }
              });
      accessibleContext = context;
    }
    return accessibleContext;
  }

  /** The heatmap, with the statistic, kind and display-option controls. */
  public HeadStatisticsHeatmap heatmap() {
    return heatmap;
  }

  /** The table of every shown head; its rows are sorted by its row sorter. */
  public JTable table() {
    return table;
  }

  /** The data model. */
  public AttentionViewModel getModel() {
    return heatmap.getModel();
  }

  /** Shows another data model. */
  public void setModel(AttentionViewModel model) {
    heatmap.setModel(model);
  }

  /** The selection model. */
  public AttentionSelectionModel getSelectionModel() {
    return heatmap.getSelectionModel();
  }

  /** Uses another selection model, e.g. one shared with other views. */
  public void setSelectionModel(AttentionSelectionModel selection) {
    heatmap.setSelectionModel(selection);
  }

  /** The statistic the heatmap shows. */
  public Statistic getStatistic() {
    return heatmap.getStatistic();
  }

  /** Shows another statistic in the heatmap. */
  public void setStatistic(Statistic statistic) {
    heatmap.setStatistic(statistic);
  }

  /** The statistics of every head, once computed. */
  public Optional<HeadStatistics> statistics() {
    return heatmap.statistics();
  }

  /** Whether the statistics are being computed on a background thread. */
  public boolean isComputing() {
    return heatmap.isComputing();
  }

  /**
   * Lets go of the shared models (see {@link dev.attnviz.swing.AttentionView#dispose()}), so that
   * the closed view can be collected while they live on.
   */
  public void dispose() {
    if (listenedSelection != null) {
      listenedSelection.removeChangeListener(selectionListener);
      listenedSelection = null;
    }
    heatmap.dispose();
  }

  /** Shows or hides the heatmap's controls, for hosts that bring their own. */
  public void setControlsVisible(boolean visible) {
    heatmap.setControlsVisible(visible);
  }

  private void heatmapChanged(PropertyChangeEvent e) {
    switch (e.getPropertyName()) {
      case "statistics", "model" -> fillTable();
      case "selectionModel" -> {
        hookSelection((AttentionSelectionModel) e.getNewValue());
        showSelectedHead();
      }
      default -> {
        // Other properties do not concern the table.
      }
    }
  }

  private void hookSelection(AttentionSelectionModel selection) {
    if (listenedSelection != null) {
      listenedSelection.removeChangeListener(selectionListener);
    }
    listenedSelection = Objects.requireNonNull(selection, "selection");
    selection.addChangeListener(selectionListener);
  }

  /** Puts the statistics of every shown head into the table. */
  private void fillTable() {
    syncing = true;
    try {
      List<HeadSummary> heads = heatmap.statistics().map(this::shownHeads).orElse(List.of());
      rows.setHeads(heads);
      showKindColumn(heads.stream().map(HeadSummary::kind).distinct().count() > 1);
    } finally {
      syncing = false;
    }
    showSelectedHead();
  }

  /**
   * Shows the Kind column only when the heads are of several kinds (an encoder-decoder): with one
   * kind it would say "self" on every row.
   */
  private void showKindColumn(boolean severalKinds) {
    TableColumnModel columns = table.getColumnModel();
    int shownAt = table.convertColumnIndexToView(0);
    if (severalKinds && shownAt < 0 && hiddenKindColumn != null) {
      columns.addColumn(hiddenKindColumn);
      columns.moveColumn(columns.getColumnCount() - 1, 0);
      hiddenKindColumn = null;
    } else if (!severalKinds && shownAt >= 0) {
      hiddenKindColumn = columns.getColumn(shownAt);
      columns.removeColumn(hiddenKindColumn);
    }
  }

  private List<HeadSummary> shownHeads(HeadStatistics stats) {
    AttentionViewModel model = getModel();
    return stats.heads().stream()
        .filter(
            h ->
                Arrays.binarySearch(model.visibleLayers(stats.layerCount(h.kind())), h.layer()) >= 0
                    && Arrays.binarySearch(model.visibleHeads(stats.headCount(h.kind())), h.head())
                        >= 0)
        .toList();
  }

  /** Selects the table row of the head the selection model looks at, or none. */
  private void showSelectedHead() {
    AttentionSelectionModel selection = getSelectionModel();
    int row = rows.rowOf(selection.kind(), selection.layer(), selection.focusHead());
    int viewRow = row < 0 ? -1 : table.convertRowIndexToView(row);
    syncing = true;
    try {
      if (viewRow < 0) {
        table.clearSelection();
      } else if (table.getSelectedRow() != viewRow) {
        table.setRowSelectionInterval(viewRow, viewRow);
        table.scrollRectToVisible(table.getCellRect(viewRow, 0, true));
      }
    } finally {
      syncing = false;
    }
  }

  private void rowChosen(boolean adjusting) {
    int viewRow = table.getSelectedRow();
    if (syncing || adjusting || viewRow < 0) {
      return;
    }
    HeadSummary head = rows.head(table.convertRowIndexToModel(viewRow));
    HeadSelection.select(getSelectionModel(), head.kind(), head.layer(), head.head());
  }

  /** The model row of the head at view row {@code viewRow}; for tests. */
  HeadSummary headAtRow(int viewRow) {
    return rows.head(table.convertRowIndexToModel(viewRow));
  }

  /** The kind of every table row, in view order; for tests. */
  List<AttentionKind> rowKinds() {
    return java.util.stream.IntStream.range(0, table.getRowCount())
        .mapToObj(r -> headAtRow(r).kind())
        .toList();
  }

  // ---- export: the heatmap ----

  @Override
  public Dimension exportSize() {
    return heatmap.exportSize();
  }

  @Override
  public void paintExport(Graphics2D g) {
    heatmap.paintExport(g);
  }

  @Override
  public void paintExport(Graphics2D g, ExportBackground background) {
    heatmap.paintExport(g, background);
  }

  @Override
  public Optional<ShownMatrix> shownMatrix() {
    return heatmap.shownMatrix();
  }

  /** Formats statistics with three decimals, right-aligned; NaN as "—". */
  private static final class NumberRenderer extends DefaultTableCellRenderer {
    NumberRenderer() {
      setHorizontalAlignment(SwingConstants.RIGHT);
    }

    @Override
    protected void setValue(Object value) {
      setText(value instanceof Double d ? Numbers.text(d) : String.valueOf(value));
    }
  }

  /** A table whose statistic headers explain themselves in a tooltip. */
  private static final class StatisticsTable extends JTable {
    StatisticsTable(HeadStatisticsTableModel model) {
      super(model);
    }

    @Override
    protected JTableHeader createDefaultTableHeader() {
      return new JTableHeader(columnModel) {
        @Override
        public String getToolTipText(MouseEvent e) {
          int column = columnAtPoint(e.getPoint());
          Statistic statistic =
              column < 0
                  ? null
                  : HeadStatisticsTableModel.statisticAt(convertColumnIndexToModel(column));
          return statistic == null ? null : statistic.description();
        }

        @Override
        public Point getToolTipLocation(MouseEvent e) {
          return TooltipPlacement.insideWindow(this, e);
        }
      };
    }
  }
}
