package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.ViewKeys;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.TableModel;
import org.junit.jupiter.api.Test;

/** Help → Keyboard shortcuts lists the views' key map, nothing typed twice. */
class KeyboardShortcutsTest {

  @Test
  void theHelpTableIsTheViewsKeyMap() {
    TableModel table = KeyboardShortcuts.table();
    assertEquals(ViewKeys.bindings().size() + ViewKeys.extras().size(), table.getRowCount());
    List<String> does = new ArrayList<>();
    for (int row = 0; row < table.getRowCount(); row++) {
      does.add((String) table.getValueAt(row, 1));
    }
    int nextLayer = does.indexOf(ViewKeys.Action.NEXT_LAYER.description());
    assertTrue(nextLayer >= 0, does.toString());
    String keys = (String) table.getValueAt(nextLayer, 0);
    assertTrue(keys.contains("Page Down") && keys.contains("Plus"), keys);
    String shift = (String) table.getValueAt(table.getRowCount() - 1, 0);
    assertTrue(shift.startsWith("Shift +"), shift);
    assertEquals("Neuron view", table.getValueAt(table.getRowCount() - 1, 2));
  }
}
