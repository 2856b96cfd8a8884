package dev.attnviz.demo.app;

import java.awt.BorderLayout;
import java.awt.event.ActionListener;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

/** The bottom line: what the app is doing, a busy indicator and a cancel button. */
final class StatusBar extends JPanel {

  private final JLabel message = new JLabel(" ");
  private final JProgressBar busy = new JProgressBar();
  private final JButton cancel = new JButton("Cancel");

  StatusBar(ActionListener onCancel) {
    super(new BorderLayout(8, 0));
    setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
    busy.setIndeterminate(true);
    busy.setVisible(false);
    cancel.setVisible(false);
    cancel.setToolTipText("Stop waiting for this request (Esc); the app stays usable");
    cancel.addActionListener(onCancel);
    message.setName("status.message");
    busy.setName("status.busy");
    cancel.setName("status.cancel");
    JPanel east = new JPanel(new BorderLayout(8, 0));
    east.setOpaque(false);
    east.add(busy, BorderLayout.CENTER);
    east.add(cancel, BorderLayout.EAST);
    add(message, BorderLayout.CENTER);
    add(east, BorderLayout.EAST);
  }

  /** Shows work in progress. */
  void busy(String text) {
    message.setText(text);
    busy.setVisible(true);
    cancel.setVisible(true);
  }

  /** Shows an idle message. */
  void idle(String text) {
    message.setText(text.isEmpty() ? " " : text);
    busy.setVisible(false);
    cancel.setVisible(false);
  }

  /** The current message. */
  String text() {
    return message.getText();
  }

  /** Whether work is in progress. */
  boolean isBusy() {
    return busy.isVisible();
  }
}
