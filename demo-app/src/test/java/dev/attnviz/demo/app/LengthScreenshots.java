package dev.attnviz.demo.app;

import static dev.attnviz.demo.app.WindowDriver.onEdt;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.TokenRef;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import javax.swing.JProgressBar;

/**
 * Captures the demo app at three input lengths, so that a reader sees how the views hold up: a
 * 13-token sentence, a 100-token paragraph and a 433-token text (all-MiniLM-L6-v2 through DJL, the
 * embedded default that takes up to 512 tokens; BERT-base takes 128), each in the head, model and
 * neuron views, in FlatLaf light and dark: {@code docs/screenshots/app-len{13,100,433}-{head,model,
 * neuron}[-dark].png}. Layer 2, the first "it" locked (its lines, its query in the neuron view),
 * all heads in the head view, head 4 in the neuron view. Fails if the app shows an error or the
 * token counts are not those of the names. Run by the {@code app-screenshots} profile of {@code
 * demo-app} after {@link AppScreenshots}:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1600x1000x24" \
 *     mvn -B -pl demo-app -am -Papp-screenshots -DskipTests verify
 * </pre>
 *
 * <p>Arguments: the folder to write the PNGs into.
 */
public final class LengthScreenshots {

  private static final Rectangle WINDOW = new Rectangle(0, 0, 1400, 900);
  private static final Duration RESULT = Duration.ofMinutes(5);
  private static final int LAYER = 2;
  private static final int NEURON_HEAD = 4;
  private static final String LOCKED = "it";

  /** 13 tokens with [CLS] and [SEP]. */
  static final String SENTENCE = "The cat sat on the mat because it was tired.";

  /** 100 tokens. */
  static final String PARAGRAPH =
      "Attention maps show which words a transformer looks at when it builds the meaning of"
          + " another word. In this paragraph, the pronoun it should attend to the noun it refers"
          + " to, and verbs should attend to their subjects and objects. Researchers compare heads"
          + " across layers to find patterns such as attention to the previous token, to"
          + " separators, or to the first token of the sentence. A good figure makes these"
          + " patterns readable at a glance, without hiding the weights that matter the most.";

  /** 433 tokens: the paragraph and three more. */
  static final String TEXT =
      PARAGRAPH
          + " Long inputs are harder. A model view of twelve layers and twelve heads holds one"
          + " hundred and forty four thumbnails, and each of them must still show the column of"
          + " weights that nearly every token sends to the first token or to the separator. When"
          + " the thumbnails become small, lines merge into a grey haze, so the view switches to"
          + " heatmaps, with a legend that says how the colours map to weights. The head view"
          + " keeps its two token columns close together, so that the lines between them stay"
          + " short and steep enough to follow from a query to its keys."
          + " A researcher who reads such a figure in a paper cannot hover over it, so every"
          + " number that matters must be printed or at least recoverable from the exported"
          + " table. The exported picture therefore carries a caption with the model, the"
          + " backend, the source of the text and the number of tokens, and the table starts"
          + " with the same metadata. Numbers are written with four significant digits, which is"
          + " enough to tell a weight of one half from one of a third, and never so many that"
          + " the reader has to count zeros."
          + " Comparisons need care as well. Two sentences that differ in one word, such as she"
          + " and he, produce attention matrices of the same size, and their difference can be"
          + " drawn cell by cell on a diverging scale. Two sentences of different lengths cannot"
          + " be subtracted that way, so the view shows them side by side and says in plain"
          + " words why no difference is drawn. The same holds for two models: their layers can"
          + " be compared one by one only where both models have them, and the figure should say"
          + " which model produced which side.";

  private record Input(int tokens, String text) {}

  private static final List<Input> INPUTS =
      List.of(new Input(13, SENTENCE), new Input(100, PARAGRAPH), new Input(433, TEXT));

  private static final List<String[]> TABS =
      List.of(
          new String[] {"Head view", "head"},
          new String[] {"Model view", "model"},
          new String[] {"Neuron view", "neuron"});

  private LengthScreenshots() {}

  /**
   * Captures the screenshots.
   *
   * @param args the output folder
   * @throws Exception if the app cannot be started
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 || GraphicsEnvironment.isHeadless()) {
      System.err.println("usage, with a display (xvfb-run): LengthScreenshots <output folder>");
      System.exit(2);
    }
    Path out = Files.createDirectories(Path.of(args[0]));
    Path folder = Files.createTempDirectory("attnviz-length-screenshots");
    Path settings = folder.resolve("settings.properties");
    Files.writeString(settings, "backend=djl\n");
    WindowDriver.runAndExit("LengthScreenshots", settings, window -> capture(window, out));
  }

  private static void capture(MainWindow window, Path out) throws Exception {
    WindowDriver app = new WindowDriver(window);
    app.placeAt(WINDOW);
    AttentionData before = app.awaitNewData(null, RESULT);
    for (Input input : INPUTS) {
      app.type("input.textA", input.text());
      app.type("input.textB", "");
      app.click("input.visualize");
      onEdt(() -> app.find("input.visualize").requestFocusInWindow());
      AttentionData data = app.awaitNewData(before, RESULT);
      before = data;
      int tokens = data.primary().queryTokens().size();
      if (tokens != input.tokens()) {
        throw new IllegalStateException(
            "expected " + input.tokens() + " tokens, " + data.model().name() + " gave " + tokens);
      }
      TokenRef it = TokenRef.query(data.primary().queryTokens().strings().indexOf(LOCKED));
      for (String theme : List.of("", "-dark")) {
        app.chooseMenuItem("View", theme.isEmpty() ? "Light theme" : "Dark theme");
        for (String[] tab : TABS) {
          select(window, tab[1], it);
          app.selectTab(tab[0]);
          save(app, out.resolve("app-len" + input.tokens() + "-" + tab[1] + theme + ".png"));
        }
      }
      app.chooseMenuItem("View", "Light theme");
    }
  }

  /** Layer 2; all heads for the head and model views, head 4 for the neuron view. */
  private static void select(MainWindow window, String view, TokenRef locked) throws Exception {
    AttentionSelectionModel selection = onEdt(window::selection);
    onEdt(
        () -> {
          selection.batch(
              () -> {
                selection.setSelectedCell(null);
                selection.setLayer(LAYER);
                selection.activateAllHeads();
                selection.setLockedToken(locked);
                if (view.equals("neuron")) {
                  selection.setFocusHead(NEURON_HEAD);
                }
              });
          return null;
        });
  }

  private static void save(WindowDriver app, Path file) throws Exception {
    WindowDriver.waitFor(
        () -> onEdt(() -> ((JProgressBar) app.find("status.busy")).isVisible() ? null : true),
        RESULT);
    String banner = app.banner();
    if (!banner.isEmpty()) {
      throw new IllegalStateException("the app shows a message: " + banner);
    }
    BufferedImage image = app.capture();
    if (WindowDriver.distinctColours(image) < 50) {
      throw new IllegalStateException(file.getFileName() + " looks blank");
    }
    ImageIO.write(image, "png", file.toFile());
    System.out.println("wrote " + file);
  }
}
