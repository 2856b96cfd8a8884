package dev.attnviz.demo.app;

import dev.attnviz.demo.Version;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;

/**
 * The demo window's menu bar: File (open an attention file, the recent inputs, the exports, quit),
 * View (light or dark theme) and Help (keyboard shortcuts, about). The items call back into the
 * window and its export actions; the recent inputs follow {@link #refreshRecent}. Use on the Event
 * Dispatch Thread.
 */
final class MainMenus {

  private final JFrame window;
  private final ExportActions exports;
  private final ViewTabs tabs;
  private final Supplier<List<String>> csvMetadata;
  private final Runnable openFile;
  private final Runnable exportJson;
  private final Consumer<String> setTheme;
  private final Consumer<RecentInput> openRecent;
  private final JMenu recentMenu = new JMenu("Recent inputs");

  /**
   * Menus for {@code window}, exporting the selected view of {@code tabs} through {@code exports}
   * (a CSV with {@code csvMetadata}'s lines first). The other items run {@code openFile} (ask for
   * an attention file and show it), {@code exportJson} (save the data shown), {@code setTheme}
   * ({@link AppSettings#LIGHT} or {@link AppSettings#DARK}) and {@code openRecent} (visualize a
   * recent input).
   */
  MainMenus(
      JFrame window,
      ExportActions exports,
      ViewTabs tabs,
      Supplier<List<String>> csvMetadata,
      Runnable openFile,
      Runnable exportJson,
      Consumer<String> setTheme,
      Consumer<RecentInput> openRecent) {
    this.window = window;
    this.exports = exports;
    this.tabs = tabs;
    this.csvMetadata = csvMetadata;
    this.openFile = openFile;
    this.exportJson = exportJson;
    this.setTheme = setTheme;
    this.openRecent = openRecent;
  }

  /** The menu bar, its theme items showing {@code dark}; About names {@code settingsFile}. */
  JMenuBar bar(boolean dark, Path settingsFile) {
    JMenuBar bar = new JMenuBar();
    JMenu file = new JMenu("File");
    file.setMnemonic('F');
    file.add(item("Open attention file\u2026", KeyEvent.VK_O, openFile));
    file.add(recentMenu);
    file.addSeparator();
    JMenu export = new JMenu("Export");
    for (int scale : new int[] {1, 2, 4}) {
      export.add(
          item(
              "PNG image at " + scale + "\u00d7",
              0,
              () -> exports.png(tabs.selectedView(), scale)));
    }
    export.add(item("SVG vector image", 0, () -> exports.svg(tabs.selectedView())));
    export.add(exports.backgroundMenu());
    export.add(
        item(
            "CSV of the shown matrix",
            0,
            () -> exports.csv(tabs.selectedView().shownMatrix(), csvMetadata.get())));
    export.add(item("Attention data (JSON)", KeyEvent.VK_S, exportJson));
    file.add(export);
    file.addSeparator();
    file.add(item("Quit", KeyEvent.VK_Q, window::dispose));
    bar.add(file);

    JMenu view = new JMenu("View");
    view.setMnemonic('V');
    ButtonGroup themes = new ButtonGroup();
    JRadioButtonMenuItem light = new JRadioButtonMenuItem("Light theme", !dark);
    JRadioButtonMenuItem darkItem = new JRadioButtonMenuItem("Dark theme", dark);
    light.addActionListener(e -> setTheme.accept(AppSettings.LIGHT));
    darkItem.addActionListener(e -> setTheme.accept(AppSettings.DARK));
    themes.add(light);
    themes.add(darkItem);
    view.add(light);
    view.add(darkItem);
    bar.add(view);

    JMenu help = new JMenu("Help");
    help.add(item("Keyboard shortcuts", 0, () -> KeyboardShortcuts.show(window)));
    help.add(
        item(
            "About attnviz",
            0,
            () ->
                JOptionPane.showMessageDialog(
                    window,
                    "attnviz "
                        + Version.current()
                        + "\nAttention of transformer models: head, model and neuron views."
                        + "\nSettings: "
                        + settingsFile,
                    "About",
                    JOptionPane.INFORMATION_MESSAGE)));
    bar.add(help);
    return bar;
  }

  private JMenuItem item(String text, int key, Runnable action) {
    JMenuItem item = new JMenuItem(text);
    if (key != 0) {
      item.setAccelerator(
          KeyStroke.getKeyStroke(key, window.getToolkit().getMenuShortcutKeyMaskEx()));
    }
    item.addActionListener(e -> action.run());
    return item;
  }

  /** Lists {@code recents} in the Recent inputs menu, disabled while there are none. */
  void refreshRecent(List<RecentInput> recents) {
    recentMenu.removeAll();
    for (RecentInput recent : recents) {
      JMenuItem item = new JMenuItem(recent.label());
      item.addActionListener(e -> openRecent.accept(recent));
      recentMenu.add(item);
    }
    recentMenu.setEnabled(recentMenu.getItemCount() > 0);
  }
}
