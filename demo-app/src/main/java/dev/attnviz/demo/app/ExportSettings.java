package dev.attnviz.demo.app;

import dev.attnviz.swing.export.ExportBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Export menu remembers between runs: the background of PNG and SVG pictures and the
 * folder the last export went to.
 *
 * @param background what exported pictures are drawn on
 * @param folder the folder of the last export, or null before the first one
 */
public record ExportSettings(ExportBackground background, Path folder) {

  /** White pictures, no folder yet. */
  public static final ExportSettings DEFAULT = new ExportSettings(ExportBackground.WHITE, null);

  /**
   * Checks the background.
   *
   * @param background what exported pictures are drawn on; not null
   * @param folder the folder of the last export, or null before the first one
   */
  public ExportSettings {
    Objects.requireNonNull(background, "background");
  }

  /**
   * The remembered folder if it is still there: a folder deleted or unplugged since is not offered.
   *
   * @return the folder to offer first, or empty for the file chooser's own default
   */
  public Optional<Path> existingFolder() {
    return folder != null && Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
  }

  /**
   * With another background.
   *
   * @param newBackground what pictures are drawn on
   * @return the changed copy
   */
  public ExportSettings withBackground(ExportBackground newBackground) {
    return new ExportSettings(newBackground, folder);
  }

  /**
   * With the folder of the latest export.
   *
   * @param newFolder the folder
   * @return the changed copy
   */
  public ExportSettings withFolder(Path newFolder) {
    return new ExportSettings(background, newFolder);
  }
}
