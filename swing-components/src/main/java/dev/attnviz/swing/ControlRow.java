package dev.attnviz.swing;

import java.awt.Component;
import java.awt.FlowLayout;
import javax.swing.JPanel;

/** A row of controls for a view's controls bar: transparent, left-aligned, small gaps. */
public final class ControlRow {

  private ControlRow() {}

  /**
   * A new row holding {@code parts}, left to right.
   *
   * @param parts the controls, in order
   * @return a transparent panel with a left-aligned flow layout
   */
  public static JPanel of(Component... parts) {
    JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
    row.setOpaque(false);
    row.setAlignmentX(Component.LEFT_ALIGNMENT);
    for (Component part : parts) {
      row.add(part);
    }
    return row;
  }
}
