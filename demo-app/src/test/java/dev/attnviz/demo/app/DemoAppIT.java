package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.analysis.ComparisonView;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real desktop app on a (virtual) display, lets it visualize the embedded default model,
 * and captures the window as a user would see it. Needs a display: run through {@code
 * ./run-tests.sh}, which provides one with xvfb.
 */
class DemoAppIT {

  private static final Duration FIRST_RESULT = Duration.ofMinutes(3);

  @TempDir static Path dir;

  private static MainWindow window;

  @BeforeAll
  static void startTheApp() throws Exception {
    assertFalse(
        GraphicsEnvironment.isHeadless(),
        "the GUI smoke test needs a display: run ./run-tests.sh (xvfb) or set DISPLAY");
    window = DemoApp.start(new SettingsStore(dir.resolve("settings.properties")));
  }

  @AfterAll
  static void closeTheApp() throws Exception {
    if (window != null) {
      SwingUtilities.invokeAndWait(window::dispose);
    }
  }

  @Test
  void opensOnTheDefaultModelAndShowsAVisualization() throws Exception {
    AttentionData data = waitFor(() -> onEdt(() -> window.viewModel().data()), FIRST_RESULT);
    assertEquals("tensorflow", data.model().backend());
    assertTrue(data.hasVectors(), "queries and keys are on by default, for the neuron view");

    BufferedImage capture = capture();
    ImageIO.write(capture, "png", dir.resolve("window.png").toFile());
    assertTrue(distinctColours(capture) > 50, "the window shows a picture, not a blank frame");
    assertTrue(statusText().contains("bert-base-uncased via tensorflow"), statusText());
  }

  @Test
  void anEmptyTextIsExplainedAndTheAppStaysUsable() throws Exception {
    waitFor(() -> onEdt(() -> window.viewModel().data()), FIRST_RESULT);
    AttentionData before = onEdt(() -> window.viewModel().data());
    onEdt(
        () -> {
          field("input.textA").setText("   ");
          button("input.visualize").doClick();
          return null;
        });
    assertTrue(bannerText().contains("The text is empty"), bannerText());
    assertEquals(before, onEdt(() -> window.viewModel().data()), "the last result stays");

    onEdt(
        () -> {
          field("input.textA").setText("Attention is all you need.");
          button("input.visualize").doClick();
          return null;
        });
    AttentionData after =
        waitFor(
            () -> {
              AttentionData shown = onEdt(() -> window.viewModel().data());
              return shown != before ? shown : null;
            },
            FIRST_RESULT);
    assertTrue(after.primary().queryTokens().strings().contains("attention"));
  }

  @Test
  void aBadFileIsExplainedAndTheInputsAreKept() throws Exception {
    waitFor(() -> onEdt(() -> window.viewModel().data()), FIRST_RESULT);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json", StandardCharsets.UTF_8);
    String typed = onEdt(() -> field("input.textA").getText());
    onEdt(
        () -> {
          window.open(bad, null);
          return null;
        });
    String message =
        waitFor(
            () -> {
              String text = bannerText();
              return text.contains("Cannot open") ? text : null;
            },
            Duration.ofSeconds(30));
    assertTrue(message.contains("bad.json"), message);
    assertEquals(typed, onEdt(() -> field("input.textA").getText()), "inputs are intact");
  }

  @Test
  void theCompareTabComparesTheExampleBesideTheMainViews() throws Exception {
    AttentionData main = waitFor(() -> onEdt(() -> window.viewModel().data()), FIRST_RESULT);
    onEdt(
        () -> {
          JTabbedPane tabs = (JTabbedPane) find(window, "views.tabs");
          tabs.setSelectedIndex(tabs.indexOfTab("Compare"));
          return null;
        });
    ComparisonView view = onEdt(() -> ((ComparePanel) find(window, "compare.panel")).view());
    AttentionData a = waitFor(() -> onEdt(() -> view.dataA().orElse(null)), FIRST_RESULT);
    AttentionData b = onEdt(() -> view.dataB().orElseThrow());
    assertTrue(a.primary().queryTokens().strings().contains("she"));
    assertTrue(b.primary().queryTokens().strings().contains("he"));
    assertEquals(Optional.empty(), onEdt(view::message), "same token count: no message");
    assertEquals(main, onEdt(() -> window.viewModel().data()), "the main views kept their data");
    waitFor(
        () -> onEdt(() -> ((JProgressBar) find(window, "status.busy")).isVisible() ? null : true),
        Duration.ofSeconds(30));
  }

  private static BufferedImage capture() throws Exception {
    Rectangle bounds = onEdt(() -> window.getBounds());
    SwingUtilities.invokeAndWait(window::toFront);
    Robot robot = new Robot();
    robot.waitForIdle();
    robot.delay(300);
    return robot.createScreenCapture(bounds);
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  private static String statusText() throws Exception {
    return onEdt(() -> ((javax.swing.JLabel) find(window, "status.message")).getText());
  }

  private static String bannerText() throws Exception {
    return onEdt(
        () -> {
          JTextComponent text = (JTextComponent) find(window, "banner.text");
          return text.isShowing() ? text.getText() : "";
        });
  }

  private static JTextField field(String name) {
    return (JTextField) find(window, name);
  }

  private static AbstractButton button(String name) {
    return (AbstractButton) find(window, name);
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
    if (root == window) {
      throw new AssertionError("no component named " + name);
    }
    return null;
  }

  private static <T> T onEdt(Callable<T> call) throws Exception {
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

  private static <T> T waitFor(Callable<T> condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = condition.call();
      if (value != null) {
        return value;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out after " + timeout);
  }
}
