package dev.attnviz.swing.docs;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.analysis.AnalysisScreenshots;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.SyntheticAttention;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

/**
 * Renders the screenshots in {@code docs/screenshots/}: each view in a scroll pane as a host
 * application would show it, light and dark, on real BERT attention of a sentence pair and on a
 * synthetic 512-token input; then those of the analysis views ({@code AnalysisScreenshots}).
 * Headless:
 *
 * <pre>
 * mvn -B -pl swing-components -am -Pscreenshots -DskipTests verify
 * </pre>
 */
public final class Screenshots {

  /** A dark theme like FlatLaf Darcula's, set through the documented UIManager keys. */
  private static final Map<String, Color> DARK =
      Map.ofEntries(
          Map.entry("AttentionView.background", new Color(0x1e1f22)),
          Map.entry("AttentionView.foreground", new Color(0xdfe1e5)),
          Map.entry("AttentionView.mutedForeground", new Color(0x8c8f94)),
          Map.entry("AttentionView.selectionColor", new Color(0x3574f0)),
          Map.entry("AttentionView.highlightBackground", new Color(0x2e436e)),
          Map.entry("AttentionView.gridColor", new Color(0x393b40)),
          Map.entry("Panel.background", new Color(0x1e1f22)),
          Map.entry("Label.foreground", new Color(0xdfe1e5)),
          // Plain Swing parts of the controls and of the statistics view.
          Map.entry("CheckBox.foreground", new Color(0xdfe1e5)),
          Map.entry("Table.background", new Color(0x1e1f22)),
          Map.entry("Table.foreground", new Color(0xdfe1e5)),
          Map.entry("Table.gridColor", new Color(0x393b40)),
          Map.entry("Table.selectionBackground", new Color(0x2e436e)),
          Map.entry("Table.selectionForeground", new Color(0xffffff)),
          Map.entry("TableHeader.background", new Color(0x2b2d30)),
          Map.entry("TableHeader.foreground", new Color(0xdfe1e5)),
          Map.entry("Viewport.background", new Color(0x1e1f22)));

  private Screenshots() {}

  /** Writes every screenshot into the folder given as the first argument. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Files.createDirectories(out);
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            renderAll(out);
            AnalysisScreenshots.renderAll(out);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static void renderAll(Path out) throws IOException {
    AttentionData pair = TestData.bertPair();
    for (boolean dark : new boolean[] {false, true}) {
      applyTheme(dark);
      String theme = dark ? "dark" : "light";

      AttentionSelectionModel selection = new AttentionSelectionModel();
      AttentionViewModel model = new AttentionViewModel(pair);
      HeadView head = new HeadView(model, selection);
      selection.setLayer(4);
      write(head, new Dimension(560, 560), null, out.resolve("head-view-pair-" + theme + ".png"));

      selection.setHoveredToken(TokenRef.query(3));
      write(head, new Dimension(560, 560), null, out.resolve("head-view-hover-" + theme + ".png"));
      selection.setHoveredToken(null);

      selection.setFilter(SentenceFilter.A_TO_B);
      write(
          head,
          new Dimension(560, 420),
          null,
          out.resolve("head-view-filter-a-to-b-" + theme + ".png"));
      selection.setFilter(SentenceFilter.ALL);

      AttentionSelectionModel gridSelection = new AttentionSelectionModel();
      ModelView grid = new ModelView(new AttentionViewModel(pair), gridSelection);
      grid.setThumbnailSize(new Dimension(64, 64));
      gridSelection.toggleCell(new LayerHead(5, 3));
      gridSelection.setHoveredToken(TokenRef.query(8));
      write(grid, new Dimension(1320, 980), null, out.resolve("model-view-pair-" + theme + ".png"));
    }
    applyTheme(false);
    AttentionData longInput = SyntheticAttention.realistic(512, 12, 12, 7);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    ModelView grid = new ModelView(new AttentionViewModel(longInput), selection);
    grid.setThumbnailSize(new Dimension(64, 64));
    selection.toggleCell(new LayerHead(3, 2));
    write(
        grid,
        new Dimension(1400, 980),
        null,
        out.resolve("model-view-512-tokens-synthetic-light.png"));
    HeadView head = new HeadView(new AttentionViewModel(longInput), new AttentionSelectionModel());
    write(
        head,
        new Dimension(620, 760),
        new Point(0, 2400),
        out.resolve("head-view-512-tokens-synthetic-light.png"));
    applyTheme(true);
    grid.updateUI();
    write(
        grid,
        new Dimension(1400, 980),
        null,
        out.resolve("model-view-512-tokens-synthetic-dark.png"));
    applyTheme(false);
  }

  /** Puts the dark theme's keys into the UIManager, or removes them for the light theme. */
  public static void applyTheme(boolean dark) {
    for (Map.Entry<String, Color> entry : DARK.entrySet()) {
      UIManager.put(entry.getKey(), dark ? entry.getValue() : null);
    }
  }

  /** Shows {@code view} in a scroll pane of {@code size}, scrolled to {@code at}, as a PNG. */
  private static void write(AttentionView view, Dimension size, Point at, Path file)
      throws IOException {
    JScrollPane scrollPane = new JScrollPane(view);
    writePng(
        scrollPane,
        size,
        () -> {
          if (at != null) {
            scrollPane.getViewport().setViewPosition(at);
            Pixels.layoutTree(scrollPane);
          }
        },
        file);
  }

  /**
   * Lays {@code component} out at {@code size} as a window would, runs {@code arrange} (e.g. to
   * scroll), and writes it as a PNG.
   */
  public static void writePng(JComponent component, Dimension size, Runnable arrange, Path file)
      throws IOException {
    component.setSize(size);
    component.addNotify();
    Pixels.layoutTree(component);
    component.validate();
    Pixels.layoutTree(component);
    arrange.run();
    BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      component.paint(g);
    } finally {
      g.dispose();
    }
    component.removeNotify();
    ImageIO.write(image, "png", file.toFile());
    System.out.println("wrote " + file);
  }
}
