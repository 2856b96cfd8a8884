package dev.attnviz.demo.cli;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.core.analysis.TokenWindow;
import dev.attnviz.demo.OutputFiles;
import dev.attnviz.demo.PhaseTiming;
import dev.attnviz.demo.app.Themes;
import dev.attnviz.swing.DisplayMode;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.export.ExportBackground;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronMode;
import dev.attnviz.swing.neuron.NeuronView;
import java.awt.Dimension;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import javax.swing.SwingUtilities;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code attnviz render}: draws a view to PNG or SVG exactly as the app shows it. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the head, model or neuron view of attention to a PNG or SVG file, as the app shows it.",
      "Attention comes from a file (--input) or is computed (--backend, --text)."
    })
final class RenderCommand implements Callable<Integer> {

  /** The views this command can draw. */
  enum ViewName {
    head,
    model,
    neuron
  }

  /** The themes. */
  enum Theme {
    light,
    dark
  }

  /** The picture backgrounds, as typed on the command line. */
  enum Background {
    white(ExportBackground.WHITE),
    transparent(ExportBackground.TRANSPARENT),
    theme(ExportBackground.THEME);

    final ExportBackground export;

    Background(ExportBackground export) {
      this.export = export;
    }
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--view",
      required = true,
      paramLabel = "VIEW",
      description = "head, model or neuron.")
  ViewName view;

  @Mixin InputOptions input;

  @Mixin ComputeOptions compute;

  @Option(names = "--layer", paramLabel = "N", description = "Layer to show (default 0).")
  Integer layer;

  @Option(
      names = "--heads",
      paramLabel = "H,H",
      split = ",",
      description = "Active heads of the head view, e.g. 0,3 (default all).")
  List<Integer> heads;

  @Option(
      names = "--head",
      paramLabel = "N",
      description = "Head of the neuron view; with --layer, the selected cell of the model view.")
  Integer head;

  @Option(
      names = "--token",
      paramLabel = "I",
      description = "Index of the query token to select (lock), as a click would.")
  Integer token;

  @Option(
      names = "--filter",
      paramLabel = "F",
      description = "Sentence-pair filter: all, aa, ab, ba or bb (default all).")
  String filter;

  @Option(
      names = "--display",
      paramLabel = "MODE",
      description = "Head view drawing: lines or heatmap (default lines).")
  String display;

  @Option(
      names = "--theme",
      paramLabel = "THEME",
      defaultValue = "light",
      description = "light or dark (default ${DEFAULT-VALUE}).")
  Theme theme;

  @Option(
      names = "--background",
      paramLabel = "BG",
      description =
          "white, transparent or theme (default white; theme with --theme dark). White and"
              + " transparent pictures use light colours.")
  Background background;

  @Option(
      names = "--scale",
      paramLabel = "S",
      defaultValue = "2",
      description = "PNG pixels per point, e.g. 1, 2 or 3.5 (default ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--token-range",
      paramLabel = "FIRST:LAST",
      description = {
        "Draw only the tokens FIRST to LAST (both included, from 0), e.g. 0:255, for inputs too"
            + " long for one image; weights to tokens outside the range are left out."
      })
  String tokenRange;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "Output file; .png or .svg.")
  Path out;

  @Override
  public Integer call() throws Exception {
    String format = format();
    if (!(scale > 0) || scale > 16) {
      throw usage("--scale must be above 0 and at most 16, got " + scale);
    }
    PhaseTiming.mark("main");
    AttentionData data = readOrCompute();
    PhaseTiming.mark("read");
    if (tokenRange != null) {
      data = window(data);
    }
    // A large dump's values are checked (a pass over the file, on two threads) while the theme and
    // the view are set up (most of a second, mostly on one thread); the result is awaited before
    // anything is drawn.
    CompletableFuture<Optional<String>> valueCheck = startValueCheck(data);
    Themes.install(theme == Theme.dark);
    ExportableView shown = build(data);
    PhaseTiming.mark("view built");
    requireValidShownHeads(valueCheck);
    PhaseTiming.mark("values checked");
    // A dark theme asked for without a background means the dark picture, as on screen.
    ExportBackground on =
        background != null
            ? background.export
            : theme == Theme.dark ? ExportBackground.THEME : ExportBackground.WHITE;
    if (format.equals("png")) {
      requireFits(shown, data);
      OutputFiles.writePng(shown, scale, on, out);
    } else {
      OutputFiles.writeSvg(shown, on, out);
    }
    PhaseTiming.mark("written");
    return Cli.OK;
  }

  private String format() {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "png";
    }
    if (name.endsWith(".svg")) {
      return "svg";
    }
    throw usage("--out must end in .png or .svg, got " + out.getFileName());
  }

  /** The tokens of {@code --token-range FIRST:LAST}. */
  private AttentionData window(AttentionData data) {
    String[] parts = tokenRange.split(":", -1);
    int first;
    int last;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      first = Integer.parseInt(parts[0].strip());
      last = Integer.parseInt(parts[1].strip());
    } catch (NumberFormatException e) {
      throw usage(
          "--token-range must be FIRST:LAST, two token indexes such as 0:255, got " + tokenRange);
    }
    if (first < 0 || last < first) {
      throw usage("--token-range " + tokenRange + ": FIRST must be at least 0 and at most LAST");
    }
    int count = data.attention(input.kind(data)).queryTokens().size();
    if (first >= count) {
      throw usage(
          "--token-range "
              + tokenRange
              + " starts past the end: there are "
              + count
              + " tokens (0 to "
              + (count - 1)
              + ")");
    }
    return TokenWindow.of(data, first, (int) Math.min((long) last + 1, count));
  }

  /**
   * Refuses a head view too large for one PNG with the token range and the scale that would fit,
   * before anything is drawn. Other views keep the exporter's own message (their size does not grow
   * with the tokens alone).
   */
  private void requireFits(ExportableView shown, AttentionData data)
      throws InterruptedException, InvocationTargetException {
    Dimension size = shown.exportSize();
    int max = ViewExporter.MAX_PNG_SIDE;
    if (view != ViewName.head
        || (Math.ceil(size.width * scale) <= max && Math.ceil(size.height * scale) <= max)) {
      return;
    }
    int count = data.attention(input.kind(data)).queryTokens().size();
    int few = Math.min(FEW_TOKENS, count - 1);
    if (few < 1) {
      return;
    }
    Dimension fewSize = build(TokenWindow.of(data, 0, few), false).exportSize();
    throw new IllegalArgumentException(
        new TokenRangeFit(count, size, few, fewSize).advice(scale, max));
  }

  /** Tokens of the small picture that, with the whole one, tells how the size grows. */
  private static final int FEW_TOKENS = 8;

  private AttentionData readOrCompute() throws Exception {
    if (input.hasInput() == compute.hasText()) {
      throw usage("give either --input FILE or --text TEXT (with --backend), not both or neither");
    }
    return input.hasInput() ? input.read() : compute.compute(view == ViewName.neuron);
  }

  private ExportableView build(AttentionData data)
      throws InterruptedException, InvocationTargetException {
    return build(data, true);
  }

  /**
   * The view of {@code data} with the options applied; without {@code withToken}, the {@code
   * --token} option is left out (to measure a picture of fewer tokens than it names).
   */
  private ExportableView build(AttentionData data, boolean withToken)
      throws InterruptedException, InvocationTargetException {
    // Validate before touching Swing, so usage errors are reported as such.
    AttentionKind kind = input.kind(data);
    Attention attention = data.attention(kind);
    SentenceFilter sentenceFilter = filter == null ? SentenceFilter.ALL : parseFilter(data);
    check("--layer", layer, attention.layerCount(), "layers");
    check("--head", head, attention.headCount(), "heads");
    Integer lockedToken = withToken ? token : null;
    check("--token", lockedToken, attention.queryTokens().size(), "query tokens");
    BitSet active = activeHeads(attention.headCount());
    DisplayMode displayMode = displayMode();

    ExportableView[] result = new ExportableView[1];
    SwingUtilities.invokeAndWait(
        () -> {
          AttentionViewModel model = new AttentionViewModel();
          AttentionSelectionModel selection = new AttentionSelectionModel();
          ExportableView created = create(model, selection, displayMode);
          model.setData(data);
          selection.batch(
              () -> {
                selection.setKind(kind);
                selection.setFilter(sentenceFilter);
                if (layer != null) {
                  selection.setLayer(layer);
                }
                if (active != null) {
                  selection.setActiveHeads(active);
                }
                if (head != null) {
                  selection.setFocusHead(head);
                  if (view == ViewName.model && layer != null) {
                    selection.setSelectedCell(new LayerHead(layer, head));
                  }
                }
                if (lockedToken != null) {
                  selection.setLockedToken(TokenRef.query(lockedToken));
                }
              });
          result[0] = created;
        });
    return result[0];
  }

  /**
   * Starts checking the values of the heads the picture shows, on a thread of its own (a parallel
   * check started from the common pool would get no second thread on two cores). A large dump's
   * heads are checked only when looked at (see {@link Attention#problem}); a file of wrong numbers
   * must not become a plausible picture. A usage error (an unknown kind) ends the check with that
   * error, which {@link #build} reports first.
   */
  private CompletableFuture<Optional<String>> startValueCheck(AttentionData data) {
    return CompletableFuture.supplyAsync(
        () -> shownProblem(data.attention(input.kind(data))),
        task -> {
          Thread thread = new Thread(task, "attnviz-value-check");
          thread.setDaemon(true);
          thread.start();
        });
  }

  /** The first problem of the heads the picture shows, if any. */
  private Optional<String> shownProblem(Attention attention) {
    if (view == ViewName.model) {
      return attention.firstProblem();
    }
    int shownLayer = layer == null ? 0 : layer;
    return IntStream.range(0, attention.headCount())
        .mapToObj(h -> attention.problem(shownLayer, h))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** Waits for {@link #startValueCheck} and fails, naming the bad weight, if it found one. */
  private static void requireValidShownHeads(CompletableFuture<Optional<String>> check) {
    Optional<String> problem;
    try {
      problem = check.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get() + "; nothing was drawn");
    }
  }

  private ExportableView create(
      AttentionViewModel model, AttentionSelectionModel selection, DisplayMode displayMode) {
    return switch (view) {
      case head -> {
        HeadView headView = new HeadView(model, selection);
        headView.setDisplayMode(displayMode);
        yield headView;
      }
      case model -> new ModelView(model, selection);
      case neuron -> {
        NeuronView neuronView = new NeuronView(model, selection);
        neuronView.setMode(NeuronMode.EXPANDED);
        yield neuronView;
      }
    };
  }

  private SentenceFilter parseFilter(AttentionData data) {
    SentenceFilter parsed;
    try {
      parsed = SentenceFilter.fromId(filter);
    } catch (IllegalArgumentException e) {
      throw usage("--filter: " + e.getMessage());
    }
    if (parsed != SentenceFilter.ALL && !data.isPair()) {
      throw usage("--filter " + filter + " needs a sentence pair, but this input is one sentence");
    }
    return parsed;
  }

  private DisplayMode displayMode() {
    if (display == null || display.equalsIgnoreCase("lines")) {
      return DisplayMode.LINES;
    }
    // "matrix" was the old name of the heatmap; scripts that use it keep working.
    if (display.equalsIgnoreCase("heatmap") || display.equalsIgnoreCase("matrix")) {
      return DisplayMode.HEATMAP;
    }
    throw usage("--display must be lines or heatmap, got " + display);
  }

  private BitSet activeHeads(int headCount) {
    if (heads == null) {
      return null;
    }
    BitSet active = new BitSet();
    for (int h : heads) {
      check("--heads", h, headCount, "heads");
      active.set(h);
    }
    return active;
  }

  private void check(String option, Integer value, int count, String what) {
    if (value != null && (value < 0 || value >= count)) {
      throw usage(
          option
              + " "
              + value
              + " is out of range: the data has "
              + count
              + " "
              + what
              + " (0 to "
              + (count - 1)
              + ")");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
