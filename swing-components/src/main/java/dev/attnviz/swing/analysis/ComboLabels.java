package dev.attnviz.swing.analysis;

import java.awt.Component;
import java.util.function.Function;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;
import javax.swing.ListCellRenderer;

/** Combo boxes that show their items by a label of their own. */
final class ComboLabels {

  private ComboLabels() {}

  /** A combo box renderer that shows each item as {@code label} gives it. */
  static ListCellRenderer<Object> renderer(Function<Object, Object> label) {
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
