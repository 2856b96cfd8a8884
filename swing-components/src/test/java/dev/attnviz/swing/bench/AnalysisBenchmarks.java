package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.SyntheticAttention;
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
 * What the analysis views compute when the data or a display option changes, on 12 layers × 12
 * heads of synthetic BERT-like attention: the display data with special tokens hidden or at word
 * level (on the EDT, when the option is ticked), the head statistics and the rollout (on a
 * background thread above a few million operations). Numbers and the command are in {@code
 * docs/performance/analysis-views.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Djava.awt.headless=true", "-Xmx3g"})
public class AnalysisBenchmarks {

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

  /** Ticking "Hide special tokens": a new model computes its display data. */
  @Benchmark
  public AttentionData displayDataHidingSpecialTokens(Data data) {
    AttentionViewModel model = new AttentionViewModel(data.data);
    model.setHideSpecialTokens(true);
    return model.displayData();
  }

  /** Ticking "Word level". */
  @Benchmark
  public AttentionData displayDataAtWordLevel(Data data) {
    AttentionViewModel model = new AttentionViewModel(data.data);
    model.setWordLevel(true);
    return model.displayData();
  }

  /** The eight statistics of all 144 heads. */
  @Benchmark
  public HeadStatistics headStatistics(Data data) {
    return HeadStatistics.of(data.data);
  }

  /** The rollout after every layer. */
  @Benchmark
  public Rollout rollout(Data data) {
    return Rollout.of(data.data, AttentionKind.SELF);
  }
}
