package dev.attnviz.demo.app;

import java.awt.Component;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.swing.JFileChooser;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * Asks for an attention file: a {@code .json} file, or an {@code .npz} archive with, optionally, a
 * tokens {@code .txt} chosen with it. Use on the Event Dispatch Thread.
 */
final class AttentionFileChooser {

  private AttentionFileChooser() {}

  /**
   * Shows the dialog over {@code parent}; passes the chosen data file and tokens file (or null) to
   * {@code open}, or a sentence to {@code error} when only a tokens file was chosen. Nothing if the
   * user cancels.
   */
  static void choose(Component parent, BiConsumer<Path, Path> open, Consumer<String> error) {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle(
        "Open attention data: a .json file, or an .npz plus an optional tokens .txt");
    chooser.setMultiSelectionEnabled(true);
    chooser.setFileFilter(
        new FileNameExtensionFilter(
            "Attention data (*.json, *.npz, tokens *.txt)", "json", "npz", "txt"));
    if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    Path data = null;
    Path tokens = null;
    for (File chosen : chooser.getSelectedFiles()) {
      if (chosen.getName().toLowerCase(Locale.ROOT).endsWith(".txt")) {
        tokens = chosen.toPath();
      } else {
        data = chosen.toPath();
      }
    }
    if (data == null) {
      error.accept("Choose a .json or .npz attention file (a tokens .txt alone is not enough).");
      return;
    }
    open.accept(data, tokens);
  }
}
