package dev.attnviz.swing.export;

import java.util.List;
import java.util.Objects;

/**
 * A matrix as a view shows it, with its row and column labels: what CSV export writes.
 *
 * @param title what the matrix is, e.g. "Layer 3, mean of heads 0, 2"
 * @param rowLabels one label per row (query tokens as displayed)
 * @param columnLabels one label per column (key tokens as displayed)
 * @param values row-major, {@code rowLabels.size() * columnLabels.size()} values
 */
public record ShownMatrix(
    String title, List<String> rowLabels, List<String> columnLabels, float[] values) {

  /**
   * Copies and checks the parts.
   *
   * @param title a title for the matrix, e.g. "Layer 3, Head 1"
   * @param rowLabels the query labels, one per row
   * @param columnLabels the key labels, one per column
   * @param values rows × columns values, row-major
   * @throws IllegalArgumentException if the value count does not match the labels
   */
  public ShownMatrix {
    Objects.requireNonNull(title, "title");
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    values = values.clone();
    if (values.length != rowLabels.size() * columnLabels.size()) {
      throw new IllegalArgumentException(
          values.length
              + " values for "
              + rowLabels.size()
              + " rows and "
              + columnLabels.size()
              + " columns");
    }
  }

  /**
   * The value at {@code row}, {@code column}.
   *
   * @param row a row, 0-based
   * @param column a column, 0-based
   * @return the value
   */
  public float value(int row, int column) {
    Objects.checkIndex(row, rowLabels.size());
    return values[row * columnLabels.size() + Objects.checkIndex(column, columnLabels.size())];
  }

  /**
   * A copy of the values, row-major.
   *
   * @return a new array of rows × columns values
   */
  @Override
  public float[] values() {
    return values.clone();
  }
}
