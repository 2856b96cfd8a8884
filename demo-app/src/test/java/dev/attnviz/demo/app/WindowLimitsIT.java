package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, on the real window: a saved or live window larger than the screens is brought back to
 * them, and such a size is never saved; a settings file that is a FIFO does not block the start.
 */
class WindowLimitsIT {

  @TempDir Path dir;

  @Test
  void aHugeSavedWindowOpensOnTheScreenAndIsSavedSo() throws Exception {
    assertFalse(GraphicsEnvironment.isHeadless(), "needs a display: run ./run-tests.sh");
    Path file = dir.resolve("settings.properties");
    Files.writeString(
        file,
        "backend=djl\nwindow.x=0\nwindow.y=0\nwindow.width=100000\nwindow.height=900\n",
        StandardCharsets.UTF_8);
    SettingsStore store = new SettingsStore(file);
    Rectangle screen = screen();

    MainWindow window = DemoApp.start(store);
    // The first result saves the settings too; let it land before closing, so no save races the
    // end of the test.
    new WindowDriver(window).awaitNewData(null, Duration.ofMinutes(3));
    Rectangle[] shown = new Rectangle[1];
    SwingUtilities.invokeAndWait(() -> shown[0] = window.getBounds());
    SwingUtilities.invokeAndWait(window::dispose);

    assertTrue(screen.contains(shown[0]), shown[0] + " on " + screen);
    assertSavedWithin(store, screen);
  }

  @Test
  void aLiveWindowResizedBeyondTheScreensIsClampedAndNeverSavedSo() throws Exception {
    assertFalse(GraphicsEnvironment.isHeadless(), "needs a display: run ./run-tests.sh");
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    Files.writeString(store.file(), "backend=djl\n", StandardCharsets.UTF_8);
    Rectangle screen = screen();

    MainWindow window = DemoApp.start(store);
    new WindowDriver(window).awaitNewData(null, Duration.ofMinutes(3));
    SwingUtilities.invokeAndWait(() -> window.setSize(30_000, 30_000));
    // The resize event is queued after the call; let it run.
    SwingUtilities.invokeAndWait(() -> {});
    Rectangle[] shown = new Rectangle[1];
    SwingUtilities.invokeAndWait(() -> shown[0] = window.getBounds());
    SwingUtilities.invokeAndWait(window::dispose);

    assertTrue(
        shown[0].width <= screen.width && shown[0].height <= screen.height,
        shown[0] + " on " + screen);
    assertSavedWithin(store, screen);
  }

  /** A FIFO blocks whoever opens it until something writes: the app must not open it. */
  @Test
  void aSettingsFileThatIsAFifoDoesNotStopTheStart() throws Exception {
    assertFalse(GraphicsEnvironment.isHeadless(), "needs a display: run ./run-tests.sh");
    Path fifo = dir.resolve("settings.properties");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    SettingsStore store = new SettingsStore(fifo);

    MainWindow window =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> DemoApp.start(store));
    try {
      String notice = new WindowDriver(window).banner();
      assertTrue(notice.contains("is not a regular file but a pipe or device"), notice);
    } finally {
      SwingUtilities.invokeAndWait(window::dispose);
    }
    assertFalse(Files.isRegularFile(fifo), "the FIFO was left alone");
  }

  private static Rectangle screen() {
    return GraphicsEnvironment.getLocalGraphicsEnvironment()
        .getDefaultScreenDevice()
        .getDefaultConfiguration()
        .getBounds();
  }

  /**
   * Waits for the save that closing the window makes (on the EDT, after dispose), then checks it.
   */
  private static void assertSavedWithin(SettingsStore store, Rectangle screen) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Rectangle bounds = null;
    while (System.nanoTime() < deadline) {
      SwingUtilities.invokeAndWait(() -> {});
      String text = Files.exists(store.file()) ? Files.readString(store.file()) : "";
      bounds = store.load().settings().windowBounds();
      if (text.contains("window.maximized") && bounds != null) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(bounds != null && screen.contains(bounds), bounds + " saved, screen " + screen);
  }
}
