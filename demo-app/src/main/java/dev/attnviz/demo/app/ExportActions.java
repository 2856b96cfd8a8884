package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionJson;
import dev.attnviz.demo.OutputFiles;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import java.awt.Component;
import java.awt.Dimension;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.ButtonGroup;
import javax.swing.JFileChooser;
import javax.swing.JMenu;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.filechooser.FileNameExtensionFilter;

/** The Export menu's work: asks where to write, writes, and reports the outcome. */
final class ExportActions {

  /** Writes to a chosen path; may fail with an I/O or argument error. */
  @FunctionalInterface
  private interface Writer {
    void write(Path out) throws Exception;
  }

  private static final java.util.Map<ExportBackground, String> BACKGROUND_NAMES =
      java.util.Map.of(
          ExportBackground.WHITE, "White",
          ExportBackground.TRANSPARENT, "Transparent",
          ExportBackground.THEME, "As on screen (theme)");

  private final Component parent;
  private final Consumer<String> onDone;
  private final Consumer<String> onError;

  /** The background of pictures and the folder of the last export, kept across runs. */
  private ExportSettings settings;

  /** The base name offered for the next export, e.g. {@code head-L8-H0,3,10}. */
  private Supplier<String> baseName = () -> "attention";

  ExportActions(
      Component parent,
      ExportSettings settings,
      Consumer<String> onDone,
      Consumer<String> onError) {
    this.parent = parent;
    this.settings = settings;
    this.onDone = onDone;
    this.onError = onError;
  }

  /** The background chosen and the folder of the last export, to save with the settings. */
  ExportSettings settings() {
    return settings;
  }

  /** What PNG and SVG pictures are drawn on from now on. */
  void setBackground(ExportBackground background) {
    settings = settings.withBackground(background);
  }

  /** Sets what names the offered file: the shown view, layer and heads. */
  void setBaseName(Supplier<String> name) {
    this.baseName = name;
  }

  /** The "Picture background" menu: white, transparent or the theme's, the current one checked. */
  JMenu backgroundMenu() {
    JMenu menu = new JMenu("Picture background (PNG, SVG)");
    ButtonGroup group = new ButtonGroup();
    for (ExportBackground background : ExportBackground.values()) {
      JRadioButtonMenuItem item =
          new JRadioButtonMenuItem(
              BACKGROUND_NAMES.get(background), background == settings.background());
      item.addActionListener(e -> setBackground(background));
      group.add(item);
      menu.add(item);
    }
    return menu;
  }

  void png(ExportableView view, double scale) {
    double fitting = fittingScale(view.exportSize(), scale);
    if (fitting < scale) {
      // A long input's head view is taller than one PNG may be: offer the scale that fits.
      if (fitting <= 0
          || JOptionPane.showConfirmDialog(
                  parent,
                  tooLargeMessage(view.exportSize(), scale, fitting),
                  "Export",
                  JOptionPane.OK_CANCEL_OPTION)
              != JOptionPane.OK_OPTION) {
        return;
      }
    }
    save(
        "PNG image", "png", out -> OutputFiles.writePng(view, fitting, settings.background(), out));
  }

  /**
   * {@code scale} if a picture of {@code size} points fits {@link ViewExporter#MAX_PNG_SIDE} pixels
   * a side at it, else the largest scale (to two decimals) that does, 0 if none.
   */
  static double fittingScale(Dimension size, double scale) {
    int side = Math.max(1, Math.max(size.width, size.height));
    if (Math.ceil(side * scale) <= ViewExporter.MAX_PNG_SIDE) {
      return scale;
    }
    return Math.floor((double) ViewExporter.MAX_PNG_SIDE / side * 100) / 100;
  }

  /** What the export offers when the picture at {@code scale} is too large. */
  static String tooLargeMessage(Dimension size, double scale, double fitting) {
    return String.format(
        java.util.Locale.ROOT,
        "At scale %s this picture would be %,d x %,d pixels, more than %,d a side."
            + "%nExport it at scale %.2f, the largest that fits?"
            + "%n(For a range of tokens at any scale: attnviz.jar render --token-range FIRST:LAST.)",
        scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale),
        (long) Math.ceil(size.width * scale),
        (long) Math.ceil(size.height * scale),
        ViewExporter.MAX_PNG_SIDE,
        fitting);
  }

  void svg(ExportableView view) {
    save("SVG vector image", "svg", out -> OutputFiles.writeSvg(view, settings.background(), out));
  }

  void csv(Optional<ShownMatrix> matrix, List<String> metadata) {
    if (matrix.isEmpty()) {
      onError.accept("This view shows no single matrix to export as CSV; use the head view.");
      return;
    }
    save("CSV table", "csv", out -> OutputFiles.writeCsv(matrix.get(), metadata, out));
  }

  void json(AttentionData data) {
    save("attnviz attention JSON", "json", out -> AttentionJson.write(data, out));
  }

  private void save(String description, String extension, Writer writer) {
    JFileChooser chooser = new JFileChooser();
    chooser.setDialogTitle("Export " + description);
    chooser.setFileFilter(new FileNameExtensionFilter(description, extension));
    String name = baseName.get() + "." + extension;
    chooser.setSelectedFile(
        settings
            .existingFolder()
            .map(folder -> new File(folder.toFile(), name))
            .orElse(new File(name)));
    if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
      return;
    }
    Path out = withExtension(chooser.getSelectedFile().toPath(), extension);
    if (Files.exists(out)
        && JOptionPane.showConfirmDialog(
                parent,
                out.getFileName() + " exists. Replace it?",
                "Export",
                JOptionPane.OK_CANCEL_OPTION)
            != JOptionPane.OK_OPTION) {
      return;
    }
    try {
      writer.write(out);
      settings = settings.withFolder(out.toAbsolutePath().getParent());
      onDone.accept("Exported " + out);
    } catch (FileSystemException e) {
      onError.accept("Could not export: " + e.getMessage());
    } catch (IOException e) {
      onError.accept("Could not write " + out + ": " + e.getMessage());
    } catch (Exception e) {
      onError.accept("Export failed: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      // The picture that did not fit is garbage now; the window stays usable.
      onError.accept(
          "Export failed: not enough memory. Choose a smaller scale, or give Java more memory.");
    }
  }

  private static Path withExtension(Path path, String extension) {
    String name = path.getFileName().toString();
    return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)
        ? path
        : path.resolveSibling(name + "." + extension);
  }
}
