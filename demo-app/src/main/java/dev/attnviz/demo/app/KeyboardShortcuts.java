package dev.attnviz.demo.app;

import dev.attnviz.swing.ViewKeys;
import java.awt.Component;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.table.DefaultTableModel;
import javax.swing.table.TableModel;

/**
 * Help → Keyboard shortcuts: the views' one key map ({@link ViewKeys}) as a table, so that the help
 * can never disagree with what the keys do.
 */
final class KeyboardShortcuts {

  private KeyboardShortcuts() {}

  /** Key, action and where it applies, one row per action: the table the dialog shows. */
  static TableModel table() {
    List<Object[]> rows = new ArrayList<>();
    for (ViewKeys.Action action : ViewKeys.bindings()) {
      rows.add(new Object[] {action.keyText(), action.description(), "every view"});
    }
    for (ViewKeys.Extra extra : ViewKeys.extras()) {
      rows.add(
          new Object[] {
            extra.key().toString().replace("pressed ", "").replace("shift", "Shift +"),
            extra.description(),
            extra.view()
          });
    }
    DefaultTableModel model =
        new DefaultTableModel(rows.toArray(new Object[0][]), new Object[] {"Keys", "Does", "In"}) {
          @Override
          public boolean isCellEditable(int row, int column) {
            return false;
          }
        };
    return model;
  }

  /** Shows the shortcuts in a dialog over {@code owner}. */
  static void show(Component owner) {
    JTable table = new JTable(table());
    table.setName("shortcuts");
    table.getColumnModel().getColumn(0).setPreferredWidth(170);
    table.getColumnModel().getColumn(1).setPreferredWidth(380);
    table.getColumnModel().getColumn(2).setPreferredWidth(110);
    JScrollPane scroll = new JScrollPane(table);
    scroll.setPreferredSize(new Dimension(680, table.getRowHeight() * (table.getRowCount() + 2)));
    JOptionPane pane =
        new JOptionPane(
            new Object[] {"Click a view first, so that it has the keyboard focus.", scroll},
            JOptionPane.PLAIN_MESSAGE);
    JDialog dialog = pane.createDialog(owner, "Keyboard shortcuts");
    dialog.setName("keyboardShortcuts");
    dialog.setVisible(true);
    dialog.dispose();
  }
}
