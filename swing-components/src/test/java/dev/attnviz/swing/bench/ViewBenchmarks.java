package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Paint times of the views on 12 layers × 12 heads of synthetic BERT-like attention at 128 and 512
 * tokens, headless, into images at scale 1 (a real screen adds the blit). Numbers and the command
 * to run them are in {@code docs/performance/views.md}.
 *
 * <p>Painting happens on the benchmark thread, not the EDT: the views are not shown, so no other
 * thread touches them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Djava.awt.headless=true", "-Xmx3g"})
public class ViewBenchmarks {

  /**
   * A maximised full-HD window's viewport, for paints limited to what is on screen: wide enough for
   * the model view's 12 × 12 grid and its detail pane.
   */
  static final Rectangle VIEWPORT = new Rectangle(0, 0, 1800, 1000);

  /** The data, built once per trial. */
  @State(Scope.Benchmark)
  public static class Data {
    /** Token count. */
    @Param({"128", "512"})
    public int tokens;

    AttentionData data;

    /** Builds the attention. */
    @Setup(Level.Trial)
    public void build() {
      data = SyntheticAttention.realistic(tokens, 12, 12, 42);
    }
  }

  /** A model view painted for the first time: new view, empty thumbnail cache. */
  @State(Scope.Thread)
  public static class FreshModelView {
    ModelView view;
    BufferedImage image;

    /** A new view for every paint. */
    @Setup(Level.Invocation)
    public void create(Data data) {
      view = new ModelView(new AttentionViewModel(data.data), new AttentionSelectionModel());
      view.setControlsVisible(false);
      Dimension size = view.getPreferredSize();
      view.setSize(size);
      if (image == null || image.getWidth() != size.width || image.getHeight() != size.height) {
        image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_ARGB);
      }
    }
  }

  /** A model view whose thumbnails are cached, as after its first paint. */
  @State(Scope.Thread)
  public static class WarmModelView {
    ModelView view;
    AttentionSelectionModel selection;
    BufferedImage image;
    int step;

    /** Paints once so that every thumbnail is cached. */
    @Setup(Level.Trial)
    public void create(Data data) {
      selection = new AttentionSelectionModel();
      view = new ModelView(new AttentionViewModel(data.data), selection);
      view.setControlsVisible(false);
      selection.toggleCell(new LayerHead(0, 0));
      view.setSize(view.getPreferredSize());
      image = new BufferedImage(VIEWPORT.width, VIEWPORT.height, BufferedImage.TYPE_INT_ARGB);
      paint(view, image, VIEWPORT);
    }
  }

  /** A head view with all heads active. */
  @State(Scope.Thread)
  public static class Head {
    HeadView view;
    AttentionSelectionModel selection;
    BufferedImage full;
    BufferedImage viewport;
    Rectangle middle;
    int step;

    /** Sizes the view to its content. */
    @Setup(Level.Trial)
    public void create(Data data) {
      selection = new AttentionSelectionModel();
      view = new HeadView(new AttentionViewModel(data.data), selection);
      view.setControlsVisible(false);
      Dimension size = view.getPreferredSize();
      view.setSize(size);
      full = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_ARGB);
      int height = Math.min(VIEWPORT.height, size.height);
      viewport = new BufferedImage(size.width, height, BufferedImage.TYPE_INT_ARGB);
      middle = new Rectangle(0, (size.height - height) / 2, size.width, height);
    }
  }

  static BufferedImage paint(javax.swing.JComponent view, BufferedImage image, Rectangle area) {
    Graphics2D g = image.createGraphics();
    try {
      g.translate(-area.x, -area.y);
      g.clipRect(area.x, area.y, area.width, area.height);
      view.paint(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  /** ModelView: first full paint of the whole grid, building every thumbnail. */
  @Benchmark
  public BufferedImage modelViewFirstPaint(FreshModelView state) {
    return paint(
        state.view,
        state.image,
        new Rectangle(0, 0, state.image.getWidth(), state.image.getHeight()));
  }

  /** ModelView: select another thumbnail (detail moves), then repaint the viewport. */
  @Benchmark
  public BufferedImage modelViewRepaintAfterSelection(WarmModelView state) {
    state.step++;
    state.selection.toggleCell(new LayerHead(state.step % 12, (state.step / 12) % 12));
    return paint(state.view, state.image, VIEWPORT);
  }

  /** ModelView: hover another token in the detail pane, then repaint the viewport. */
  @Benchmark
  public BufferedImage modelViewRepaintAfterHover(WarmModelView state) {
    state.step++;
    state.selection.setHoveredToken(TokenRef.query(state.step % 20));
    return paint(state.view, state.image, VIEWPORT);
  }

  /** HeadView, all heads active: paint the whole content (every token row). */
  @Benchmark
  public BufferedImage headViewFullPaintAllHeads(Head state) {
    return paint(
        state.view, state.full, new Rectangle(0, 0, state.full.getWidth(), state.full.getHeight()));
  }

  /** HeadView, all heads active: paint one screenful in the middle of the content. */
  @Benchmark
  public BufferedImage headViewViewportPaintAllHeads(Head state) {
    return paint(state.view, state.viewport, state.middle);
  }

  /** HeadView: hover another token, then repaint one screenful. */
  @Benchmark
  public BufferedImage headViewRepaintAfterHover(Head state) {
    state.step++;
    int row = state.middle.y / 20 + state.step % 20;
    state.selection.setHoveredToken(TokenRef.query(row));
    return paint(state.view, state.viewport, state.middle);
  }
}
