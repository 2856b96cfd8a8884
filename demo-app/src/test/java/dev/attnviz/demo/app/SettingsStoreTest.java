package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.export.ExportBackground;
import java.awt.Rectangle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

  @TempDir Path dir;

  @Test
  void missingFileGivesDefaultsWithoutComplaint() {
    SettingsStore.Loaded loaded = new SettingsStore(dir.resolve("none.properties")).load();
    assertEquals(AppSettings.defaults(), loaded.settings());
    assertTrue(loaded.problem().isEmpty());
  }

  @Test
  void savedSettingsReadBackEqual() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("sub/settings.properties"));
    AppSettings settings =
        AppSettings.defaults()
            .withTheme(AppSettings.DARK)
            .withBackend("djl")
            .withModelPath("djl", "/models/minilm")
            .withOptions(false, true)
            .withRecentInput(new RecentInput("Ünïcødé, commas = \"quotes\"", "second"))
            .withWindow(new Rectangle(10, 20, 900, 700), true, 2);
    store.save(settings);
    SettingsStore.Loaded loaded = store.load();
    assertTrue(loaded.problem().isEmpty(), loaded.problem().toString());
    assertEquals(settings, loaded.settings());
  }

  @Test
  void theExportBackgroundAndLastFolderSurviveARestart() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    Path folder = Files.createDirectories(dir.resolve("figures"));
    store.save(
        AppSettings.defaults()
            .withExport(
                ExportSettings.DEFAULT
                    .withBackground(ExportBackground.TRANSPARENT)
                    .withFolder(folder)));
    ExportSettings export = new SettingsStore(store.file()).load().settings().export();
    assertEquals(ExportBackground.TRANSPARENT, export.background());
    assertEquals(Optional.of(folder), export.existingFolder());
  }

  @Test
  void aRememberedFolderThatIsGoneIsNotOfferedAndIsNoProblem() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
    store.save(
        AppSettings.defaults()
            .withExport(ExportSettings.DEFAULT.withFolder(dir.resolve("deleted-since"))));
    SettingsStore.Loaded loaded = store.load();
    assertTrue(loaded.problem().isEmpty(), loaded.problem().toString());
    assertEquals(Optional.empty(), loaded.settings().export().existingFolder());
    assertEquals(ExportBackground.WHITE, loaded.settings().export().background(), "the default");
  }

  @Test
  void anUnknownExportBackgroundFallsBackToWhiteAndSaysSo() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "export.background=purple\n");
    SettingsStore.Loaded loaded = new SettingsStore(file).load();
    assertEquals(ExportBackground.WHITE, loaded.settings().export().background());
    assertTrue(loaded.problem().orElseThrow().contains("export.background 'purple'"));
  }

  @Test
  void recentInputsAreMostRecentFirstWithoutDuplicatesAndBounded() {
    AppSettings settings = AppSettings.defaults();
    for (int i = 0; i < 15; i++) {
      settings = settings.withRecentInput(new RecentInput("text " + i, ""));
    }
    settings = settings.withRecentInput(new RecentInput("text 10", ""));
    List<RecentInput> recent = settings.recentInputs();
    assertEquals(AppSettings.MAX_RECENT, recent.size());
    assertEquals("text 10", recent.get(0).textA());
    assertEquals("text 14", recent.get(1).textA());
    assertEquals(1, recent.stream().filter(r -> r.textA().equals("text 10")).count());
  }

  @Test
  void damagedValuesFallBackToDefaultsAndSayWhich() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(
        file,
        "theme=purple\nbackend=djl\nwindow.width=abc\nqueriesAndKeys=maybe\ntab=-3\n",
        StandardCharsets.UTF_8);
    SettingsStore.Loaded loaded = new SettingsStore(file).load();
    assertEquals(AppSettings.LIGHT, loaded.settings().theme());
    assertEquals("djl", loaded.settings().backend(), "valid values are kept");
    assertEquals(null, loaded.settings().windowBounds());
    assertTrue(loaded.settings().queriesAndKeys());
    String problem = loaded.problem().orElseThrow();
    assertTrue(problem.contains("theme 'purple'"), problem);
    assertTrue(problem.contains("window bounds"), problem);
    assertTrue(problem.contains("queriesAndKeys 'maybe'"), problem);
  }

  @Test
  void unreadableFileGivesDefaultsAndAProblem() throws Exception {
    Path file = dir.resolve("settings.properties");
    // A malformed \\u escape makes Properties.load throw.
    Files.writeString(file, "theme=\\uZZZZ\n", StandardCharsets.UTF_8);
    SettingsStore.Loaded loaded = new SettingsStore(file).load();
    assertEquals(AppSettings.defaults(), loaded.settings());
    assertTrue(loaded.problem().orElseThrow().contains("could not be read"));
  }

  @Test
  void binaryGarbageNeverStopsTheApp() throws Exception {
    Path file = dir.resolve("settings.properties");
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(file, garbage);
    SettingsStore.Loaded loaded = new SettingsStore(file).load();
    assertFalse(loaded.settings().theme().isEmpty());
    new SettingsStore(file).save(loaded.settings());
    assertTrue(new SettingsStore(file).load().problem().isEmpty(), "rewritten file is clean");
  }

  /** Issue 17: window.width=100000 was kept, and every start ran out of memory painting it. */
  @Test
  void aWindowLargerThanAnyScreenIsDamage() throws Exception {
    Path file = dir.resolve("settings.properties");
    Files.writeString(file, "window.width=100000\nwindow.height=900\n", StandardCharsets.UTF_8);

    SettingsStore.Loaded loaded = new SettingsStore(file).load();

    assertEquals(null, loaded.settings().windowBounds());
    assertTrue(loaded.problem().orElseThrow().contains("window size 100000x900"), loaded::toString);
  }

  /** Issue 17: opening a FIFO blocked the start before any window appeared. */
  @Test
  void aFifoIsNeitherOpenedNorReplaced() throws Exception {
    Path fifo = dir.resolve("settings.properties");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    SettingsStore store = new SettingsStore(fifo);

    SettingsStore.Loaded loaded =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(5), store::load);

    assertEquals(AppSettings.defaults(), loaded.settings());
    assertTrue(
        loaded.problem().orElseThrow().contains("is not a regular file but a pipe or device"),
        loaded::toString);
    org.junit.jupiter.api.Assertions.assertThrows(
        java.io.IOException.class, () -> store.save(AppSettings.defaults()));
    assertFalse(Files.isRegularFile(fifo));
  }

  @Test
  void windowBoundsAreClampedToTheScreenTheyOverlapMost() {
    List<Rectangle> screens =
        List.of(new Rectangle(0, 0, 1600, 1000), new Rectangle(1600, 0, 1920, 1080));

    assertEquals(
        new Rectangle(0, 0, 1600, 1000),
        WindowBounds.clamp(new Rectangle(-50, 20, 30_000, 30_000), screens.subList(0, 1)));
    assertEquals(
        new Rectangle(1700, 80, 1800, 1000),
        WindowBounds.clamp(new Rectangle(1700, 80, 1800, 1000), screens));
    assertEquals(
        new Rectangle(1600, 0, 1920, 1080),
        WindowBounds.clamp(new Rectangle(2000, 500, 5000, 5000), screens));
    assertEquals(
        new Rectangle(0, 0, 900, 700),
        WindowBounds.clamp(new Rectangle(-5000, -5000, 900, 700), screens));
    assertEquals(
        new Rectangle(5, 5, 300, 300),
        WindowBounds.clamp(new Rectangle(5, 5, 300, 300), List.of()));
  }
}
