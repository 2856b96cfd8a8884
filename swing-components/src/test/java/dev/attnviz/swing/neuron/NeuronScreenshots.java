package dev.attnviz.swing.neuron;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.swing.SwingUtilities;

/**
 * Writes the neuron view screenshots of the documentation: expanded mode, light and dark, for the
 * first and the last layer of BERT-base on "the cat sat on the mat", with "cat" locked and its top
 * dimensions itemised. Real query and key vectors from the golden fixture.
 *
 * <p>Run from the repository root (argument: the output folder, default {@code docs/screenshots}):
 *
 * <pre>
 * mvn -B -q -pl swing-components -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Djava.awt.headless=true -Dattnviz.fixtures=fixtures/oracle \
 *     -cp "swing-components/target/classes:swing-components/target/test-classes:$(cat \
 *     swing-components/target/test-classpath.txt)" \
 *     dev.attnviz.swing.neuron.NeuronScreenshots docs/screenshots
 * </pre>
 */
public final class NeuronScreenshots {

  /** Token "cat" in {@code [CLS] the cat sat on the mat [SEP]}. */
  static final int CAT = 2;

  /** Heads chosen because their pattern for "cat" reads well; any head works. */
  static final int LAYER_0_HEAD = 3;

  static final int LAYER_11_HEAD = 6;

  /** PNG scale: twice the on-screen size, sharp on HiDPI screens. */
  static final double SCALE = 2;

  private NeuronScreenshots() {}

  /** Writes the four screenshots. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
    Files.createDirectories(out);
    AttentionData data = BertFixture.load("cat-sat");
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            for (Theme theme : Theme.values()) {
              for (int layer : new int[] {0, 11}) {
                Path file = out.resolve(fileName(theme, layer));
                ViewExporter.writePng(
                    view(data, theme, layer), SCALE, ExportBackground.THEME, file);
                System.out.println("wrote " + file);
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            Theme.reset();
          }
        });
  }

  static String fileName(Theme theme, int layer) {
    return "neuron-expanded-layer" + layer + "-" + theme.name().toLowerCase(Locale.ROOT) + ".png";
  }

  /** The view of a screenshot, themed; leaves the theme's keys in the UIManager. */
  static NeuronView view(AttentionData data, Theme theme, int layer) {
    theme.apply();
    AttentionViewModel model = new AttentionViewModel(data);
    model.setIncludeLayers(BertFixture.LAYERS_WITH_VECTORS.stream().mapToInt(i -> i).toArray());
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.setLayer(layer);
    selection.setFocusHead(layer == 0 ? LAYER_0_HEAD : LAYER_11_HEAD);
    selection.setLockedToken(TokenRef.query(CAT));
    return new NeuronView(model, selection);
  }
}
