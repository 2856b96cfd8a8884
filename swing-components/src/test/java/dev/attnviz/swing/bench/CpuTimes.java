package dev.attnviz.swing.bench;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JMH scenarios of {@link ViewBenchmarks}, {@link NeuronBenchmarks}, {@link
 * ThumbnailLineBenchmarks} and {@link AnalysisBenchmarks}, timed as CPU time per operation besides
 * wall time: on a machine shared with other builds, wall time measures the load, CPU time what the
 * work costs. The calling thread's CPU time is what a paint on the EDT costs; the process's (in
 * steps of 10 ms) adds the worker threads of parallel work, the garbage collector and the compiler.
 * Medians of a few runs after a warm-up. Run with the test classpath: {@code java -cp ...
 * dev.attnviz.swing.bench.CpuTimes [filter]}; numbers in {@code docs/PERFORMANCE.md}.
 */
public final class CpuTimes {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final java.lang.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean();

  private final String filter;

  private CpuTimes(String filter) {
    this.filter = filter;
  }

  /** An operation with an untimed set-up before each run. */
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Runs the scenarios whose names contain the first argument (all without one).
   *
   * @param args an optional filter
   * @throws Exception if a scenario fails
   */
  public static void main(String[] args) throws Exception {
    CpuTimes times = new CpuTimes(args.length > 0 ? args[0] : "");
    for (int tokens : new int[] {128, 512}) {
      times.neuron(tokens);
    }
    for (int tokens : new int[] {16, 32, 64, 512}) {
      times.lines(tokens);
    }
    times.modelView(512);
    times.displayData(512);
    times.bigModelView();
  }

  private void neuron(int tokens) throws Exception {
    ViewBenchmarks.Data weights = new ViewBenchmarks.Data();
    weights.tokens = tokens;
    if (!wanted("neuron", tokens)) {
      return;
    }
    weights.build();
    NeuronBenchmarks.Data data = new NeuronBenchmarks.Data();
    data.build(weights);
    NeuronBenchmarks bench = new NeuronBenchmarks();
    NeuronBenchmarks.Fresh fresh = new NeuronBenchmarks.Fresh();
    time("neuron.firstPaint", tokens, 12, () -> fresh.create(data), () -> bench.firstPaint(fresh));
    NeuronBenchmarks.Shown shown = new NeuronBenchmarks.Shown();
    shown.create(data);
    time("neuron.fullRepaint", tokens, 20, () -> {}, () -> bench.fullRepaint(shown));
    time("neuron.hoverRepaint", tokens, 20, () -> {}, () -> bench.hoverRepaint(shown));
  }

  private void lines(int tokens) throws Exception {
    if (!wanted("lines", tokens)) {
      return;
    }
    ThumbnailLineBenchmarks.Data data = new ThumbnailLineBenchmarks.Data();
    data.tokens = tokens;
    data.build();
    ThumbnailLineBenchmarks bench = new ThumbnailLineBenchmarks();
    ThumbnailLineBenchmarks.FreshLinesView fresh = new ThumbnailLineBenchmarks.FreshLinesView();
    time(
        "modelView.firstPaintLines",
        tokens,
        5,
        () -> fresh.create(data),
        () -> bench.modelViewFirstPaintLines(fresh));
    progressive(bench, data, tokens);
    ThumbnailLineBenchmarks.FreshOnScreenView onScreen =
        new ThumbnailLineBenchmarks.FreshOnScreenView();
    time(
        "modelView.firstPaintLinesOnScreen",
        tokens,
        8,
        () -> onScreen.create(data),
        () -> {
          bench.modelViewFirstPaintLinesOnScreen(onScreen);
          onScreen.stop();
        });
    time(
        "modelView.linesPaintedOnScreen",
        tokens,
        5,
        () -> onScreen.create(data),
        () -> bench.modelViewLinesPaintedOnScreen(onScreen));
  }

  /** The progressive variant, where the classes have it (not in the code before issue 18). */
  private void progressive(
      ThumbnailLineBenchmarks bench, ThumbnailLineBenchmarks.Data data, int tokens)
      throws Exception {
    Class<?> type;
    try {
      type = Class.forName(ThumbnailLineBenchmarks.class.getName() + "$FreshProgressiveView");
    } catch (ClassNotFoundException e) {
      return;
    }
    ThumbnailLineBenchmarks.FreshLinesView fresh =
        (ThumbnailLineBenchmarks.FreshLinesView) type.getConstructor().newInstance();
    java.lang.reflect.Method stop = type.getMethod("stop");
    java.lang.reflect.Method paint =
        ThumbnailLineBenchmarks.class.getMethod("modelViewFirstPaintLinesProgressive", type);
    time(
        "modelView.firstPaintLinesProgressive",
        tokens,
        8,
        () -> fresh.create(data),
        () -> {
          paint.invoke(bench, fresh);
          stop.invoke(fresh);
        });
  }

  private void modelView(int tokens) throws Exception {
    if (!wanted("modelView.repaint", tokens)) {
      return;
    }
    ViewBenchmarks.Data data = new ViewBenchmarks.Data();
    data.tokens = tokens;
    data.build();
    ViewBenchmarks bench = new ViewBenchmarks();
    ViewBenchmarks.WarmModelView warm = new ViewBenchmarks.WarmModelView();
    warm.create(data);
    // The rasterised detail lines are Java code that the JIT compiles after some repaints, later
    // still when other processes hold the cores: 200 repaints first, as in a session.
    for (int i = 0; i < 200; i++) {
      bench.modelViewRepaintAfterSelection(warm);
    }
    time(
        "modelView.repaintAfterSelection",
        tokens,
        60,
        () -> {},
        () -> bench.modelViewRepaintAfterSelection(warm));
    time(
        "modelView.repaintAfterHover",
        tokens,
        20,
        () -> {},
        () -> bench.modelViewRepaintAfterHover(warm));
  }

  /**
   * The model view of a GPT-2-medium-sized result ({@link BigModel}, 1.6 GB: run with -Xmx5g): the
   * first paint of a full-HD viewport (thumbnails built), then selection and hover repaints.
   */
  private void bigModelView() throws Exception {
    if (!wanted("big.modelView", BigModel.TOKENS)) {
      return;
    }
    ViewBenchmarks.Data data = new ViewBenchmarks.Data();
    data.tokens = BigModel.TOKENS;
    data.data = BigModel.gpt2Medium();
    ViewBenchmarks bench = new ViewBenchmarks();
    ViewBenchmarks.WarmModelView fresh = new ViewBenchmarks.WarmModelView();
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(
            ViewBenchmarks.VIEWPORT.width,
            ViewBenchmarks.VIEWPORT.height,
            java.awt.image.BufferedImage.TYPE_INT_ARGB);
    time(
        "big.modelView.firstPaintViewport",
        BigModel.TOKENS,
        3,
        () -> {
          fresh.view =
              new dev.attnviz.swing.ModelView(
                  new dev.attnviz.swing.model.AttentionViewModel(data.data),
                  new dev.attnviz.swing.model.AttentionSelectionModel());
          fresh.view.setControlsVisible(false);
          fresh.view.setSize(fresh.view.getPreferredSize());
        },
        () -> ViewBenchmarks.paint(fresh.view, image, ViewBenchmarks.VIEWPORT));
    ViewBenchmarks.WarmModelView warm = new ViewBenchmarks.WarmModelView();
    warm.create(data);
    for (int i = 0; i < 200; i++) {
      bench.modelViewRepaintAfterSelection(warm);
    }
    time(
        "big.modelView.repaintAfterSelection",
        BigModel.TOKENS,
        60,
        () -> {},
        () -> bench.modelViewRepaintAfterSelection(warm));
    time(
        "big.modelView.repaintAfterHover",
        BigModel.TOKENS,
        20,
        () -> {},
        () -> bench.modelViewRepaintAfterHover(warm));
  }

  private void displayData(int tokens) throws Exception {
    if (!wanted("displayData", tokens)) {
      return;
    }
    ViewBenchmarks.Data data = new ViewBenchmarks.Data();
    data.tokens = tokens;
    data.build();
    AnalysisBenchmarks bench = new AnalysisBenchmarks();
    time("displayData.hide", tokens, 8, () -> {}, () -> bench.displayDataHidingSpecialTokens(data));
    time("displayData.words", tokens, 8, () -> {}, () -> bench.displayDataAtWordLevel(data));
    // The synthetic tokens are all whole words, so word level changes nothing there; here every
    // third token continues the word before it (a ## piece), as in real WordPiece text.
    ViewBenchmarks.Data pieces = new ViewBenchmarks.Data();
    pieces.data = withPieces(data.data);
    time("displayData.wordPieces", tokens, 8, () -> {}, () -> bench.displayDataAtWordLevel(pieces));
    // What a tick costs until the picture is back: the transform and the first paint of a view,
    // its viewport in a full-HD window; the paint of the untransformed data alone next to it. The
    // head view shows one layer, the model view every head. 30 runs after 15 of warm-up: a tick
    // that pools one layer calls the pooling kernel 12 times, not 144, and C2 compiles it only
    // after about 13 ticks (before that, the calls ran C1's profiling code at twice the cost).
    for (String view : new String[] {"headView", "modelView"}) {
      boolean grid = view.equals("modelView");
      time("displayData.none+" + view, tokens, 30, () -> {}, () -> firstPaint(data.data, 0, grid));
      time("displayData.hide+" + view, tokens, 30, () -> {}, () -> firstPaint(data.data, 1, grid));
      time(
          "displayData.wordPieces+" + view,
          tokens,
          30,
          () -> {},
          () -> firstPaint(pieces.data, 2, grid));
    }
  }

  /**
   * A new view of {@code data} painted once into a viewport-sized image: {@code option} 0 shows the
   * data as it is, 1 hides special tokens, 2 shows word level; {@code grid} for the model view.
   */
  private static void firstPaint(AttentionData data, int option, boolean grid) {
    AttentionViewModel model = new AttentionViewModel(data);
    model.setHideSpecialTokens(option == 1);
    model.setWordLevel(option == 2);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    AttentionView view = grid ? new ModelView(model, selection) : new HeadView(model, selection);
    view.setControlsVisible(false);
    Dimension size = view.getPreferredSize();
    view.setSize(size);
    int height = Math.min(ViewBenchmarks.VIEWPORT.height, size.height);
    int width = Math.min(ViewBenchmarks.VIEWPORT.width, size.width);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    ViewBenchmarks.paint(view, image, new Rectangle(0, (size.height - height) / 2, width, height));
  }

  private static AttentionData withPieces(AttentionData data) {
    Attention attention = data.primary();
    List<String> strings = new ArrayList<>(attention.queryTokens().strings());
    for (int i = 2; i < strings.size() - 1; i += 3) {
      strings.set(i, "##" + strings.get(i));
    }
    Attention pieces =
        Attention.builder(attention.kind())
            .setTokens(Tokens.of(strings))
            .setWeights(attention.weights())
            .build();
    return AttentionData.builder().setModel(data.model()).addAttention(pieces).build();
  }

  private boolean wanted(String name, int tokens) {
    return (name + " " + tokens).contains(filter) || name.contains(filter);
  }

  private void time(String name, int tokens, int runs, Step setup, Step op) throws Exception {
    for (int i = 0; i < Math.max(3, runs / 2); i++) {
      setup.run();
      op.run();
    }
    List<double[]> samples = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      setup.run();
      long process = OS.getProcessCpuTime();
      long thread = THREADS.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      op.run();
      samples.add(
          new double[] {
            (System.nanoTime() - wall) / 1e6,
            (THREADS.getCurrentThreadCpuTime() - thread) / 1e6,
            (OS.getProcessCpuTime() - process) / 1e6
          });
    }
    System.out.printf(
        Locale.ROOT,
        "%-38s %4d tokens  wall %7.1f  thread cpu %7.1f (min %6.1f)  process cpu %7.1f ms"
            + "  load %s%n",
        name,
        tokens,
        median(samples, 0),
        median(samples, 1),
        samples.stream().mapToDouble(s -> s[1]).min().orElse(0),
        median(samples, 2),
        loadAverage());
  }

  private static double median(List<double[]> samples, int column) {
    double[] sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  /** The one-minute load average, or "?" where /proc does not tell. */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
