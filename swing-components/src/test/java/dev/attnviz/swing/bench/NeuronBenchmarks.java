package dev.attnviz.swing.bench;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The neuron view expanded, one layer's head of synthetic BERT-like attention with query and key
 * vectors of 64 dimensions (12 layers × 12 heads), painted headless into a viewport of {@link
 * ViewBenchmarks#VIEWPORT}'s size in the middle of the rows: the first paint of a new view, a
 * repaint of the whole viewport, and a hover, timed as the view's own repaint request (recorded by
 * {@link DirtyRegions}) painted. Numbers and the command are in {@code docs/PERFORMANCE.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(
    value = 1,
    jvmArgs = {"-Djava.awt.headless=true", "-Xmx3g"})
public class NeuronBenchmarks {

  /** {@link ViewBenchmarks.Data}'s attention (128 and 512 tokens) with query and key vectors. */
  @State(Scope.Benchmark)
  public static class Data {
    AttentionData data;
    int tokens;

    /** Adds the vectors. */
    @Setup(Level.Trial)
    public void build(ViewBenchmarks.Data weights) {
      data = withVectors(weights.data, 64);
      tokens = weights.tokens;
    }
  }

  /** A view with a token hovered in the middle, and a viewport around it. */
  @State(Scope.Thread)
  public static class Shown {
    NeuronView view;
    AttentionSelectionModel selection;
    BufferedImage image;
    Rectangle viewport;
    DirtyRegions dirty;
    int tokens;
    int step;

    /** A new view for every trial, painted once. */
    @Setup(Level.Trial)
    public void create(Data data) {
      dirty = DirtyRegions.install();
      tokens = data.tokens;
      selection = new AttentionSelectionModel();
      view = open(data, selection);
      viewport = middle(view);
      image = image(viewport);
      ViewBenchmarks.paint(view, image, viewport);
      dirty.take(viewport);
    }
  }

  /** A new view for every invocation, not painted yet. */
  @State(Scope.Thread)
  public static class Fresh {
    NeuronView view;
    BufferedImage image;
    Rectangle viewport;

    /** Creates the view. */
    @Setup(Level.Invocation)
    public void create(Data data) {
      view = open(data, new AttentionSelectionModel());
      viewport = middle(view);
      if (image == null) {
        image = image(viewport);
      }
    }
  }

  static NeuronView open(Data data, AttentionSelectionModel selection) {
    NeuronView view = new NeuronView(new AttentionViewModel(data.data), selection);
    view.setControlsVisible(false);
    // Hovered, not locked: a hover then moves the selected query, as the mouse does.
    selection.setHoveredToken(TokenRef.query(data.tokens / 2));
    Dimension size = view.getPreferredSize();
    view.setSize(size);
    return view;
  }

  static Rectangle middle(NeuronView view) {
    Dimension size = view.getSize();
    int height = Math.min(ViewBenchmarks.VIEWPORT.height, size.height);
    int width = Math.min(ViewBenchmarks.VIEWPORT.width, size.width);
    return new Rectangle(0, (size.height - height) / 2, width, height);
  }

  static BufferedImage image(Rectangle viewport) {
    return new BufferedImage(viewport.width, viewport.height, BufferedImage.TYPE_INT_ARGB);
  }

  /** A new view's first paint of one viewport. */
  @Benchmark
  public BufferedImage firstPaint(Fresh state) {
    return ViewBenchmarks.paint(state.view, state.image, state.viewport);
  }

  /** The whole viewport painted again (e.g. after another window uncovered it). */
  @Benchmark
  public BufferedImage fullRepaint(Shown state) {
    return ViewBenchmarks.paint(state.view, state.image, state.viewport);
  }

  /** Another query token hovered, then what the view asks to repaint. */
  @Benchmark
  public BufferedImage hoverRepaint(Shown state) {
    state.step++;
    int middle = state.tokens / 2;
    state.selection.setHoveredToken(TokenRef.query(middle - 5 + state.step % 10));
    Rectangle area = state.dirty.take(state.viewport);
    return area.isEmpty() ? state.image : ViewBenchmarks.paint(state.view, state.image, area);
  }

  /** {@code data} with random query and key vectors of {@code dim} dimensions added. */
  static AttentionData withVectors(AttentionData data, int dim) {
    Attention self = data.attention(AttentionKind.SELF);
    Tensor4D w = self.weights();
    Random random = new Random(7);
    Tensor4D.Builder q = Tensor4D.builder(w.dim0(), w.dim1(), w.dim2(), dim);
    Tensor4D.Builder k = Tensor4D.builder(w.dim0(), w.dim1(), w.dim3(), dim);
    float[] row = new float[dim];
    for (int l = 0; l < w.dim0(); l++) {
      for (int h = 0; h < w.dim1(); h++) {
        for (int t = 0; t < w.dim2(); t++) {
          for (int d = 0; d < dim; d++) {
            row[d] = (float) (random.nextGaussian() * 2);
          }
          q.setRow(l, h, t, row, 0);
          for (int d = 0; d < dim; d++) {
            row[d] = (float) (random.nextGaussian() * 2);
          }
          k.setRow(l, h, t, row, 0);
        }
      }
    }
    return AttentionData.builder()
        .setModel(data.model())
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setQueryTokens(self.queryTokens())
                .setKeyTokens(self.keyTokens())
                .setWeights(w)
                .optVectors(q.build(), k.build())
                .build())
        .build();
  }
}
