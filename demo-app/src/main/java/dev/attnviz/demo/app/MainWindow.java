package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionFiles;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.demo.Version;
import dev.attnviz.swing.ShownCaption;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.BorderLayout;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.KeyStroke;
import javax.swing.WindowConstants;

/**
 * The demo's window: input strip, message banner, the view tabs sharing one selection, and a status
 * bar. All slow work goes through {@link AttentionService}; this class only reacts on the EDT.
 *
 * <p>Not meant to be serialized, although {@link JFrame} is {@link java.io.Serializable}.
 *
 * @serial exclude
 */
public final class MainWindow extends JFrame {

  private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

  /** The caption's note while the views show a result saved by the last run. */
  static final String SAVED_NOTE = "saved by the last run; the model is still loading";

  /** The caption's note when the views still show the saved result after this run failed. */
  static final String SAVED_NOTE_AFTER_FAILURE = "saved by the last run";

  private final SettingsStore store;
  private final AttentionService service;
  private final AttentionViewModel viewModel = new AttentionViewModel();

  /** Hides special tokens and joins words off the EDT: 512 tokens take a few hundred ms. */
  private final ExecutorService displayWorker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "attnviz-display-options");
            thread.setDaemon(true);
            return thread;
          });

  private final AttentionSelectionModel selection = new AttentionSelectionModel();
  private final InputPanel input;
  private final MessageBanner banner = new MessageBanner();
  private final ShownCaption caption = new ShownCaption(viewModel);
  private final StatusBar status;
  private final ViewTabs tabs;
  private final ExportActions exports;
  private final MainMenus menus;
  private AppSettings settings;
  private long startedAt;

  /** Saves computed results for the next start; nothing unless {@link #rememberResults} is set. */
  private ResultMemory memory = ResultMemory.NONE;

  /** Whether the views show a result saved by the last run, until a request of this run reports. */
  private boolean showingSaved;

  /**
   * Builds the window with a service of its own; call on the EDT. It computes nothing until asked.
   *
   * @param providers the backends offered
   * @param store where the settings are saved
   * @param loaded the settings to start with
   */
  public MainWindow(
      AttentionProviders providers, SettingsStore store, SettingsStore.Loaded loaded) {
    this(providers, store, loaded, new AttentionService(providers));
  }

  /**
   * Builds the window on {@code service}, which may already be loading a model; call on the EDT.
   * The window closes the service when it is closed.
   *
   * @param providers the backends offered
   * @param store where the settings are saved
   * @param loaded the settings to start with
   * @param service the worker that loads models and computes
   */
  public MainWindow(
      AttentionProviders providers,
      SettingsStore store,
      SettingsStore.Loaded loaded,
      AttentionService service) {
    super("attnviz " + Version.current());
    this.store = store;
    this.settings = loaded.settings();
    this.service = service;
    this.input = new InputPanel(providers, settings, this::visualize);
    this.status = new StatusBar(e -> cancel());
    viewModel.setDisplayExecutor(displayWorker);
    this.tabs =
        new ViewTabs(
            viewModel,
            selection,
            new ComparePanel(service.newLane(), selection, this::compareTarget, providers.names()));
    this.exports = new ExportActions(this, settings.export(), status::idle, this::showError);
    exports.setBaseName(this::exportName);
    this.menus =
        new MainMenus(
            this,
            exports,
            tabs,
            this::csvMetadata,
            () -> AttentionFileChooser.choose(this, this::open, this::showError),
            this::exportJson,
            this::setTheme,
            recent -> {
              input.setInput(recent);
              visualize();
            });

    JPanel north = new JPanel(new BorderLayout());
    north.add(input, BorderLayout.NORTH);
    north.add(banner, BorderLayout.SOUTH);
    getContentPane().add(north, BorderLayout.NORTH);
    // The caption sits above every view, so each tab says what it shows.
    JPanel center = new JPanel(new BorderLayout());
    center.add(caption, BorderLayout.NORTH);
    center.add(tabs.component(), BorderLayout.CENTER);
    getContentPane().add(center, BorderLayout.CENTER);
    getContentPane().add(status, BorderLayout.SOUTH);
    setJMenuBar(menus.bar(settings.isDark(), store.file()));
    bindCancelKey();
    WindowBounds.restore(this, settings.windowBounds(), settings.maximized());
    tabs.select(settings.selectedTab());

    setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            // The views let go of the shared models, so that nothing outlives the window.
            tabs.dispose();
            caption.dispose();
            displayWorker.shutdownNow();
            saveSettings();
            service.close();
          }
        });
    if (providers.factories().isEmpty()) {
      showError(
          "No attention backend was found on the class path. Run the demo from"
              + " demo-app/target/attnviz.jar with its lib/ folder next to it.");
    }
    loaded.problem().ifPresent(problem -> banner.show(MessageBanner.Kind.NOTICE, problem));
    refreshRecentMenu();
  }

  /** {@return the shared data model of the views (for tests and embedding)} */
  public AttentionViewModel viewModel() {
    return viewModel;
  }

  /** {@return the shared selection of the views} */
  public AttentionSelectionModel selection() {
    return selection;
  }

  /** Computes the attention of the sentences in the input strip. */
  public void visualize() {
    if (input.textA().isBlank()) {
      showError("The text is empty. Type a sentence to see its attention.");
      input.focusText();
      return;
    }
    if (input.backendName().isEmpty()) {
      showError("No backend is available to compute attention; open an attention file instead.");
      return;
    }
    String backend = input.backendName().get();
    ModelSource source = input.modelSource();
    AttentionRequest request =
        AttentionRequest.builder()
            .setTextA(input.textA().strip())
            .optTextB(input.textB().strip())
            .optTarget(input.generateCount() > 0 ? null : input.target())
            .optMaxNewTokens(input.generateCount())
            .optQueriesAndKeys(input.queriesAndKeys())
            .optOverflow(input.truncate() ? OverflowPolicy.TRUNCATE : OverflowPolicy.REJECT)
            .build();
    settings =
        input
            .storeInto(settings)
            .withRecentInput(new RecentInput(input.textA().strip(), input.textB().strip()));
    refreshRecentMenu();
    begin("Starting...");
    ResultMemory saving = memory;
    service.compute(
        backend,
        source,
        request,
        listener(
            shownText(input.textA(), input.textB()),
            false,
            data -> saving.remember(backend, source, request, data)));
  }

  /** A pair is named by both sentences, so the caption does not describe only half of the input. */
  private static String shownText(String textA, String textB) {
    return textB.isBlank() ? textA.strip() : textA.strip() + " / " + textB.strip();
  }

  /** From now on, saves each computed result for the next start in {@code memory}. */
  void rememberResults(ResultMemory memory) {
    this.memory = memory;
  }

  /**
   * Shows {@code data}, the result the last run saved for {@code request}, while this run's model
   * is still loading: the caption marks it, and the status and a note say what it is, until a
   * request of this run reports (the next {@link #visualize} computes the same and replaces it).
   */
  void showSaved(AttentionData data, AttentionRequest request) {
    if (viewModel.data() != null) {
      return;
    }
    String source = shownText(request.textA(), request.textB().orElse(""));
    showingSaved = true;
    caption.setSource(source);
    caption.setNote(SAVED_NOTE);
    viewModel.setData(data);
    updateTitle(data, source);
    banner.show(
        MessageBanner.Kind.INFO,
        "This is the result the last run saved for this input and model ("
            + data.model().name()
            + " via "
            + data.model().backend()
            + "). The model is still loading; the picture is computed again when it is ready.");
    status.busy(savedStatus("Loading the model\u2026"));
  }

  /** Whether the views show a result saved by the last run (tests, start-up timing). */
  boolean isShowingSaved() {
    return showingSaved;
  }

  /** Says that the shown picture is the saved one, before what this run is doing. */
  private String savedStatus(String message) {
    return showingSaved ? "Showing the saved result of the last run \u00b7 " + message : message;
  }

  /** Reports, once, that the result saved by the last run could not be shown. */
  void savedResultUnreadable(String message) {
    LOG.log(System.Logger.Level.WARNING, "saved result ignored: {0}", message);
    if (status.isBusy()) {
      status.busy("The saved result of the last run could not be read; computing it.");
    }
  }

  /** The backend and model of the input strip, for the comparison tab. */
  private Optional<ComparePanel.Target> compareTarget() {
    return input
        .backendName()
        .map(backend -> new ComparePanel.Target(backend, input.modelSource()));
  }

  /**
   * Reads an attention file (JSON, or NPZ with an optional tokens file) and shows it.
   *
   * @param file a {@code .json} or {@code .npz} attention file
   * @param tokensFile the tokens of an {@code .npz} archive without them, one per line, or null
   */
  public void open(Path file, Path tokensFile) {
    begin("Reading " + file.getFileName() + "...");
    service.read(
        () ->
            tokensFile == null ? AttentionFiles.read(file) : AttentionFiles.read(file, tokensFile),
        listener(file.getFileName().toString(), true, data -> {}));
  }

  /**
   * Reports one request: {@code source} is its text or file name, for the caption; a file shown
   * makes the input strip say that its fields describe another input.
   */
  private AttentionService.Listener listener(
      String source, boolean fromFile, Consumer<AttentionData> shown) {
    return new AttentionService.Listener() {
      @Override
      public void onProgress(String message) {
        status.busy(savedStatus(message));
      }

      @Override
      public void onResult(AttentionData data) {
        showingSaved = false;
        caption.setNote(null);
        caption.setSource(source);
        caption.setStale(false);
        input.setShownFile(fromFile ? source : null);
        show(data);
        updateTitle(data, source);
        shown.accept(data);
      }

      @Override
      public void onFailure(String message) {
        // A saved result stays on screen: say so, without "still loading".
        caption.setNote(showingSaved ? SAVED_NOTE_AFTER_FAILURE : null);
        showingSaved = false;
        boolean previous = viewModel.data() != null;
        status.idle(previous ? "Failed; the views still show the previous result." : "Failed.");
        caption.setStale(previous);
        showError(message);
      }
    };
  }

  /** Shows the progress of the model opened at start, while the window waits for it. */
  void showStartupProgress(String message) {
    if (status.isBusy()) {
      status.busy(savedStatus(message));
    }
  }

  private void begin(String message) {
    startedAt = System.nanoTime();
    status.busy(savedStatus(message));
  }

  private void show(AttentionData data) {
    // The views adapt the shared selection to the new data (kinds, layer and token ranges).
    viewModel.setData(data);
    long millis = (System.nanoTime() - startedAt) / 1_000_000;
    var attention = data.primary();
    String shown =
        String.format(
            Locale.ROOT,
            "%s via %s: %d tokens, %d layers \u00d7 %d heads%s (%d ms)",
            data.model().name(),
            data.model().backend(),
            attention.queryTokens().size(),
            attention.layerCount(),
            attention.headCount(),
            data.hasVectors() ? ", with queries and keys" : "",
            millis);
    status.idle(shown);
    data.truncation()
        .ifPresentOrElse(
            t -> banner.show(MessageBanner.Kind.INFO, t.message()), this::clearRequestMessages);
    if (DeferredWeightCheck.needed(data)) {
      // A large dump is shown before its weights are read: say so until they are checked.
      status.idle(shown + " \u00b7 checking the weights\u2026");
      DeferredWeightCheck.start(data, problem -> weightsChecked(data, shown, problem));
    }
    saveSettings();
  }

  /** Reports the deferred check of {@code data}'s weights, if it is still shown. */
  private void weightsChecked(AttentionData data, String shown, Optional<String> problem) {
    if (viewModel.data() != data) {
      return;
    }
    if (problem.isEmpty()) {
      status.idle(shown + " \u00b7 weights checked");
      return;
    }
    status.idle(shown + " \u00b7 invalid weights");
    showError(
        "This file holds invalid weights, so pictures of the heads that hold them are wrong: "
            + problem.get()
            + ". The model view crosses such heads out; fix the file and open it again.");
  }

  /** The offered export name: the tab's view, the layer and the active heads. */
  private String exportName() {
    AttentionData data = viewModel.data();
    if (data == null) {
      return "attention";
    }
    int headCount = data.primary().headCount();
    return ExportNames.of(
        tabs.selectedTitle(), selection.layer(), selection.activeHeads(headCount), headCount);
  }

  /** What a CSV says about its matrix before the numbers: model, kind, filter, aggregation. */
  private List<String> csvMetadata() {
    AttentionData data = viewModel.data();
    if (data == null) {
      return List.of();
    }
    return List.of(
        "model: " + data.model().name() + " (" + data.model().backend() + ")",
        "shown: " + caption.getText(),
        "kind: " + selection.kind().id(),
        "filter: " + selection.filter(),
        "layer: " + selection.layer(),
        "heads: " + selection.activeHeads(data.primary().headCount()),
        "aggregation: mean of the active heads; hide special tokens "
            + viewModel.isHideSpecialTokens()
            + ", word level "
            + viewModel.isWordLevel());
  }

  /** The window title says what the views show, as the caption does. */
  private void updateTitle(AttentionData data, String source) {
    setTitle(ShownCaption.describe(data, source) + " \u2014 attnviz");
  }

  /** Clears an error or note of an earlier request; a notice about the app stays. */
  private void clearRequestMessages() {
    if (banner.kind() != MessageBanner.Kind.NOTICE) {
      banner.clear();
    }
  }

  private void cancel() {
    if (status.isBusy()) {
      service.cancel();
      status.idle("Cancelled. The model may finish loading in the background.");
    }
  }

  private void showError(String message) {
    banner.show(MessageBanner.Kind.ERROR, message);
  }

  private void refreshRecentMenu() {
    menus.refreshRecent(settings.recentInputs());
  }

  private void exportJson() {
    if (viewModel.data() == null) {
      showError("Nothing to export yet: visualize a sentence or open a file first.");
      return;
    }
    exports.json(viewModel.data());
  }

  private void setTheme(String theme) {
    settings = settings.withTheme(theme);
    Themes.switchTo(settings.isDark());
  }

  private void bindCancelKey() {
    JComponent root = getRootPane();
    root.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
        .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "attnviz.cancel");
    root.getActionMap()
        .put(
            "attnviz.cancel",
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                cancel();
              }
            });
  }

  private void saveSettings() {
    boolean maximized = (getExtendedState() & Frame.MAXIMIZED_BOTH) != 0;
    Rectangle bounds =
        WindowBounds.clamp(
            maximized && settings.windowBounds() != null ? settings.windowBounds() : getBounds(),
            WindowBounds.screens());
    settings =
        input
            .storeInto(settings)
            .withWindow(bounds, maximized, tabs.selectedIndex())
            .withExport(exports.settings());
    try {
      store.save(settings);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot save settings to " + store.file(), e);
      status.idle("Could not save settings to " + store.file() + ": " + e.getMessage());
    }
  }
}
