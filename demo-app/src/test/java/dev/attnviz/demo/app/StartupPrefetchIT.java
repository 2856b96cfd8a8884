package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model opened and the input computed at start, before the window exists (on machines with
 * cores to spare) or once it shows, are what the window's first visualization takes: one open and
 * one compute, not two. So the request derived from the settings alone equals the one the window
 * builds from its input strip. Needs a display (./run-tests.sh runs the *IT tests under xvfb).
 */
class StartupPrefetchIT {

  @TempDir Path dir;

  private final CountingProviderFactory counting = new CountingProviderFactory();

  @ParameterizedTest(name = "model loads with the window: {0}")
  @ValueSource(booleans = {true, false})
  void theAppStartsWithOneOpenAndOneComputeOfTheRememberedInput(boolean modelWithWindow)
      throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    AppSettings settings = AppSettings.defaults().withBackend(CountingProviderFactory.NAME);
    store.save(settings);
    MainWindow window =
        DemoApp.start(
            store, AttentionProviders.of(List.of(counting)), SavedResults.off(), modelWithWindow);
    try {
      CompletableFuture<AttentionData> shown = new CompletableFuture<>();
      SwingUtilities.invokeAndWait(
          () -> {
            if (window.viewModel().data() != null) {
              shown.complete(window.viewModel().data());
            }
            window.viewModel().addChangeListener(e -> shown.complete(window.viewModel().data()));
          });
      AttentionData data = shown.get(30, TimeUnit.SECONDS);
      assertEquals("counting-model", data.model().name());
      assertEquals(1, counting.opens.get());
      assertEquals(
          1,
          counting.computed.size(),
          "the window's first request equals the one computed before it existed: "
              + counting.computed);
      assertEquals(settings.currentInput().textA(), counting.computed.get(0).textA());
    } finally {
      SwingUtilities.invokeAndWait(window::dispose);
      SwingUtilities.invokeAndWait(() -> {});
    }
  }
}
