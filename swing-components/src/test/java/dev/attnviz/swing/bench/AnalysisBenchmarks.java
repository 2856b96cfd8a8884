package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.swing.model.AttentionViewModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the analysis views compute when the data or a display option changes, on 12 layers × 12
 * heads of synthetic BERT-like attention: the display data with special tokens hidden or at word
 * level (on the EDT, when the option is ticked), the head statistics and the rollout (on a
 * background thread when estimated above 20 ms). The data are those of {@link ViewBenchmarks}: 128
 * and 512 tokens. Numbers and the command are in {@code docs/performance/analysis-views.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Djava.awt.headless=true", "-Xmx3g"})
public class AnalysisBenchmarks {

  /** Ticking "Hide special tokens": a new model computes its display data. */
  @Benchmark
  public AttentionData displayDataHidingSpecialTokens(ViewBenchmarks.Data data) {
    AttentionViewModel model = new AttentionViewModel(data.data);
    model.setHideSpecialTokens(true);
    return model.displayData();
  }

  /** Ticking "Word level". */
  @Benchmark
  public AttentionData displayDataAtWordLevel(ViewBenchmarks.Data data) {
    AttentionViewModel model = new AttentionViewModel(data.data);
    model.setWordLevel(true);
    return model.displayData();
  }

  /** The eight statistics of all 144 heads. */
  @Benchmark
  public HeadStatistics headStatistics(ViewBenchmarks.Data data) {
    return HeadStatistics.of(data.data);
  }

  /** The rollout after every layer. */
  @Benchmark
  public Rollout rollout(ViewBenchmarks.Data data) {
    return Rollout.of(data.data, AttentionKind.SELF);
  }
}
