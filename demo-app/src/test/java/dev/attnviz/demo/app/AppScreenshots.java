package dev.attnviz.demo.app;

import static dev.attnviz.demo.app.WindowDriver.onEdt;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;

/**
 * Captures the screenshots of the demo app in {@code docs/screenshots/app-*.png}: starts the real
 * app with fresh settings, on the embedded BERT-base (TensorFlow, the default), visualizes the pair
 * "the rabbit quickly hopped" / "The turtle slowly crawled", and captures the 1400 × 900 window for
 * every tab, in FlatLaf light and dark:
 *
 * <ul>
 *   <li>head view: layer 8, all heads, the query token "quickly" locked;
 *   <li>then the model view's cell (layer 2, head 4) selected, as a click does (the other views
 *       follow to that layer and head, "quickly" stays locked): model view, neuron view, head
 *       statistics, rollout, and the Compare tab with its own example ("She" vs "He").
 * </ul>
 *
 * <p>It needs a display and waits for every tab to finish computing before it captures; it fails if
 * the app shows an error. Run it under a virtual display from the project folder:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" \
 *     mvn -B -pl demo-app -am -Papp-screenshots -DskipTests verify
 * </pre>
 *
 * <p>Arguments: the folder to write the PNGs into.
 */
public final class AppScreenshots {

  private static final Rectangle WINDOW = new Rectangle(0, 0, 1400, 900);
  private static final String SENTENCE_A = "the rabbit quickly hopped";
  private static final String SENTENCE_B = "The turtle slowly crawled";
  private static final String LOCKED_WORD = "quickly";
  private static final int HEAD_VIEW_LAYER = 8;
  private static final LayerHead MODEL_VIEW_CELL = new LayerHead(2, 4);
  private static final Duration RESULT = Duration.ofMinutes(5);

  /** The tabs captured after the model-view cell is selected, and their file names. */
  private static final List<String[]> CELL_TABS =
      List.of(
          new String[] {"Model view", "app-model-view"},
          new String[] {"Neuron view", "app-neuron-view"},
          new String[] {"Head statistics", "app-head-statistics"},
          new String[] {"Rollout", "app-rollout"},
          new String[] {"Compare", "app-compare"});

  private final Path out;
  private final MainWindow window;
  private final WindowDriver app;
  private TokenRef locked;

  private AppScreenshots(Path out, MainWindow window) {
    this.out = out;
    this.window = window;
    this.app = new WindowDriver(window);
  }

  /**
   * Captures the screenshots.
   *
   * @param args the output folder
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: AppScreenshots <output folder>");
      System.exit(2);
    }
    if (GraphicsEnvironment.isHeadless()) {
      System.err.println(
          "AppScreenshots needs a display: run it under xvfb-run (see its Javadoc), without"
              + " -Djava.awt.headless=true");
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    Path settings = Files.createTempDirectory("attnviz-screenshots");
    int status = 1;
    MainWindow window = null;
    try {
      window = DemoApp.start(new SettingsStore(settings.resolve("settings.properties")));
      new AppScreenshots(out, window).captureAll();
      status = 0;
    } catch (Exception | AssertionError e) {
      System.err.println("AppScreenshots failed: " + e);
      e.printStackTrace();
    } finally {
      if (window != null) {
        SwingUtilities.invokeAndWait(window::dispose);
        // The window saves its settings when closed; let that finish before the folder goes.
        SwingUtilities.invokeAndWait(() -> {});
      }
      deleteTree(settings);
    }
    // The window's threads and the backends' would keep the JVM alive; the work is done.
    System.exit(status);
  }

  private void captureAll() throws Exception {
    app.placeAt(WINDOW);
    AttentionData first = app.awaitNewData(null, RESULT);
    app.type("input.textA", SENTENCE_A);
    app.type("input.textB", SENTENCE_B);
    app.click("input.visualize");
    // Where a user's click leaves the focus; a caret in the text field would blink.
    onEdt(() -> app.find("input.visualize").requestFocusInWindow());
    AttentionData pair = app.awaitNewData(first, RESULT);
    int quickly = pair.primary().queryTokens().strings().indexOf(LOCKED_WORD);
    if (quickly < 0) {
      throw new IllegalStateException(
          "no token \"" + LOCKED_WORD + "\" in " + pair.primary().queryTokens().strings());
    }
    locked = TokenRef.query(quickly);

    captureTabs("");
    app.chooseMenuItem("View", "Dark theme");
    captureTabs("-dark");
    app.chooseMenuItem("View", "Light theme");
  }

  /** Captures every tab in the current theme, {@code suffix} after each file name. */
  private void captureTabs(String suffix) throws Exception {
    AttentionSelectionModel selection = onEdt(window::selection);
    onEdt(
        () -> {
          selection.batch(
              () -> {
                selection.setSelectedCell(null);
                selection.setLayer(HEAD_VIEW_LAYER);
                selection.activateAllHeads();
                selection.setLockedToken(locked);
              });
          return null;
        });
    save("Head view", "app-head-view" + suffix);

    onEdt(
        () -> {
          selection.toggleCell(MODEL_VIEW_CELL);
          return null;
        });
    for (String[] tab : CELL_TABS) {
      save(tab[0], tab[1] + suffix);
    }
  }

  /** Shows the tab, waits until it is done, checks the window and writes the capture. */
  private void save(String tab, String name) throws Exception {
    app.selectTab(tab);
    awaitDone(tab);
    String banner = app.banner();
    if (!banner.isEmpty()) {
      throw new IllegalStateException("the app shows a message on the " + tab + " tab: " + banner);
    }
    BufferedImage image = app.capture();
    if (WindowDriver.distinctColours(image) < 50) {
      throw new IllegalStateException("the " + tab + " tab looks blank");
    }
    Path file = out.resolve(name + ".png");
    ImageIO.write(image, "png", file.toFile());
    System.out.println("wrote " + file);
  }

  /** Waits until the tab has nothing left to compute and the status bar is idle. */
  private void awaitDone(String tab) throws Exception {
    Callable<Boolean> done =
        switch (tab) {
          case "Head statistics" -> () -> !app.find(HeadStatisticsView.class).isComputing();
          case "Rollout" -> () -> !app.find(RolloutView.class).isComputing();
          case "Compare" -> this::comparisonShown;
          default -> () -> true;
        };
    WindowDriver.waitFor(
        () ->
            onEdt(
                () ->
                    done.call() && !((JProgressBar) app.find("status.busy")).isVisible()
                        ? true
                        : null),
        RESULT);
  }

  /** Whether the Compare tab shows its computed pair, with its status line telling the result. */
  private boolean comparisonShown() {
    ComparisonView view = app.find(ComparisonView.class);
    String status = ((JLabel) app.find("compare.status")).getText();
    return view.dataA().isPresent() && view.dataB().isPresent() && status.contains(" with ");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
