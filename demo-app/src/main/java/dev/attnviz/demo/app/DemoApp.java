package dev.attnviz.demo.app;

import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.swing.AttentionViews;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import javax.swing.SwingUtilities;

/** Starts the desktop app: settings, look and feel, window, then the first visualization. */
public final class DemoApp {

  /** System property: print start-up timings to stderr (for docs/PERFORMANCE.md). */
  public static final String TIMING_PROPERTY = "attnviz.timing";

  private DemoApp() {}

  /**
   * Starts opening the remembered model and computing the remembered input (the embedded default
   * model on a first start) in the background, then opens the window on the EDT, which shows that
   * work's progress and then its result. Returns once the window is visible.
   *
   * @param store where the settings are read from and saved to
   * @return the visible window
   * @throws InterruptedException if interrupted while the window is built
   * @throws InvocationTargetException if building the window failed
   */
  public static MainWindow start(SettingsStore store)
      throws InterruptedException, InvocationTargetException {
    StartupTiming.begin();
    return start(store, AttentionProviders.discover());
  }

  /** {@link #start(SettingsStore)} with the given backends instead of the discovered ones. */
  static MainWindow start(SettingsStore store, AttentionProviders providers)
      throws InterruptedException, InvocationTargetException {
    SettingsStore.Loaded loaded = store.load();
    AttentionService service = new AttentionService(providers);
    // Work that does not need the window starts here, before it is built (the model takes seconds
    // to load; building the window takes most of a second, and both fit on two cores at once).
    Optional<StartupPrefetch> prefetch =
        StartupPrefetch.start(service, providers, loaded.settings());
    MainWindow[] window = new MainWindow[1];
    SwingUtilities.invokeAndWait(
        () -> {
          Themes.install(loaded.settings().isDark());
          window[0] = new MainWindow(providers, store, loaded, service);
          window[0].setVisible(true);
          StartupTiming.mark("window visible");
          window[0].viewModel().addChangeListener(e -> firstPicture());
          window[0].visualize();
          prefetch.ifPresent(p -> p.follow(window[0]::showStartupProgress));
        });
    // While the model loads, the views' first-paint code runs once in the background.
    Thread warmUp = new Thread(AttentionViews::warmUp, "attnviz-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return window[0];
  }

  /** Marks the first visualization, and its first paint (queued after the views' repaint). */
  private static void firstPicture() {
    StartupTiming.mark("first visualization");
    SwingUtilities.invokeLater(() -> StartupTiming.mark("first picture painted"));
  }
}
