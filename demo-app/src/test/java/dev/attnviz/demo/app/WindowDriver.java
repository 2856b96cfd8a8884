package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.swing.AbstractButton;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Drives a {@link MainWindow} as a user would, from a test thread: every read and every action runs
 * on the EDT; components are found by their names.
 */
final class WindowDriver {

  private final MainWindow window;

  WindowDriver(MainWindow window) {
    this.window = window;
  }

  /** The data the views show, or null. */
  AttentionData shown() throws Exception {
    return onEdt(() -> window.viewModel().data());
  }

  /** Waits for data other than {@code before} (which may be null) and returns it. */
  AttentionData awaitNewData(AttentionData before, Duration timeout) throws Exception {
    return waitFor(
        () -> {
          AttentionData now = shown();
          return now != null && now != before ? now : null;
        },
        timeout);
  }

  /** The text of the message banner, or "" when it is hidden. */
  String banner() throws Exception {
    return onEdt(
        () -> {
          JTextComponent text = (JTextComponent) find("banner.text");
          return text.isShowing() ? text.getText() : "";
        });
  }

  /** Waits until the banner shows a text containing {@code part}, and returns the text. */
  String awaitBanner(String part, Duration timeout) throws Exception {
    return waitFor(
        () -> {
          String text = banner();
          return text.contains(part) ? text : null;
        },
        timeout);
  }

  /** The status bar's message. */
  String status() throws Exception {
    return onEdt(() -> ((JLabel) find("status.message")).getText());
  }

  /** The text of a named text field. */
  String text(String name) throws Exception {
    return onEdt(() -> ((JTextField) find(name)).getText());
  }

  /** Types {@code text} into a named text field (replacing what was there). */
  void type(String name, String text) throws Exception {
    onEdt(
        () -> {
          ((JTextField) find(name)).setText(text);
          return null;
        });
  }

  /** Clicks a named button. */
  void click(String name) throws Exception {
    onEdt(
        () -> {
          ((AbstractButton) find(name)).doClick();
          return null;
        });
  }

  /** What the named combo box shows. */
  Object selected(String name) throws Exception {
    return onEdt(() -> ((JComboBox<?>) find(name)).getSelectedItem());
  }

  /**
   * Chooses a model path in the model chooser, as its "Open model folder or file..." entry does
   * once the file dialog returns.
   */
  void chooseModel(Path path) throws Exception {
    onEdt(
        () -> {
          JComboBox<ModelChoice> models = modelChooser();
          DefaultComboBoxModel<ModelChoice> choices =
              (DefaultComboBoxModel<ModelChoice>) models.getModel();
          ModelChoice chosen = ModelChoice.of(path);
          choices.insertElementAt(chosen, choices.getSize() - 1);
          models.setSelectedItem(chosen);
          return null;
        });
  }

  /** Chooses the backend's embedded default model (the chooser's first entry). */
  void chooseEmbeddedModel() throws Exception {
    onEdt(
        () -> {
          modelChooser().setSelectedIndex(0);
          return null;
        });
  }

  @SuppressWarnings("unchecked")
  private JComboBox<ModelChoice> modelChooser() {
    return (JComboBox<ModelChoice>) find("input.model");
  }

  /** The component named {@code name}; fails if there is none. */
  Component find(String name) {
    Component found = find(window, name);
    if (found == null) {
      throw new AssertionError("no component named " + name);
    }
    return found;
  }

  private static Component find(Container root, String name) {
    for (Component child : root.getComponents()) {
      if (name.equals(child.getName())) {
        return child;
      }
      if (child instanceof Container container) {
        Component found = find(container, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** Runs {@code call} on the EDT and returns its result. */
  static <T> T onEdt(Callable<T> call) throws Exception {
    Object[] result = new Object[1];
    Exception[] failure = new Exception[1];
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result[0] = call.call();
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /**
   * Polls {@code condition} every 200 ms until it returns non-null; fails after {@code timeout}.
   */
  static <T> T waitFor(Callable<T> condition, Duration timeout) throws Exception {
    return waitFor(condition, timeout, 200);
  }

  /** Polls {@code condition} until it returns non-null, or fails after {@code timeout}. */
  static <T> T waitFor(Callable<T> condition, Duration timeout, long pollMillis) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = condition.call();
      if (value != null) {
        return value;
      }
      Thread.sleep(pollMillis);
    }
    throw new AssertionError("timed out after " + timeout);
  }
}
