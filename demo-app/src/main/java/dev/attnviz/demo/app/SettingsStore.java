package dev.attnviz.demo.app;

import dev.attnviz.core.io.AtomicFiles;
import dev.attnviz.swing.export.ExportBackground;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes {@link AppSettings} as a properties file. A damaged file never stops the app:
 * what can be read is kept, the rest falls back to defaults, and {@link Loaded#problem()} says what
 * was wrong so the app can tell the user.
 */
public final class SettingsStore {

  /** System property that overrides the settings file (used by tests). */
  public static final String FILE_PROPERTY = "attnviz.settings";

  private static final String MODEL_PREFIX = "model.";

  /** Far more than the settings ever take; a larger file is not one of ours. */
  private static final long MAX_BYTES = 1 << 20;

  /** No screen is wider or taller; a larger saved window is damage, not a preference. */
  private static final int MAX_WINDOW_SIDE = 16_384;

  private static final String RECENT_A = "recent.%d.textA";
  private static final String RECENT_B = "recent.%d.textB";

  private final Path file;

  /**
   * A store for {@code file}.
   *
   * @param file the properties file to read and write; it need not exist
   */
  public SettingsStore(Path file) {
    this.file = file;
  }

  /**
   * The store at {@code -Dattnviz.settings}, or {@code ~/.config/attnviz/settings.properties}.
   *
   * @return the store at the standard place
   */
  public static SettingsStore standard() {
    String override = System.getProperty(FILE_PROPERTY);
    Path path =
        override != null
            ? Path.of(override)
            : Path.of(System.getProperty("user.home"), ".config", "attnviz", "settings.properties");
    return new SettingsStore(path);
  }

  /** {@return the file this store uses} */
  public Path file() {
    return file;
  }

  /**
   * Settings read from the file, and what was wrong with it if anything.
   *
   * @param settings the settings to use
   * @param problem a sentence for the user if the file was damaged and defaults were used
   */
  public record Loaded(AppSettings settings, Optional<String> problem) {}

  /**
   * Reads the settings; never throws for a missing or damaged file.
   *
   * @return the settings (defaults where the file has none or a damaged value) and a message if the
   *     file could not be used
   */
  public Loaded load() {
    Properties properties = new Properties();
    Optional<String> unusable = unusable();
    if (unusable.isPresent()) {
      return new Loaded(
          AppSettings.defaults(),
          Optional.of(
              "The settings file "
                  + file
                  + " "
                  + unusable.get()
                  + "; defaults are used and it is left alone."));
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return new Loaded(AppSettings.defaults(), Optional.empty());
    } catch (IOException | IllegalArgumentException e) {
      return new Loaded(
          AppSettings.defaults(),
          Optional.of(
              "The settings file "
                  + file
                  + " could not be read ("
                  + e.getMessage()
                  + "); defaults are used and it will be rewritten."));
    }
    List<String> problems = new ArrayList<>();
    AppSettings settings = parse(properties, problems);
    return new Loaded(
        settings,
        problems.isEmpty()
            ? Optional.empty()
            : Optional.of(
                "Some settings in "
                    + file
                    + " were damaged and reset to defaults: "
                    + String.join("; ", problems)
                    + "."));
  }

  /**
   * Why the file must not even be opened, if so: a FIFO blocks the start until something writes to
   * it, a device may never end, and no settings file is megabytes long. Looks without opening.
   */
  private Optional<String> unusable() {
    try {
      if (!Files.exists(file) || Files.isRegularFile(file)) {
        return Files.exists(file) && Files.size(file) > MAX_BYTES
            ? Optional.of("is larger than " + (MAX_BYTES >> 20) + " MB")
            : Optional.empty();
      }
      return Optional.of(
          Files.isDirectory(file) ? "is a folder" : "is not a regular file but a pipe or device");
    } catch (IOException e) {
      // Unreadable attributes: let the read report it.
      return Optional.empty();
    }
  }

  private static AppSettings parse(Properties p, List<String> problems) {
    AppSettings defaults = AppSettings.defaults();
    String theme = p.getProperty("theme", defaults.theme());
    if (!theme.equals(AppSettings.LIGHT) && !theme.equals(AppSettings.DARK)) {
      problems.add("theme '" + theme + "'");
      theme = defaults.theme();
    }
    String backend = p.getProperty("backend", defaults.backend()).trim();
    if (!backend.matches("[a-z0-9_-]{1,40}")) {
      problems.add("backend '" + backend + "'");
      backend = defaults.backend();
    }
    Map<String, String> models = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(MODEL_PREFIX) && !p.getProperty(key).isBlank()) {
        models.put(key.substring(MODEL_PREFIX.length()), p.getProperty(key));
      }
    }
    List<RecentInput> recent = new ArrayList<>();
    for (int i = 0; i < AppSettings.MAX_RECENT; i++) {
      String a = p.getProperty(String.format(RECENT_A, i));
      if (a != null && !a.isBlank()) {
        recent.add(new RecentInput(a, p.getProperty(String.format(RECENT_B, i), "")));
      }
    }
    if (recent.isEmpty()) {
      recent.add(AppSettings.FIRST_INPUT);
    }
    Rectangle bounds = null;
    if (p.containsKey("window.width")) {
      try {
        bounds =
            new Rectangle(
                Integer.parseInt(p.getProperty("window.x", "0").trim()),
                Integer.parseInt(p.getProperty("window.y", "0").trim()),
                Integer.parseInt(p.getProperty("window.width").trim()),
                Integer.parseInt(p.getProperty("window.height", "0").trim()));
        if (bounds.width < 200
            || bounds.height < 150
            || bounds.width > MAX_WINDOW_SIDE
            || bounds.height > MAX_WINDOW_SIDE) {
          problems.add("window size " + bounds.width + "x" + bounds.height);
          bounds = null;
        }
      } catch (NumberFormatException e) {
        problems.add("window bounds");
      }
    }
    int tab = 0;
    try {
      tab = Math.max(0, Integer.parseInt(p.getProperty("tab", "0").trim()));
    } catch (NumberFormatException e) {
      problems.add("tab '" + p.getProperty("tab") + "'");
    }
    return new AppSettings(
        theme,
        backend,
        models,
        bool(p, "queriesAndKeys", defaults.queriesAndKeys(), problems),
        bool(p, "truncate", defaults.truncate(), problems),
        recent,
        bounds,
        bool(p, "window.maximized", false, problems),
        tab,
        exportSettings(p, problems));
  }

  /** The export background and last folder; a bad background falls back to white. */
  private static ExportSettings exportSettings(Properties p, List<String> problems) {
    ExportSettings export = ExportSettings.DEFAULT;
    String background = p.getProperty("export.background");
    if (background != null) {
      try {
        export =
            export.withBackground(
                ExportBackground.valueOf(background.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add("export.background '" + background + "'");
      }
    }
    String folder = p.getProperty("export.folder");
    if (folder != null && !folder.isBlank()) {
      try {
        export = export.withFolder(Path.of(folder));
      } catch (InvalidPathException e) {
        problems.add("export.folder '" + folder + "'");
      }
    }
    return export;
  }

  private static boolean bool(Properties p, String key, boolean fallback, List<String> problems) {
    String value = p.getProperty(key);
    if (value == null) {
      return fallback;
    }
    if (value.trim().equals("true") || value.trim().equals("false")) {
      return Boolean.parseBoolean(value.trim());
    }
    problems.add(key + " '" + value + "'");
    return fallback;
  }

  /**
   * Writes the settings, replacing the file atomically so a crash mid-write never leaves a
   * half-written file.
   *
   * @param settings the settings to save
   * @throws IOException naming the path if the file cannot be written; the earlier file stays
   *     intact
   */
  public void save(AppSettings settings) throws IOException {
    Properties p = new Properties();
    p.setProperty("theme", settings.theme());
    p.setProperty("backend", settings.backend());
    settings.modelPaths().forEach((k, v) -> p.setProperty(MODEL_PREFIX + k, v));
    p.setProperty("queriesAndKeys", Boolean.toString(settings.queriesAndKeys()));
    p.setProperty("truncate", Boolean.toString(settings.truncate()));
    List<RecentInput> recent = settings.recentInputs();
    for (int i = 0; i < recent.size(); i++) {
      p.setProperty(String.format(RECENT_A, i), recent.get(i).textA());
      p.setProperty(String.format(RECENT_B, i), recent.get(i).textB());
    }
    Rectangle bounds = settings.windowBounds();
    if (bounds != null) {
      p.setProperty("window.x", Integer.toString(bounds.x));
      p.setProperty("window.y", Integer.toString(bounds.y));
      p.setProperty("window.width", Integer.toString(bounds.width));
      p.setProperty("window.height", Integer.toString(bounds.height));
    }
    p.setProperty("window.maximized", Boolean.toString(settings.maximized()));
    p.setProperty("tab", Integer.toString(settings.selectedTab()));
    ExportSettings export = settings.export();
    p.setProperty("export.background", export.background().name().toLowerCase(Locale.ROOT));
    if (export.folder() != null) {
      p.setProperty("export.folder", export.folder().toString());
    }

    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(
        file,
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          p.store(writer, "attnviz demo settings");
          writer.flush();
        });
  }
}
