package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.swing.AttentionViews;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.swing.SwingUtilities;

/** Starts the desktop app: settings, look and feel, window, then the first visualization. */
public final class DemoApp {

  /** System property: print start-up timings to stderr (for docs/PERFORMANCE.md). */
  public static final String TIMING_PROPERTY = "attnviz.timing";

  private DemoApp() {}

  /**
   * Opens the window and the first visualization of the remembered input (the embedded default
   * model's on a first start). If the last run saved the result of exactly that request (same
   * backend, model files, input and options; see {@link SavedResultKey}), it is read while the
   * window is built and shown, marked as saved, as soon as the window is visible; the model then
   * loads and computes it again. Otherwise the model starts loading before the window is built, and
   * the window shows that work's progress and then its result. Returns once the window is visible.
   *
   * @param store where the settings are read from and saved to
   * @return the visible window
   * @throws InterruptedException if interrupted while the window is built
   * @throws InvocationTargetException if building the window failed
   */
  public static MainWindow start(SettingsStore store)
      throws InterruptedException, InvocationTargetException {
    StartupTiming.begin();
    return start(store, AttentionProviders.discover(), SavedResults.standard());
  }

  /** {@link #start(SettingsStore)} with the given backends and no saved results. */
  static MainWindow start(SettingsStore store, AttentionProviders providers)
      throws InterruptedException, InvocationTargetException {
    return start(store, providers, SavedResults.off());
  }

  /** {@link #start(SettingsStore)} with the given backends and store of saved results. */
  static MainWindow start(SettingsStore store, AttentionProviders providers, SavedResults saved)
      throws InterruptedException, InvocationTargetException {
    return start(
        store, providers, saved, loadsModelWithWindow(Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Whether, on a start without a saved result, the remembered model loads while the window is
   * built rather than once it is shown: only with cores to spare. On two cores the two compete for
   * them; loading the model once the window shows brought the window from 2.1 s to 1.2 s after
   * launch and the first computed picture from 8.2 s to 8.0 s, with 1.5 s less CPU (idle,
   * docs/PERFORMANCE.md, "The demo's start-up").
   */
  static boolean loadsModelWithWindow(int cores) {
    return cores >= 4;
  }

  /**
   * {@link #start(SettingsStore, AttentionProviders, SavedResults)}, saying whether the model loads
   * while the window is built ({@link #loadsModelWithWindow}).
   */
  static MainWindow start(
      SettingsStore store,
      AttentionProviders providers,
      SavedResults saved,
      boolean modelWithWindow)
      throws InterruptedException, InvocationTargetException {
    SettingsStore.Loaded loaded = store.load();
    AttentionService service = new AttentionService(providers);
    Optional<StartupPrefetch.Plan> plan = StartupPrefetch.plan(providers, loaded.settings());
    Optional<CompletableFuture<AttentionData>> savedResult = plan.flatMap(p -> readSaved(saved, p));
    // With cores to spare and no saved result, the model work starts here, before the window is
    // built (the model takes seconds to load; the window most of a second). Otherwise it starts
    // once the window (and the saved picture, if any) is shown, so that the window gets the CPU.
    Optional<StartupPrefetch> prefetch =
        savedResult.isPresent() || !modelWithWindow
            ? Optional.empty()
            : plan.map(p -> StartupPrefetch.start(service, p));
    MainWindow[] window = new MainWindow[1];
    SwingUtilities.invokeAndWait(
        () -> {
          Themes.install(loaded.settings().isDark());
          window[0] = new MainWindow(providers, store, loaded, service);
          window[0].rememberResults(new ResultMemory(saved, providers));
          window[0].setVisible(true);
          StartupTiming.mark("window visible");
          window[0].viewModel().addChangeListener(e -> firstPictures(window[0]));
          if (savedResult.isPresent()) {
            savedResult
                .get()
                .whenComplete(
                    (data, failure) ->
                        SwingUtilities.invokeLater(
                            () -> showSavedThenCompute(window[0], plan.get(), data, failure)));
          } else {
            window[0].visualize();
            prefetch.ifPresent(p -> p.follow(window[0]::showStartupProgress));
          }
        });
    // While the model loads, the views' first-paint code runs once in the background.
    Thread warmUp = new Thread(AttentionViews::warmUp, "attnviz-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return window[0];
  }

  /**
   * Reads the result saved for {@code plan}'s request on a thread of its own, or empty if there is
   * none (or saving is off).
   */
  private static Optional<CompletableFuture<AttentionData>> readSaved(
      SavedResults saved, StartupPrefetch.Plan plan) {
    Optional<Path> file =
        saved.enabled()
            ? saved.find(SavedResultKey.of(plan.factory(), plan.source(), plan.request()))
            : Optional.empty();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    CompletableFuture<AttentionData> result = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                result.complete(saved.read(file.get(), plan.backend()));
              } catch (AttentionException | RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            "attnviz-saved-result-read");
    reader.setDaemon(true);
    reader.start();
    return Optional.of(result);
  }

  /**
   * Shows the saved result (or says in one line why it could not be read), then starts the window's
   * first visualization, queued behind the saved picture's paint.
   */
  private static void showSavedThenCompute(
      MainWindow window, StartupPrefetch.Plan plan, AttentionData data, Throwable failure) {
    if (!window.isDisplayable()) {
      return; // closed while the file was read: its service takes no more work
    }
    if (data != null) {
      window.showSaved(data, plan.request());
    } else {
      window.savedResultUnreadable(String.valueOf(failure.getMessage()));
    }
    SwingUtilities.invokeLater(window::visualize);
  }

  /**
   * Marks the first data shown (the saved result or the first visualization), its first paint
   * (queued after the views' repaint), and the first computed data and its paint.
   */
  private static void firstPictures(MainWindow window) {
    if (window.isShowingSaved()) {
      StartupTiming.mark("saved result shown");
    } else {
      StartupTiming.mark("first visualization");
    }
    boolean computed = !window.isShowingSaved();
    SwingUtilities.invokeLater(
        () -> {
          StartupTiming.mark("first picture painted");
          if (computed) {
            StartupTiming.mark("computed picture painted");
          }
        });
  }
}
