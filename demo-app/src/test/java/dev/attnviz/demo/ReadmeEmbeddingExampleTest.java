package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.neuron.NeuronView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Embed it in your app" example, statement for statement, so that the code users copy
 * keeps compiling and working. Only the host differs: a panel instead of a frame, since tests run
 * headless. Keep the two in step.
 */
class ReadmeEmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void theReadmeExampleComputesShowsAndExports() throws Exception {
    // 1. Compute, off the Event Dispatch Thread: pick a provider by name and open its default
    // model.
    AttentionProviderFactory factory = AttentionProviders.discover().get("djl");
    AttentionData data;
    try (AttentionProvider provider = factory.open(ModelSource.embeddedDefault())) {
      data =
          provider.compute(
              AttentionRequest.builder()
                  .setTextA("The cat sat on the mat")
                  .optTextB("It was tired")
                  .optQueriesAndKeys(true)
                  .optOverflow(OverflowPolicy.TRUNCATE)
                  .build());
    }
    assertTrue(data.isPair());
    assertTrue(data.hasVectors());

    Path png = dir.resolve("head.png");
    Path svg = dir.resolve("model.svg");
    JPanel frame = new JPanel();
    NeuronView[] neurons = new NeuronView[1];
    SwingUtilities.invokeAndWait(
        () -> {
          // 2. Show, on the EDT: views share one data model and one selection model.
          AttentionViewModel model = new AttentionViewModel(data);
          AttentionSelectionModel selection = new AttentionSelectionModel();
          HeadView head = new HeadView(model, selection);
          ModelView grid = new ModelView(model, selection);
          NeuronView neuron = new NeuronView(model, selection);
          frame.add(new JScrollPane(head));
          head.setControlsVisible(false);
          neurons[0] = neuron;
          // 3. Export what is on screen.
          try {
            ViewExporter.writePng(head, 2.0, png);
            ViewExporter.writeSvg(grid, svg);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    assertEquals(1, frame.getComponentCount());
    assertTrue(neurons[0].getPreferredSize().width > 0, "the neuron view lays out the vectors");
    assertTrue(ImageIO.read(png.toFile()).getWidth() > 100, "a picture at scale 2");
    String svgText = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(svgText.startsWith("<?xml") || svgText.startsWith("<svg"), svgText.substring(0, 40));
    assertFalse(svgText.isBlank());
  }
}
