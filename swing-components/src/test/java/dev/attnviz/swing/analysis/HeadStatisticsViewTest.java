package dev.attnviz.swing.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.TestData;
import java.awt.Component;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.RowSorter;
import javax.swing.SortOrder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The table of head statistics: its cells, its sorting, and its link to the selection model. */
@OnEdt
class HeadStatisticsViewTest {

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private HeadStatisticsView view;
  private JTable table;

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(HeadStatisticsHeatmapTest.fourHeads());
    selection = new AttentionSelectionModel();
    view = new HeadStatisticsView(model, selection);
    table = view.table();
  }

  private String shownText(int row, int column) {
    Component cell =
        table
            .getCellRenderer(row, column)
            .getTableCellRendererComponent(
                table, table.getValueAt(row, column), false, false, row, column);
    return ((JLabel) cell).getText();
  }

  @Test
  void sortingShowsTheTopRows() {
    javax.swing.JScrollPane scroll = new javax.swing.JScrollPane(table);
    scroll.setSize(
        400, table.getTableHeader().getPreferredSize().height + table.getRowHeight() + 4);
    scroll.validate();
    scroll.getViewport().setViewPosition(new java.awt.Point(0, 2 * table.getRowHeight()));
    assertTrue(scroll.getViewport().getViewPosition().y > 0, "scrolled down before sorting");
    table.getRowSorter().toggleSortOrder(3);
    assertEquals(0, scroll.getViewport().getViewPosition().y, "the top rows are in view");
  }

  @Test
  void oneRowPerHeadWithLayerHeadAndEveryStatisticAndNoKindForOneKind() {
    assertEquals(4, table.getRowCount());
    assertEquals(2 + Statistic.values().length, table.getColumnCount(), "no Kind column");
    assertEquals("Layer", table.getColumnName(0));
    assertEquals("Entropy", table.getColumnName(2));
    assertEquals("Confidence", table.getColumnName(9));
    assertEquals(0, table.getValueAt(1, 0));
    assertEquals(1, table.getValueAt(1, 1));
    assertEquals("1.099", shownText(1, 2), "ln 3, four significant digits");
  }

  @Test
  void theKindColumnShowsForSeveralKindsOnlyAndComesBackFirst() {
    model.setData(AnalysisData.encoderDecoderOfTwo());
    assertEquals("Kind", table.getColumnName(0));
    assertEquals(3 + Statistic.values().length, table.getColumnCount());
    assertEquals("encoder", table.getValueAt(0, 0));
    model.setData(HeadStatisticsHeatmapTest.fourHeads());
    assertEquals("Layer", table.getColumnName(0), "one kind again: hidden");
    model.setData(AnalysisData.encoderDecoderOfTwo());
    assertEquals("Kind", table.getColumnName(0), "several again: shown, first");
  }

  @Test
  void undefinedStatisticsShowAsADash() {
    float[][] m = {{1f}};
    model.setData(TestData.self(List.of("x"), new float[][][][] {{m}}));
    int prev = 2 + Statistic.PREV.ordinal();
    assertEquals(Double.NaN, (Double) table.getValueAt(0, prev));
    assertEquals("\u2014", shownText(0, prev), "one token has no previous token");
  }

  @Test
  void sortingByAColumnOrdersTheHeadsByIt() {
    RowSorter<?> sorter = table.getRowSorter();
    int entropy = 3;
    sorter.setSortKeys(List.of(new RowSorter.SortKey(entropy, SortOrder.DESCENDING)));
    assertEquals(new LayerHead(0, 1), cell(view.headAtRow(0)), "uniform: ln 3");
    assertEquals(new LayerHead(1, 1), cell(view.headAtRow(1)), "halves: ln 2");
    sorter.setSortKeys(List.of(new RowSorter.SortKey(entropy, SortOrder.ASCENDING)));
    assertEquals(new LayerHead(0, 1), cell(view.headAtRow(3)));
  }

  private static LayerHead cell(HeadSummary summary) {
    return new LayerHead(summary.layer(), summary.head());
  }

  @Test
  void choosingARowSelectsTheHeadAndAHeadViewFollows() {
    HeadView head = new HeadView(model, selection);
    table.setRowSelectionInterval(3, 3);
    assertEquals(1, selection.layer());
    assertEquals(1, selection.focusHead());
    assertEquals(new LayerHead(1, 1), selection.selectedCell());
    assertEquals(1, head.selectors().layerSelector().getSelectedItem());
  }

  @Test
  void theSelectedHeadIsTheSelectedRowAfterSortingToo() {
    selection.setLayer(1);
    selection.setFocusHead(0);
    assertEquals(new LayerHead(1, 0), cell(view.headAtRow(table.getSelectedRow())));
    table.getRowSorter().setSortKeys(List.of(new RowSorter.SortKey(3 + 7, SortOrder.DESCENDING)));
    selection.setFocusHead(1);
    assertEquals(new LayerHead(1, 1), cell(view.headAtRow(table.getSelectedRow())));
    assertEquals(1, table.getSelectedRowCount());
  }

  @Test
  void excludedLayersAndHeadsLeaveTheTable() {
    model.setIncludeLayers(1);
    assertEquals(2, table.getRowCount());
    model.setIncludeHeads(0);
    assertEquals(1, table.getRowCount());
  }

  @Test
  void everyKindOfAnEncoderDecoderHasItsRows() {
    model.setData(AnalysisData.encoderDecoderOfTwo());
    assertEquals(
        List.of(AttentionKind.ENCODER, AttentionKind.DECODER, AttentionKind.CROSS),
        view.rowKinds());
    table.setRowSelectionInterval(2, 2);
    assertEquals(AttentionKind.CROSS, selection.kind());
  }

  @Test
  void theViewExportsTheHeatmapAndForwardsItsOptions() {
    view.setStatistic(Statistic.DISTANCE);
    assertEquals(Statistic.DISTANCE, view.heatmap().getStatistic());
    assertEquals(view.heatmap().exportSize(), view.exportSize());
    assertTrue(view.shownMatrix().orElseThrow().title().startsWith("distance"));
    AttentionSelectionModel other = new AttentionSelectionModel();
    view.setSelectionModel(other);
    other.setLayer(1);
    other.setFocusHead(1);
    assertEquals(new LayerHead(1, 1), cell(view.headAtRow(table.getSelectedRow())));
    assertFalse(view.isComputing());
  }
}
