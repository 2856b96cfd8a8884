package dev.attnviz.demo.app;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the demo remembers between runs. Immutable; {@code with*} methods return changed copies.
 *
 * @param theme {@code light} or {@code dark}
 * @param backend the chosen provider name
 * @param modelPaths per provider, the chosen model path; absent means the embedded default
 * @param queriesAndKeys whether to compute query and key vectors
 * @param truncate whether overlong input is truncated instead of rejected
 * @param recentInputs most recent first, at most {@link #MAX_RECENT}
 * @param windowBounds the main window's bounds, or null for a default placement
 * @param maximized whether the main window was maximized
 * @param selectedTab the index of the selected view tab
 * @param export the export background and the folder of the last export
 */
public record AppSettings(
    String theme,
    String backend,
    Map<String, String> modelPaths,
    boolean queriesAndKeys,
    boolean truncate,
    List<RecentInput> recentInputs,
    Rectangle windowBounds,
    boolean maximized,
    int selectedTab,
    ExportSettings export) {

  /** How many recent inputs are remembered. */
  public static final int MAX_RECENT = 10;

  /** The light theme's id. */
  public static final String LIGHT = "light";

  /** The dark theme's id. */
  public static final String DARK = "dark";

  /** The input shown on a first start. */
  public static final RecentInput FIRST_INPUT =
      new RecentInput("The cat sat on the mat because it was tired.", "");

  /**
   * Copies and checks the fields.
   *
   * @param theme {@code light} or {@code dark}; not null
   * @param backend the chosen provider name; not null
   * @param modelPaths per provider, the chosen model path; copied
   * @param queriesAndKeys whether to compute query and key vectors
   * @param truncate whether overlong input is truncated instead of rejected
   * @param recentInputs most recent first; only the first {@link #MAX_RECENT} are kept
   * @param windowBounds the main window's bounds, or null for a default placement; copied
   * @param maximized whether the main window was maximized
   * @param selectedTab the index of the selected view tab
   * @param export the export background and the folder of the last export; not null
   */
  public AppSettings {
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(backend, "backend");
    modelPaths = Map.copyOf(modelPaths);
    recentInputs = List.copyOf(recentInputs.subList(0, Math.min(MAX_RECENT, recentInputs.size())));
    windowBounds = windowBounds == null ? null : new Rectangle(windowBounds);
    Objects.requireNonNull(export, "export");
  }

  /** {@return the settings of a first start} */
  public static AppSettings defaults() {
    return new AppSettings(
        LIGHT,
        "tensorflow",
        Map.of(),
        true,
        false,
        List.of(FIRST_INPUT),
        null,
        false,
        0,
        ExportSettings.DEFAULT);
  }

  /** {@return whether the dark theme is chosen} */
  public boolean isDark() {
    return DARK.equals(theme);
  }

  /** {@return a copy of the window bounds, or null for a default placement} */
  @Override
  public Rectangle windowBounds() {
    return windowBounds == null ? null : new Rectangle(windowBounds);
  }

  /** {@return the input to show at start: the most recent one, or {@link #FIRST_INPUT}} */
  public RecentInput currentInput() {
    return recentInputs.isEmpty() ? FIRST_INPUT : recentInputs.get(0);
  }

  /**
   * With another theme.
   *
   * @param newTheme {@link #LIGHT} or {@link #DARK}; not null
   * @return a copy with that theme
   */
  public AppSettings withTheme(String newTheme) {
    return new AppSettings(
        newTheme,
        backend,
        modelPaths,
        queriesAndKeys,
        truncate,
        recentInputs,
        windowBounds,
        maximized,
        selectedTab,
        export);
  }

  /**
   * With another backend.
   *
   * @param newBackend a provider name; not null
   * @return a copy with that backend
   */
  public AppSettings withBackend(String newBackend) {
    return new AppSettings(
        theme,
        newBackend,
        modelPaths,
        queriesAndKeys,
        truncate,
        recentInputs,
        windowBounds,
        maximized,
        selectedTab,
        export);
  }

  /**
   * With the model of {@code provider} set to {@code path}, or the default if null.
   *
   * @param provider a provider name
   * @param path the model's path, or null for the provider's embedded default
   * @return a copy with that model path
   */
  public AppSettings withModelPath(String provider, String path) {
    Map<String, String> paths = new TreeMap<>(modelPaths);
    if (path == null) {
      paths.remove(provider);
    } else {
      paths.put(provider, path);
    }
    return new AppSettings(
        theme,
        backend,
        paths,
        queriesAndKeys,
        truncate,
        recentInputs,
        windowBounds,
        maximized,
        selectedTab,
        export);
  }

  /**
   * With the compute options.
   *
   * @param newQueriesAndKeys whether to compute query and key vectors
   * @param newTruncate whether to truncate overlong input instead of rejecting it
   * @return a copy with those options
   */
  public AppSettings withOptions(boolean newQueriesAndKeys, boolean newTruncate) {
    return new AppSettings(
        theme,
        backend,
        modelPaths,
        newQueriesAndKeys,
        newTruncate,
        recentInputs,
        windowBounds,
        maximized,
        selectedTab,
        export);
  }

  /**
   * With {@code input} first among the recent inputs (moved there if already present).
   *
   * @param input the input just computed
   * @return a copy whose recent inputs start with {@code input}
   */
  public AppSettings withRecentInput(RecentInput input) {
    List<RecentInput> recent = new ArrayList<>(recentInputs);
    recent.remove(input);
    recent.add(0, input);
    return new AppSettings(
        theme,
        backend,
        modelPaths,
        queriesAndKeys,
        truncate,
        recent,
        windowBounds,
        maximized,
        selectedTab,
        export);
  }

  /**
   * With the window state.
   *
   * @param bounds the window's bounds, or null for a default placement
   * @param newMaximized whether the window is maximized
   * @param tab the index of the selected view tab
   * @return a copy with that window state
   */
  public AppSettings withWindow(Rectangle bounds, boolean newMaximized, int tab) {
    return new AppSettings(
        theme,
        backend,
        modelPaths,
        queriesAndKeys,
        truncate,
        recentInputs,
        bounds,
        newMaximized,
        tab,
        export);
  }

  /**
   * With other export choices.
   *
   * @param newExport the export background and last folder
   * @return the changed copy
   */
  public AppSettings withExport(ExportSettings newExport) {
    return new AppSettings(
        theme,
        backend,
        modelPaths,
        queriesAndKeys,
        truncate,
        recentInputs,
        windowBounds,
        maximized,
        selectedTab,
        newExport);
  }
}
