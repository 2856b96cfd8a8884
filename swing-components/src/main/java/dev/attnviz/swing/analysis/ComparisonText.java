package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.TokenPrettifier;
import dev.attnviz.core.Tokens;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.AttentionTooltips;
import dev.attnviz.swing.render.MatrixLayout;
import dev.attnviz.swing.render.ShownAttention;
import java.util.ArrayList;
import java.util.List;

/** The words of a comparison: the difference heatmap's labels naming both inputs, and tooltips. */
final class ComparisonText {

  private ComparisonText() {}

  /**
   * A's display data with every token text replaced by "a / b" where A's and B's differ, so that
   * the difference heatmap names both; null if there is nothing to compare.
   */
  static AttentionData labelData(AttentionData a, AttentionData b, AttentionViewModel view) {
    if (a == null || b == null) {
      return null;
    }
    AttentionData.Builder labelled = AttentionData.builder().setModel(a.model());
    for (Attention x : a.attentions()) {
      Attention y = b.has(x.kind()) ? b.attention(x.kind()) : x;
      labelled.addAttention(
          Attention.builder(x.kind())
              .setQueryTokens(joined(x.queryTokens(), y.queryTokens(), view.isPrettifyTokens()))
              .setKeyTokens(joined(x.keyTokens(), y.keyTokens(), view.isPrettifyTokens()))
              .setWeights(x.weights())
              .build());
    }
    a.sentenceBStart().ifPresent(labelled::optSentenceBStart);
    return labelled.build();
  }

  private static Tokens joined(Tokens a, Tokens b, boolean prettify) {
    if (a.size() != b.size()) {
      return a;
    }
    List<String> texts = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      String x = prettify ? TokenPrettifier.prettify(a.get(i)) : a.get(i);
      String y = prettify ? TokenPrettifier.prettify(b.get(i)) : b.get(i);
      texts.add(x.equals(y) ? x : x.strip() + " / " + y.strip());
    }
    return Tokens.of(texts, a.specialMask(), a.wordIndexes());
  }

  /** The tooltip of a cell: both inputs' tokens and weights, and the difference. */
  static String cellTooltip(
      ShownAttention[] shown, Comparison comparison, String headline, int row, int column) {
    int p = row * shown[0].columnCount() + column;
    return "<html>"
        + AttentionTooltips.escape(headline)
        + "<br>"
        + Messages.format(
            "compare.tooltipA", pair(shown[0], row, column), Numbers.text(comparison.a()[p]))
        + "<br>"
        + Messages.format(
            "compare.tooltipB", pair(shown[1], row, column), Numbers.text(comparison.b()[p]))
        + "<br>"
        + Messages.format("compare.tooltipDifference", Numbers.signed(comparison.difference()[p]))
        + "</html>";
  }

  /**
   * The tooltip of a cell of A or B shown side by side without a difference: that input's tokens
   * and weight.
   */
  static String sideTooltip(
      ShownAttention[] shown,
      Comparison comparison,
      String headline,
      ComparisonView.Panel panel,
      MatrixLayout.Hit hit) {
    boolean a = panel == ComparisonView.Panel.A;
    ShownAttention side = shown[a ? 0 : 1];
    float[] values = a ? comparison.a() : comparison.b();
    return "<html>"
        + AttentionTooltips.escape(headline)
        + "<br>"
        + Messages.format(
            a ? "compare.tooltipA" : "compare.tooltipB",
            pair(side, hit.row(), hit.column()),
            Numbers.text(values[hit.row() * side.columnCount() + hit.column()]))
        + "</html>";
  }

  /** The legend of the difference heatmap: "She − He", from −bound through 0 to +bound. */
  static ColorLegend differenceLegend(String labelA, String labelB, DivergingColorScale scale) {
    double bound = scale.bound();
    return new ColorLegend(
        labelA + " \u2212 " + labelB,
        Numbers.signed(-bound),
        "0",
        Numbers.signed(bound),
        scale::rgbAt);
  }

  /**
   * The lines shown instead of the heatmaps: each input (null: not set) with its model and backend,
   * then {@code message}.
   */
  static List<String> messageLines(
      AttentionData a, String labelA, AttentionData b, String labelB, String message) {
    List<String> lines = new ArrayList<>();
    if (a != null) {
      lines.add(describe("A", labelA, a));
    }
    if (b != null) {
      lines.add(describe("B", labelB, b));
    }
    lines.add(message);
    return lines;
  }

  private static String describe(String side, String label, AttentionData data) {
    return Messages.format(
        "compare.input", side, label, data.model().name(), data.model().backend());
  }

  private static String pair(ShownAttention shown, int row, int column) {
    return AttentionTooltips.escape(
        "\u201c"
            + shown.rowLabel(row)
            + "\u201d \u2192 \u201c"
            + shown.columnLabel(column)
            + "\u201d");
  }
}
