package dev.attnviz.swing.analysis;

import java.awt.Component;
import java.awt.FlowLayout;
import java.util.function.Function;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;

/** Building blocks of the analysis views' control bars. */
final class Controls {

  private Controls() {}

  /** A transparent, left-aligned row of {@code parts}, for a view's controls bar. */
  static JPanel row(Component... parts) {
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
    row.setOpaque(false);
    for (Component part : parts) {
      row.add(part);
    }
    row.setAlignmentX(Component.LEFT_ALIGNMENT);
    return row;
  }

  /** A combo box renderer that shows each item as {@code label} gives it. */
  static ListCellRenderer<Object> labels(Function<Object, Object> label) {
    return new DefaultListCellRenderer() {
      @Override
      public Component getListCellRendererComponent(
          JList<?> list, Object value, int index, boolean selected, boolean focused) {
        return super.getListCellRendererComponent(
            list, label.apply(value), index, selected, focused);
      }
    };
  }
}
