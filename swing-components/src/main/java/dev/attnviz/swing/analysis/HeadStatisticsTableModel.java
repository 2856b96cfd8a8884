package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.internal.Messages;
import java.util.List;
import java.util.Objects;
import javax.swing.table.AbstractTableModel;

/**
 * One row per head: kind, layer, head, then the eight {@link Statistic}s in their declaration (CSV)
 * order. Statistic cells are {@link Double}s, NaN where undefined, so that a row sorter sorts them
 * as numbers.
 */
final class HeadStatisticsTableModel extends AbstractTableModel {

  /** Index of the first statistic column. */
  static final int FIRST_STATISTIC = 3;

  private static final Statistic[] STATISTICS = Statistic.values();

  private List<HeadSummary> heads = List.of();

  /** Shows {@code newHeads}, in that order. */
  void setHeads(List<HeadSummary> newHeads) {
    heads = List.copyOf(newHeads);
    fireTableDataChanged();
  }

  /** The head in model row {@code row}. */
  HeadSummary head(int row) {
    return heads.get(row);
  }

  /** The model row of a head, or −1 if it is not shown. */
  int rowOf(AttentionKind kind, int layer, int head) {
    for (int row = 0; row < heads.size(); row++) {
      HeadSummary summary = heads.get(row);
      if (summary.kind() == kind && summary.layer() == layer && summary.head() == head) {
        return row;
      }
    }
    return -1;
  }

  /** The statistic of column {@code column}, or null for kind, layer and head. */
  static Statistic statisticAt(int column) {
    return column < FIRST_STATISTIC ? null : STATISTICS[column - FIRST_STATISTIC];
  }

  @Override
  public int getRowCount() {
    return heads.size();
  }

  @Override
  public int getColumnCount() {
    return FIRST_STATISTIC + STATISTICS.length;
  }

  @Override
  public String getColumnName(int column) {
    return switch (column) {
      case 0 -> Messages.text("statistics.kindColumn");
      case 1 -> Messages.text("statistics.layerColumn");
      case 2 -> Messages.text("statistics.headColumn");
      default -> statisticAt(column).label();
    };
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return switch (column) {
      case 0 -> String.class;
      case 1, 2 -> Integer.class;
      default -> Double.class;
    };
  }

  @Override
  public Object getValueAt(int row, int column) {
    HeadSummary summary = heads.get(row);
    return switch (column) {
      case 0 -> summary.kind().id();
      case 1 -> summary.layer();
      case 2 -> summary.head();
      default -> summary.value(Objects.requireNonNull(statisticAt(column)));
    };
  }
}
