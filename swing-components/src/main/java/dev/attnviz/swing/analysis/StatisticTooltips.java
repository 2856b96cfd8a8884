package dev.attnviz.swing.analysis;

import dev.attnviz.core.analysis.HeadSummary;
import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.render.AttentionTooltips;
import java.util.ArrayList;
import java.util.List;

/** The tooltips of the statistics heatmap. */
final class StatisticTooltips {

  private StatisticTooltips() {}

  /** The tooltip of one head: every statistic, the shown one first and in bold. */
  static String tooltip(HeadSummary summary, Statistic shown) {
    List<String> lines = new ArrayList<>();
    lines.add(
        Messages.format(
            "statistics.tooltipHead", summary.layer(), summary.head(), summary.kind().id()));
    lines.add(
        "<b>"
            + AttentionTooltips.escape(shown.label())
            + ": "
            + Numbers.text(summary.value(shown))
            + "</b> ("
            + AttentionTooltips.escape(shown.description())
            + ")");
    for (Statistic other : Statistic.values()) {
      if (other != shown) {
        lines.add(
            AttentionTooltips.escape(other.label()) + ": " + Numbers.text(summary.value(other)));
      }
    }
    return "<html>" + String.join("<br>", lines) + "</html>";
  }
}
