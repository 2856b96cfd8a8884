package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start whose remembered request has a result saved by the last run shows it, marked as saved,
 * before the model is opened, then computes it again; any change of the request, a damaged file or
 * saving turned off falls back to computing. Needs a display (./run-tests.sh runs *IT under xvfb).
 */
class SavedResultStartIT {

  @TempDir Path dir;

  /** What the first change of the views showed, and what the app had done by then. */
  private record First(AttentionData data, boolean markedSaved, int opens, String caption) {}

  /** One start of the app with its own counting backend, until its first computed result. */
  private final class Start implements AutoCloseable {
    final CountingProviderFactory counting = new CountingProviderFactory();
    final CompletableFuture<First> first = new CompletableFuture<>();
    final CompletableFuture<AttentionData> computed = new CompletableFuture<>();
    final MainWindow window;

    Start(AppSettings settings) throws Exception {
      SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
      store.save(settings);
      window =
          DemoApp.start(
              store,
              AttentionProviders.of(List.of(counting)),
              new SavedResults(dir.resolve("saved"), 1 << 20));
      SwingUtilities.invokeAndWait(
          () -> {
            listen();
            window.viewModel().addChangeListener(e -> listen());
          });
    }

    private void listen() {
      AttentionData data = window.viewModel().data();
      if (data == null) {
        return;
      }
      JLabel caption = (JLabel) new WindowDriver(window).find("caption");
      first.complete(
          new First(data, window.isShowingSaved(), counting.opens.get(), caption.getText()));
      if (!window.isShowingSaved()) {
        computed.complete(data);
      }
    }

    First first() throws Exception {
      return first.get(60, TimeUnit.SECONDS);
    }

    AttentionData computed() throws Exception {
      return computed.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InvocationTargetException {
      try {
        SwingUtilities.invokeAndWait(window::dispose);
        // The window saves its settings when closed; let that finish.
        SwingUtilities.invokeAndWait(() -> {});
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while closing the window", e);
      }
    }
  }

  private AppSettings settings(String text) {
    return AppSettings.defaults()
        .withBackend(CountingProviderFactory.NAME)
        .withRecentInput(new RecentInput(text, ""));
  }

  private List<Path> savedFiles() throws IOException {
    Path folder = dir.resolve("saved");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }

  /** The first start saves its result (in the background). */
  private AttentionData firstStart(String text) throws Exception {
    try (Start start = new Start(settings(text))) {
      First first = start.first();
      assertFalse(first.markedSaved(), "nothing saved yet: the first picture is computed");
      WindowDriver.waitFor(() -> savedFiles().size() == 1 ? true : null, Duration.ofSeconds(30));
      return start.computed();
    }
  }

  @Test
  void aSecondStartShowsTheSavedResultBeforeOpeningTheModelThenComputesIt() throws Exception {
    AttentionData saved = firstStart("the cat sat on the mat");
    try (Start second = new Start(settings("the cat sat on the mat"))) {
      First first = second.first();
      assertTrue(first.markedSaved(), "the first picture is the saved one");
      assertEquals(0, first.opens(), "shown before the model was opened");
      assertEquals(saved, first.data(), "the very numbers the last run computed");
      assertTrue(first.caption().contains(MainWindow.SAVED_NOTE), first.caption());

      AttentionData computed = second.computed();
      assertNotSame(first.data(), computed);
      assertEquals(saved, computed);
      assertEquals(1, second.counting.opens.get(), "the model loads in the background");
      assertEquals(1, second.counting.computed.size());
      String caption =
          WindowDriver.onEdt(
              () -> ((JLabel) new WindowDriver(second.window).find("caption")).getText());
      assertFalse(caption.contains(MainWindow.SAVED_NOTE), caption);
    }
  }

  @Test
  void anotherRequestMissesTheSavedResult() throws Exception {
    firstStart("the cat sat on the mat");
    try (Start second = new Start(settings("the dog sat on the mat"))) {
      First first = second.first();
      assertFalse(first.markedSaved(), "another text is computed, not taken from the cache");
      assertEquals("dog", first.data().primary().queryTokens().strings().get(1));
      assertEquals(1, first.opens());
    }
  }

  @Test
  void aDamagedSavedFileIsIgnoredAndReplaced() throws Exception {
    firstStart("the cat sat on the mat");
    Path file = savedFiles().get(0);
    Files.writeString(file, "{\"format\": \"attnviz-attention\", \"version\": 1, \"lay");
    try (Start second = new Start(settings("the cat sat on the mat"))) {
      First first = second.first();
      assertFalse(first.markedSaved(), "a damaged file is never shown");
      assertEquals(1, first.opens());
      WindowDriver.waitFor(
          () -> Files.isRegularFile(file) && Files.size(file) > 100 ? true : null,
          Duration.ofSeconds(30));
    }
  }
}
