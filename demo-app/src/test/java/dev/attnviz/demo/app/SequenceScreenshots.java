package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import java.awt.Rectangle;
import java.awt.Robot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.SwingUtilities;

/**
 * Starts the real app on an encoder-decoder model (the tiny BART of {@code fixtures/hf-exports}),
 * computes with a target text, and captures the head, model and neuron views for each of the three
 * kinds, so that a person can look at them. Needs a display:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp TEST_CLASSPATH \
 *     dev.attnviz.demo.app.SequenceScreenshots MODEL_FOLDER OUT_FOLDER
 * </pre>
 */
public final class SequenceScreenshots {

  private static final Duration RESULT = Duration.ofMinutes(2);

  private SequenceScreenshots() {}

  /**
   * Captures the screenshots.
   *
   * @param args the model folder and the output folder
   */
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    Path settingsFolder = Files.createTempDirectory("attnviz-seq-screenshots");
    Path settings = settingsFolder.resolve("settings.properties");
    Files.writeString(
        settings,
        "backend=djl\nmodel.djl="
            + model.toAbsolutePath().toString().replace("\\", "\\\\")
            + "\nrecent.0.textA=The cat sat on the mat\n");
    WindowDriver.runAndExit(
        "SequenceScreenshots",
        settings,
        window -> {
          WindowDriver app = new WindowDriver(window);
          SwingUtilities.invokeAndWait(() -> window.setBounds(new Rectangle(0, 0, 1400, 900)));
          new Robot().mouseMove(1500, 950);
          AttentionData first = app.awaitNewData(null, RESULT);
          app.type("input.target", "Le chat");
          app.click("input.visualize");
          AttentionData data = app.awaitNewData(first, RESULT);
          System.out.println("kinds: " + data.kindList());
          for (String[] tab :
              List.of(
                  new String[] {"Head view", "head"},
                  new String[] {"Model view", "model"},
                  new String[] {"Neuron view", "neuron"})) {
            app.selectTab(tab[0]);
            for (AttentionKind kind : data.kindList()) {
              SwingUtilities.invokeAndWait(
                  () -> {
                    @SuppressWarnings("unchecked")
                    JComboBox<AttentionKind> kinds = (JComboBox<AttentionKind>) app.find("kind");
                    kinds.setSelectedItem(kind);
                  });
              ImageIO.write(
                  app.capture(),
                  "png",
                  out.resolve("seq-" + tab[1] + "-" + kind.id() + ".png").toFile());
            }
          }
        });
  }
}
