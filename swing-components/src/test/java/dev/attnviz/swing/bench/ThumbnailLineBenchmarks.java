package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.OnScreenModelView;
import dev.attnviz.swing.ThumbnailMode;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.HeadPalette;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.render.ThumbnailPainter;
import dev.attnviz.swing.render.TokenColumnsPainter;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.swing.SwingUtilities;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Model-view thumbnails in lines mode, 12 layers × 12 heads of synthetic BERT-like attention, side
 * by side: every thumbnail stroked line by line (the code before issue 18, kept as {@link
 * ThumbnailPainter#renderStroked}) against the density image ({@link ThumbnailPainter#render}),
 * both built in parallel as the thumbnail cache builds them, and the whole first paint of a model
 * view in lines mode. Numbers and the command are in {@code docs/PERFORMANCE.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Djava.awt.headless=true", "-Xmx3g"})
public class ThumbnailLineBenchmarks {

  /** The data and the thumbnails' size, built once per trial. */
  @State(Scope.Benchmark)
  public static class Data {
    /** Token count. */
    @Param({"16", "64", "512"})
    public int tokens;

    AttentionData data;
    ShownAttention shown;
    ThumbnailPainter painter;
    int side;

    /** Builds the attention and measures the thumbnails a model view draws. */
    @Setup(Level.Trial)
    public void build() {
      data = SyntheticAttention.realistic(tokens, 12, 12, 42);
      AttentionViewModel model = new AttentionViewModel(data);
      shown = ShownAttention.of(model, new AttentionSelectionModel()).orElseThrow();
      painter = new ThumbnailPainter(Color.WHITE, TokenColumnsPainter.DEFAULT_MIN_ALPHA);
      side = ModelView.DEFAULT_THUMBNAIL_SIZE.width;
    }

    List<int[]> cells() {
      return IntStream.range(0, 144).mapToObj(i -> new int[] {i / 12, i % 12}).toList();
    }
  }

  /** A model view in lines mode painted for the first time. */
  @State(Scope.Thread)
  public static class FreshLinesView {
    ModelView view;
    BufferedImage image;

    /** A new view for every paint. */
    @Setup(Level.Invocation)
    public void create(Data data) {
      view = newView(new AttentionViewModel(data.data));
      view.setThumbnailMode(ThumbnailMode.LINES);
      view.setControlsVisible(false);
      Dimension size = view.getPreferredSize();
      view.setSize(size);
      if (image == null || image.getWidth() != size.width || image.getHeight() != size.height) {
        image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_ARGB);
      }
    }

    /** The view to paint. */
    ModelView newView(AttentionViewModel model) {
      return new ModelView(model, new AttentionSelectionModel());
    }
  }

  /**
   * A model view in lines mode that builds its line thumbnails on a background executor, painted
   * for the first time: heatmaps stand in until the lines are built.
   */
  @State(Scope.Thread)
  public static class FreshProgressiveView extends FreshLinesView {
    /** A new view for every paint, with a background executor for its lines. */
    @Override
    @Setup(Level.Invocation)
    public void create(Data data) {
      super.create(data);
      view.setThumbnailExecutor(ForkJoinPool.commonPool());
    }

    /** Stops the lines still being built, so they do not load the next measurement. */
    @TearDown(Level.Invocation)
    public void stop() {
      view.dispose();
    }
  }

  /**
   * A model view in lines mode as on screen, without a host's executor: the library's default,
   * where missing lines are built on the library's background thread while heatmaps stand in (in
   * the code before the fifth round of issue 18: every line built while painting).
   */
  @State(Scope.Thread)
  public static class FreshOnScreenView extends FreshLinesView {
    @Override
    ModelView newView(AttentionViewModel model) {
      return new OnScreenModelView(model);
    }

    /** Stops the lines still being built, so they do not load the next measurement. */
    @TearDown(Level.Invocation)
    public void stop() throws Exception {
      SwingUtilities.invokeAndWait(view::dispose);
    }
  }

  /**
   * ModelView in lines mode on screen, the library's default: the first full paint of the grid
   * (heatmaps and the note while the lines are built in the background).
   */
  @Benchmark
  public BufferedImage modelViewFirstPaintLinesOnScreen(FreshOnScreenView state) {
    return modelViewFirstPaintLines(state);
  }

  /**
   * ModelView in lines mode on screen, the library's default: from the first paint until the lines
   * are painted (the first paint, the background build, the repaint that shows the lines).
   */
  @Benchmark
  public BufferedImage modelViewLinesPaintedOnScreen(FreshOnScreenView state) throws Exception {
    modelViewFirstPaintLines(state);
    OnScreenModelView view = (OnScreenModelView) state.view;
    // Every look is a round trip to the EDT: every 5 ms, not to load the process CPU time measured.
    while (view.linesPending()) {
      Thread.sleep(5);
    }
    return modelViewFirstPaintLines(state);
  }

  /** The old path: 144 thumbnails stroked line by line, in parallel. */
  @Benchmark
  public long strokedThumbnails(Data data) {
    return data.cells().parallelStream()
        .mapToLong(
            c ->
                data.painter
                    .renderStroked(
                        data.shown,
                        c[0],
                        c[1],
                        HeadPalette.color(c[0], 12, false),
                        data.side,
                        data.side)
                    .getRGB(data.side / 2, data.side / 2))
        .sum();
  }

  /** The new path: 144 thumbnails as density images, in parallel. */
  @Benchmark
  public long densityThumbnails(Data data) {
    return data.cells().parallelStream()
        .mapToLong(
            c ->
                data.painter
                    .render(
                        data.shown,
                        c[0],
                        c[1],
                        HeadPalette.color(c[0], 12, false),
                        ThumbnailPainter.Style.LINES,
                        data.side,
                        data.side,
                        1.0)
                    .getRGB(data.side / 2, data.side / 2))
        .sum();
  }

  /**
   * ModelView in lines mode with a background executor: the first full paint of the grid, which
   * shows heatmaps and the note while the lines are built.
   */
  @Benchmark
  public BufferedImage modelViewFirstPaintLinesProgressive(FreshProgressiveView state) {
    return ViewBenchmarks.paint(
        state.view,
        state.image,
        new Rectangle(0, 0, state.image.getWidth(), state.image.getHeight()));
  }

  /** ModelView in lines mode: first full paint of the whole grid, building every thumbnail. */
  @Benchmark
  public BufferedImage modelViewFirstPaintLines(FreshLinesView state) {
    return ViewBenchmarks.paint(
        state.view,
        state.image,
        new Rectangle(0, 0, state.image.getWidth(), state.image.getHeight()));
  }
}
