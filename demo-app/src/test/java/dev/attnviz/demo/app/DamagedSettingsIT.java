package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged settings file does not stop the app: it starts with defaults for what was damaged, says
 * so in the banner, keeps saying so after the first visualization arrives, and rewrites the file
 * clean when it closes. Needs a display, like {@link DemoAppIT}.
 */
class DamagedSettingsIT {

  @TempDir Path dir;

  @Test
  void damagedSettingsAreReplacedAndTheUserIsTold() throws Exception {
    assertFalse(GraphicsEnvironment.isHeadless(), "needs a display: run ./run-tests.sh");
    Path file = dir.resolve("settings.properties");
    // The backend is valid (and the quicker one to start); the rest is damaged.
    Files.writeString(
        file,
        "theme=purple\nbackend=djl\nqueriesAndKeys=maybe\nwindow.width=wide\n",
        StandardCharsets.UTF_8);
    SettingsStore store = new SettingsStore(file);

    MainWindow window = DemoApp.start(store);
    WindowDriver app = new WindowDriver(window);
    try {
      String notice = app.banner();
      assertTrue(
          notice.startsWith("Some settings in " + file + " were damaged and reset to defaults:"),
          notice);
      assertTrue(notice.contains("theme 'purple'"), notice);
      assertTrue(notice.contains("queriesAndKeys 'maybe'"), notice);

      AttentionData first = app.awaitNewData(null, Duration.ofMinutes(3));
      assertEquals("djl", first.model().backend(), "the valid setting was kept");
      assertEquals(notice, app.banner(), "the notice outlives the first visualization");
    } finally {
      SwingUtilities.invokeAndWait(window::dispose);
    }

    SettingsStore.Loaded reloaded = store.load();
    assertTrue(reloaded.problem().isEmpty(), "rewritten clean: " + reloaded.problem());
    assertEquals("djl", reloaded.settings().backend());
    assertEquals(AppSettings.LIGHT, reloaded.settings().theme());
  }
}
