package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.demo.PhaseTiming;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code attnviz stats}: per-head statistics as CSV on stdout. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Print head statistics as CSV: kind,layer,head,"
          + "entropy,first,special,self,prev,next,"
          + "distance,confidence; one row per head.",
      "Each statistic is a mean over query rows (formulas: docs/FORMAT.md, core analysis"
          + " Javadoc). Undefined values (e.g. prev for one token) are empty cells."
    })
final class StatsCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    if (!input.hasInput()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required option: '--input=FILE'");
    }
    PhaseTiming.mark("main");
    AttentionData data = input.read();
    PhaseTiming.mark("read");
    HeadStatistics statistics = HeadStatistics.of(data);
    PhaseTiming.mark("statistics");
    List<HeadSummary> rows =
        input.kind == null ? statistics.heads() : statistics.heads(input.kind(data));
    PrintWriter out = spec.commandLine().getOut();
    out.print("kind,layer,head," + Statistic.idList() + "\n");
    for (HeadSummary row : rows) {
      StringBuilder line = new StringBuilder();
      line.append(row.kind().id()).append(',').append(row.layer()).append(',').append(row.head());
      for (Statistic statistic : Statistic.values()) {
        double value = row.value(statistic);
        line.append(',');
        if (!Double.isNaN(value)) {
          SixDecimals.append(value, line);
        }
      }
      out.print(line.append('\n'));
    }
    out.flush();
    PhaseTiming.mark("written");
    return Cli.OK;
  }
}
