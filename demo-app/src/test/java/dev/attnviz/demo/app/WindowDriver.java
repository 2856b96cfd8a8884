package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javax.swing.AbstractButton;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JTabbedPane;
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

  /** The text of a named label, or "" when it is hidden. */
  String label(String name) throws Exception {
    return onEdt(
        () -> {
          JLabel label = (JLabel) find(name);
          return label.isShowing() ? label.getText() : "";
        });
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

  /** Selects the view tab titled {@code title}; fails if there is none. */
  void selectTab(String title) throws Exception {
    onEdt(
        () -> {
          JTabbedPane tabs = (JTabbedPane) find("views.tabs");
          int index = tabs.indexOfTab(title);
          if (index < 0) {
            throw new AssertionError("no tab titled " + title);
          }
          tabs.setSelectedIndex(index);
          return null;
        });
  }

  /** Clicks the item {@code item} of the menu-bar menu {@code menu}, as a user does. */
  void chooseMenuItem(String menu, String item) throws Exception {
    onEdt(
        () -> {
          JMenuBar bar = window.getJMenuBar();
          for (int m = 0; m < bar.getMenuCount(); m++) {
            JMenu candidate = bar.getMenu(m);
            if (candidate == null || !menu.equals(candidate.getText())) {
              continue;
            }
            for (int i = 0; i < candidate.getItemCount(); i++) {
              JMenuItem entry = candidate.getItem(i);
              if (entry != null && item.equals(entry.getText())) {
                entry.doClick();
                return null;
              }
            }
          }
          throw new AssertionError("no menu item " + menu + " > " + item);
        });
  }

  /**
   * Moves and sizes the window to {@code bounds} and the mouse out of it, so that nothing in a
   * screenshot is hovered.
   */
  void placeAt(Rectangle bounds) throws Exception {
    onEdt(
        () -> {
          window.setBounds(bounds);
          window.validate();
          return null;
        });
    new Robot().mouseMove(bounds.x + bounds.width + 100, bounds.y + bounds.height + 50);
  }

  /**
   * Captures the window from the screen as a user sees it, once the event queue is idle and the
   * window has had a moment to paint.
   */
  BufferedImage capture() throws Exception {
    Rectangle bounds = onEdt(window::getBounds);
    SwingUtilities.invokeAndWait(window::toFront);
    Robot robot = new Robot();
    robot.waitForIdle();
    robot.delay(300);
    return robot.createScreenCapture(bounds);
  }

  /**
   * How many colours a sample of every third pixel of {@code image} holds: a blank frame has few.
   */
  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** The first component of type {@code type} in the window; fails if there is none. */
  <T extends Component> T find(Class<T> type) {
    Component found = find(window, type::isInstance);
    if (found == null) {
      throw new AssertionError("no " + type.getSimpleName() + " in the window");
    }
    return type.cast(found);
  }

  /** The component named {@code name}; fails if there is none. */
  Component find(String name) {
    Component found = find(window, child -> name.equals(child.getName()));
    if (found == null) {
      throw new AssertionError("no component named " + name);
    }
    return found;
  }

  /** The first component below {@code root}, depth first, that is {@code wanted}, or null. */
  private static Component find(Container root, Predicate<Component> wanted) {
    for (Component child : root.getComponents()) {
      if (wanted.test(child)) {
        return child;
      }
      if (child instanceof Container container) {
        Component found = find(container, wanted);
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

  /** What a screenshot program does with the started window. */
  @FunctionalInterface
  interface Session {
    void run(MainWindow window) throws Exception;
  }

  /**
   * Starts the app on {@code settings}, runs {@code session}, closes the window and exits: status 0
   * if the session finished, 1 (with the trace) if it failed. For the screenshot programs.
   */
  static void runAndExit(String name, Path settings, Session session) throws Exception {
    int status = 1;
    MainWindow window = null;
    try {
      window = DemoApp.start(new SettingsStore(settings));
      session.run(window);
      status = 0;
    } catch (Exception | AssertionError e) {
      System.err.println(name + " failed: " + e);
      e.printStackTrace();
    } finally {
      if (window != null) {
        SwingUtilities.invokeAndWait(window::dispose);
        // The window saves its settings when closed; let that finish.
        SwingUtilities.invokeAndWait(() -> {});
      }
    }
    // The window's threads and the backends' would keep the JVM alive; the work is done.
    System.exit(status);
  }
}
