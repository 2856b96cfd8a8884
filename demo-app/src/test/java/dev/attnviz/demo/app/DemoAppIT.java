package dev.attnviz.demo.app;

import static dev.attnviz.demo.app.WindowDriver.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.io.AttentionJson;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.model.TokenRef;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.event.ChangeListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real desktop app on a (virtual) display, lets it visualize the embedded default model,
 * and captures the window as a user would see it; then fails it in the ways a user can (an empty
 * text, a damaged file, a model path that is not a model) and checks that the window stays usable
 * with the user's input intact, and that a replaced request never paints over a newer result. Needs
 * a display: run through {@code ./run-tests.sh}, which provides one with xvfb.
 */
class DemoAppIT {

  private static final Duration FIRST_RESULT = Duration.ofMinutes(3);

  private static final String LONG_SENTENCE =
      "A long sentence that takes the model a moment to compute, ".repeat(7)
          + "with queries and keys for every head of every layer.";

  @TempDir static Path dir;

  private static MainWindow window;
  private static WindowDriver app;

  @BeforeAll
  static void startTheApp() throws Exception {
    assertFalse(
        GraphicsEnvironment.isHeadless(),
        "the GUI smoke test needs a display: run ./run-tests.sh (xvfb) or set DISPLAY");
    window = DemoApp.start(new SettingsStore(dir.resolve("settings.properties")));
    app = new WindowDriver(window);
  }

  @AfterAll
  static void closeTheApp() throws Exception {
    if (window != null) {
      SwingUtilities.invokeAndWait(window::dispose);
      // dispose() queues windowClosed, where the window saves its settings into the temporary
      // folder; let that run before JUnit deletes the folder.
      SwingUtilities.invokeAndWait(() -> {});
    }
  }

  @Test
  void opensOnTheDefaultModelAndShowsAVisualization() throws Exception {
    AttentionData data = app.awaitNewData(null, FIRST_RESULT);
    assertEquals("tensorflow", data.model().backend());
    assertTrue(data.hasVectors(), "queries and keys are on by default, for the neuron view");

    BufferedImage capture = app.capture();
    ImageIO.write(capture, "png", dir.resolve("window.png").toFile());
    assertTrue(
        WindowDriver.distinctColours(capture) > 50,
        "the window shows a picture, not a blank frame");
    assertTrue(app.status().contains("bert-base-uncased via tensorflow"), app.status());
  }

  @Test
  void anEmptyTextIsExplainedAndTheAppStaysUsable() throws Exception {
    AttentionData before = app.awaitNewData(null, FIRST_RESULT);
    app.type("input.textA", "   ");
    app.click("input.visualize");
    assertTrue(app.banner().contains("The text is empty"), app.banner());
    assertEquals(before, app.shown(), "the last result stays");

    app.type("input.textA", "Attention is all you need.");
    app.click("input.visualize");
    AttentionData after = app.awaitNewData(before, FIRST_RESULT);
    assertTrue(after.primary().queryTokens().strings().contains("attention"));
  }

  @Test
  void aBadFileIsExplainedAndTheInputsAreKept() throws Exception {
    app.awaitNewData(null, FIRST_RESULT);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json", StandardCharsets.UTF_8);
    String typed = app.text("input.textA");
    onEdt(
        () -> {
          window.open(bad, null);
          return null;
        });
    String message = app.awaitBanner("Cannot open", Duration.ofSeconds(30));
    assertTrue(message.contains("bad.json"), message);
    assertEquals(typed, app.text("input.textA"), "inputs are intact");
  }

  @Test
  void aModelThatFailsToLoadIsExplainedAndTheWindowStaysUsable() throws Exception {
    AttentionData before = app.awaitNewData(null, FIRST_RESULT);
    app.type("input.textA", "The keeper kept the keys.");
    app.type("input.textB", "Nobody lost them.");
    Object backend = app.selected("input.backend");
    Path missing = dir.resolve("no-such-model");
    Path notAModel = Files.createDirectories(dir.resolve("holiday-photos"));
    Files.writeString(notAModel.resolve("beach.jpg"), "not a model");

    for (Path model : List.of(missing, notAModel)) {
      app.chooseModel(model);
      app.click("input.visualize");
      String message =
          app.awaitBanner(
              model == missing ? "Model folder not found" : "is not a TensorFlow SavedModel",
              FIRST_RESULT);

      assertTrue(message.contains(model.toString()), message);
      assertEquals("The keeper kept the keys.", app.text("input.textA"), "inputs are intact");
      assertEquals("Nobody lost them.", app.text("input.textB"));
      assertEquals(backend, app.selected("input.backend"));
      assertEquals(ModelChoice.of(model), app.selected("input.model"), "the choice is kept");
      assertEquals(before, app.shown(), "the last result stays on screen");
      assertEquals("Failed; the views still show the previous result.", app.status());
      String caption = app.label("caption");
      assertTrue(caption.startsWith("Previous result: " + before.model().name()), caption);
      assertTrue(caption.endsWith("(the last request failed)"), caption);
    }

    app.chooseEmbeddedModel();
    app.click("input.visualize");
    AttentionData after = app.awaitNewData(before, FIRST_RESULT);
    assertTrue(after.primary().queryTokens().strings().contains("keeper"));
    assertEquals("", app.banner(), "the error is gone with the new result");
    String caption = app.label("caption");
    assertTrue(
        caption.startsWith(after.model().name() + " \u00b7 tensorflow \u00b7 The keeper"), caption);
    assertTrue(onEdt(window::getTitle).startsWith(caption), "the title says it too");
    assertTrue(
        caption.contains("The keeper kept the keys. / Nobody lost them."),
        "a pair is named by both sentences: " + caption);
  }

  @Test
  void anOpenedFileIsNamedAndTheInputsSayTheyDescribeAnotherInput() throws Exception {
    AttentionData before = app.awaitNewData(null, FIRST_RESULT);
    Path file = dir.resolve("opened.json");
    AttentionJson.write(
        SyntheticAttention.single(false).toBuilder()
            .setModel(new ModelInfo("file-model", "numpy", false))
            .build(),
        file);
    onEdt(
        () -> {
          window.open(file, null);
          return null;
        });
    AttentionData opened = app.awaitNewData(before, FIRST_RESULT);
    assertEquals("file-model", opened.model().name());
    String caption = app.label("caption");
    assertEquals(
        "file-model \u00b7 numpy \u00b7 opened.json \u00b7 "
            + SyntheticAttention.CAT_SAT.size()
            + " tokens",
        caption);
    assertTrue(onEdt(window::getTitle).startsWith(caption), "the title says what is shown");
    assertTrue(app.label("input.shownFile").contains("opened.json"), "the inputs say so");
    assertEquals(
        "Visualize (replaces file)",
        onEdt(() -> ((AbstractButton) app.find("input.visualize")).getText()));

    app.click("input.visualize");
    AttentionData computed = app.awaitNewData(opened, FIRST_RESULT);
    assertEquals("", app.label("input.shownFile"), "a computed result is what the fields say");
    assertEquals(
        "Visualize", onEdt(() -> ((AbstractButton) app.find("input.visualize")).getText()));
    assertTrue(app.label("caption").startsWith(computed.model().name()), app.label("caption"));
  }

  @Test
  void aReplacedRequestNeverPaintsOverTheNewerResult() throws Exception {
    AttentionData before = app.awaitNewData(null, FIRST_RESULT);
    Path file = dir.resolve("newer.json");
    AttentionJson.write(
        AttentionData.builder()
            .setModel(new ModelInfo("from-a-file", "test", false))
            .addAttention(SyntheticAttention.single(false).primary())
            .build(),
        file);
    List<String> shown = new ArrayList<>();
    ChangeListener recorder = e -> shown.add(window.viewModel().data().model().name());
    onEdt(
        () -> {
          window.viewModel().addChangeListener(recorder);
          // A slow request (a compute on BERT) replaced at once by a quick one (a small file).
          ((JTextField) app.find("input.textA")).setText(LONG_SENTENCE);
          ((AbstractButton) app.find("input.visualize")).doClick();
          window.open(file, null);
          return null;
        });
    AttentionData newer = app.awaitNewData(before, FIRST_RESULT);
    assertEquals("from-a-file", newer.model().name());

    // Now replace a compute while it runs: the file is opened once the status bar says so.
    app.click("input.visualize");
    // A compute takes a quarter of a second or more; polling often catches it running.
    WindowDriver.waitFor(
        () -> app.status().startsWith("Computing attention") ? true : null, FIRST_RESULT, 5);
    onEdt(
        () -> {
          window.open(file, null);
          return null;
        });
    // Give the replaced compute time to finish and, were it wrong, to paint.
    Thread.sleep(3000);

    List<String> history = onEdt(() -> List.copyOf(shown));
    assertEquals("from-a-file", history.get(0), "the compute replaced before it ran never showed");
    assertEquals("from-a-file", history.get(history.size() - 1), "nothing paints after the file");
    assertTrue(history.size() <= 3, history.toString());
    onEdt(
        () -> {
          window.viewModel().removeChangeListener(recorder);
          return null;
        });
  }

  @Test
  void theCompareTabComparesTheExampleBesideTheMainViews() throws Exception {
    AttentionData main = app.awaitNewData(null, FIRST_RESULT);
    app.selectTab("Compare");
    ComparisonView view = onEdt(() -> ((ComparePanel) app.find("compare.panel")).view());
    AttentionData a =
        WindowDriver.waitFor(() -> onEdt(() -> view.dataA().orElse(null)), FIRST_RESULT);
    AttentionData b = onEdt(() -> view.dataB().orElseThrow());
    assertTrue(a.primary().queryTokens().strings().contains("she"));
    assertTrue(b.primary().queryTokens().strings().contains("he"));
    assertEquals(Optional.empty(), onEdt(view::message), "same token count: no message");
    assertEquals(main, app.shown(), "the main views kept their data");
    WindowDriver.waitFor(
        () -> onEdt(() -> ((JProgressBar) app.find("status.busy")).isVisible() ? null : true),
        Duration.ofSeconds(30));

    // The comparison follows the main views' layer, but a token locked in the main input is
    // another word in the compared ones, so the lock stays behind. The layer is one the main data
    // has (an earlier test may have left a small model's data there): others are refused.
    int layer =
        onEdt(
            () -> {
              int last = Math.min(3, window.selection().layerCount().getAsInt() - 1);
              window.selection().setLayer(0);
              window.selection().setLayer(last);
              window.selection().setLockedToken(TokenRef.query(2));
              return last;
            });
    assertTrue(layer > 0, "a layer to move to");
    assertEquals(layer, onEdt(() -> view.getSelectionModel().layer()));
    assertNull(onEdt(() -> view.getSelectionModel().lockedToken()));
  }
}
