package dev.attnviz.swing.docs;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.analysis.AnalysisScreenshots;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import dev.attnviz.swing.testing.Theme;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;

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
    Theme.reset();
  }

  /** Puts the light or the dark theme's keys into the UIManager, after removing the other's. */
  public static void applyTheme(boolean dark) {
    Theme.reset();
    (dark ? Theme.DARK : Theme.LIGHT).apply();
  }

  /** Shows {@code view} in a scroll pane of {@code size}, scrolled to {@code at}, as a PNG. */
  private static void write(AttentionView view, Dimension size, Point at, Path file)
      throws IOException {
    JScrollPane scrollPane = Pixels.host(view);
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
   * Makes {@code component} displayable, lays it out at {@code size} as a window would, runs {@code
   * arrange} (e.g. to scroll), and writes it as a PNG.
   */
  public static void writePng(JComponent component, Dimension size, Runnable arrange, Path file)
      throws IOException {
    if (!component.isDisplayable()) {
      component.addNotify();
    }
    component.setSize(size);
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
