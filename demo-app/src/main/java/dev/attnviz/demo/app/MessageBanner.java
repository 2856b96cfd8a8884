package dev.attnviz.demo.app;

import java.awt.BorderLayout;
import java.awt.Color;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A strip above the views that says, in plain words, what went wrong or what to know (an error, a
 * truncated input). Stays until closed or replaced; the rest of the window keeps working.
 */
final class MessageBanner extends JPanel {

  /** How serious a message is, and how long it stays. */
  enum Kind {
    /** A request failed; the next result replaces it. */
    ERROR,
    /** About the result shown (e.g. truncated input); the next result replaces it. */
    INFO,
    /**
     * About the app itself (e.g. damaged settings were reset): stays until the user closes it or
     * another message replaces it; results do not clear it.
     */
    NOTICE
  }

  private final JTextArea text = new JTextArea();
  private Kind kind = Kind.INFO;

  MessageBanner() {
    super(new BorderLayout(8, 0));
    text.setEditable(false);
    text.setLineWrap(true);
    text.setWrapStyleWord(true);
    text.setOpaque(false);
    text.setName("banner.text");
    JButton close = new JButton("\u2715");
    close.setToolTipText("Dismiss");
    close.putClientProperty("JButton.buttonType", "toolBarButton");
    close.addActionListener(e -> clear());
    add(text, BorderLayout.CENTER);
    add(close, BorderLayout.EAST);
    setVisible(false);
  }

  /** Shows a message. */
  void show(Kind newKind, String message) {
    kind = newKind;
    text.setText(message);
    updateColors();
    setVisible(true);
    revalidate();
  }

  /** Hides the message. */
  void clear() {
    text.setText("");
    setVisible(false);
    revalidate();
  }

  /** The message shown, or empty. */
  String message() {
    return isVisible() ? text.getText() : "";
  }

  /** The kind of the message shown. */
  Kind kind() {
    return kind;
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (text != null) {
      updateColors();
    }
  }

  private void updateColors() {
    Color accent =
        kind == Kind.ERROR
            ? UIManager.getColor("Actions.Red")
            : UIManager.getColor("Component.accentColor");
    if (accent == null) {
      accent = kind == Kind.ERROR ? new Color(0xC62828) : new Color(0x2675BF);
    }
    setBorder(
        BorderFactory.createCompoundBorder(
            BorderFactory.createMatteBorder(0, 4, 0, 0, accent),
            BorderFactory.createEmptyBorder(6, 8, 6, 4)));
  }
}
