package dev.attnviz.demo.app;

import dev.attnviz.core.spi.AttentionProviders;
import java.lang.reflect.InvocationTargetException;
import javax.swing.SwingUtilities;

/** Starts the desktop app: settings, look and feel, window, then the first visualization. */
public final class DemoApp {

  private static final System.Logger LOG = System.getLogger(DemoApp.class.getName());

  /** System property: print start-up timings to stderr (for docs/PERFORMANCE.md). */
  public static final String TIMING_PROPERTY = "attnviz.timing";

  private DemoApp() {}

  /**
   * Opens the window on the EDT and starts computing the remembered input on the remembered backend
   * (the embedded default model on a first start). Returns once the window is visible.
   *
   * @param store the settings to start from and save to
   * @return the visible window
   * @throws InterruptedException if interrupted while waiting for the EDT
   * @throws InvocationTargetException if building the window failed
   */
  public static MainWindow start(SettingsStore store)
      throws InterruptedException, InvocationTargetException {
    long started = System.nanoTime();
    SettingsStore.Loaded loaded = store.load();
    MainWindow[] window = new MainWindow[1];
    SwingUtilities.invokeAndWait(
        () -> {
          Themes.install(loaded.settings().isDark());
          window[0] = new MainWindow(AttentionProviders.discover(), store, loaded);
          window[0].setVisible(true);
          timing("window visible", started);
          window[0].viewModel().addChangeListener(e -> timing("first visualization", started));
          window[0].visualize();
        });
    return window[0];
  }

  private static void timing(String what, long started) {
    if (Boolean.getBoolean(TIMING_PROPERTY)) {
      long millis = (System.nanoTime() - started) / 1_000_000;
      LOG.log(System.Logger.Level.INFO, "{0} after {1} ms", what, millis);
      System.err.println("attnviz timing: " + what + " after " + millis + " ms");
    }
  }
}
