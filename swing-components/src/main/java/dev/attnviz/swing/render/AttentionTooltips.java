package dev.attnviz.swing.render;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.TokenRef;

/**
 * Tooltip texts with exact numbers: token, layer, head and weight. HTML, with token text escaped.
 * Pure functions of the shown attention, tested without a screen.
 */
public final class AttentionTooltips {

  /** Most heads listed one per line; more are summarised. */
  static final int MAX_LISTED_HEADS = 25;

  private AttentionTooltips() {}

  /**
   * The tooltip of {@code token} in {@code layer}: if {@code other} is a token on the opposite
   * side, the weight between the two for every head in {@code heads}; otherwise, per head, the
   * token it attends to most (query) or that attends to it most (key).
   */
  public static String token(
      ShownAttention shown, int layer, int[] heads, TokenRef token, TokenRef other) {
    StringBuilder html = new StringBuilder("<html>");
    html.append(describe(shown, token))
        .append("<br>")
        .append(Messages.format("tooltip.layer", layer));
    boolean pair = other != null && other.side() != token.side() && shown.positionOf(other) >= 0;
    int position = shown.positionOf(token);
    if (position < 0) {
      return html.append("<br>")
          .append(Messages.text("tooltip.hiddenByFilter"))
          .append("</html>")
          .toString();
    }
    if (pair) {
      TokenRef query = token.isQuery() ? token : other;
      TokenRef key = token.isQuery() ? other : token;
      html.append("<br>")
          .append(escape(shown.label(query)))
          .append(" \u2192 ")
          .append(escape(shown.label(key)));
      int row = shown.positionOf(query);
      int column = shown.positionOf(key);
      appendHeadWeights(html, shown, layer, heads, row, column);
    } else {
      for (int i = 0; i < Math.min(heads.length, MAX_LISTED_HEADS); i++) {
        appendStrongest(html, shown, layer, heads[i], token, position);
      }
    }
    if (heads.length > MAX_LISTED_HEADS) {
      html.append("<br>")
          .append(Messages.format("tooltip.moreHeads", heads.length - MAX_LISTED_HEADS));
    }
    return html.append("</html>").toString();
  }

  private static void appendStrongest(
      StringBuilder html, ShownAttention shown, int layer, int head, TokenRef token, int p) {
    int count = token.isQuery() ? shown.columnCount() : shown.rowCount();
    int best = -1;
    float bestWeight = -1;
    for (int q = 0; q < count; q++) {
      float w = token.isQuery() ? shown.weight(layer, head, p, q) : shown.weight(layer, head, q, p);
      if (w > bestWeight) {
        bestWeight = w;
        best = q;
      }
    }
    if (best < 0) {
      return;
    }
    String otherLabel = token.isQuery() ? shown.columnLabel(best) : shown.rowLabel(best);
    html.append("<br>")
        .append(
            Messages.format(
                token.isQuery() ? "tooltip.mostTo" : "tooltip.mostFrom",
                head,
                escape(quote(otherLabel)),
                format(bestWeight)));
  }

  /**
   * The tooltip of a heatmap cell: the two tokens and the weight, averaged over {@code heads} when
   * there are several, each head's own weight listed.
   */
  public static String cell(ShownAttention shown, int layer, int[] heads, int row, int column) {
    StringBuilder html = new StringBuilder("<html>");
    html.append(escape(quote(shown.rowLabel(row))))
        .append(" \u2192 ")
        .append(escape(quote(shown.columnLabel(column))))
        .append("<br>");
    if (heads.length == 1) {
      html.append(
          Messages.format(
              "tooltip.layerHeadWeight",
              layer,
              heads[0],
              format(shown.weight(layer, heads[0], row, column))));
    } else {
      double sum = 0;
      for (int head : heads) {
        sum += shown.weight(layer, head, row, column);
      }
      html.append(
          Messages.format(
              "tooltip.layerMeanWeight",
              layer,
              heads.length,
              format((float) (sum / heads.length))));
      appendHeadWeights(html, shown, layer, heads, row, column);
    }
    return html.append("</html>").toString();
  }

  /** One line per head (at most {@link #MAX_LISTED_HEADS}): its weight from row to column. */
  private static void appendHeadWeights(
      StringBuilder html, ShownAttention shown, int layer, int[] heads, int row, int column) {
    for (int i = 0; i < Math.min(heads.length, MAX_LISTED_HEADS); i++) {
      html.append("<br>")
          .append(
              Messages.format(
                  "tooltip.headWeight",
                  heads[i],
                  format(shown.weight(layer, heads[i], row, column))));
    }
  }

  /** The tooltip of a model-view thumbnail. */
  public static String thumbnail(int layer, int head, boolean selected) {
    return thumbnail(layer, head, selected, null);
  }

  /**
   * The tooltip of a model-view thumbnail whose head may have invalid values.
   *
   * @param layer the layer
   * @param head the head
   * @param selected whether the thumbnail is the selected cell
   * @param problem what is wrong with the head's values ({@link
   *     dev.attnviz.core.Attention#problem}), or null
   * @return the HTML tooltip
   */
  public static String thumbnail(int layer, int head, boolean selected, String problem) {
    return "<html>"
        + Messages.format("view.layerHead", layer, head)
        + "<br>"
        + (problem == null ? "" : Messages.format("tooltip.notDrawn", escape(problem)) + "<br>")
        + Messages.text(selected ? "tooltip.closeDetail" : "tooltip.showDetail")
        + "</html>";
  }

  private static String describe(ShownAttention shown, TokenRef token) {
    String label = shown.label(token);
    String raw = shown.rawLabel(token);
    // A prettified label names the tokenizer's own piece too, e.g. “ café” (piece “ĠcafÃ©”).
    if (raw.isEmpty() || raw.equals(label)) {
      return Messages.format(
          token.isQuery() ? "tooltip.queryToken" : "tooltip.keyToken",
          escape(quote(label)),
          token.index());
    }
    return Messages.format(
        token.isQuery() ? "tooltip.queryPiece" : "tooltip.keyPiece",
        escape(quote(label)),
        token.index(),
        escape(quote(raw)));
  }

  /** A weight with four significant digits, e.g. {@code 0.1234} or {@code 0.00003142}. */
  public static String format(float weight) {
    return NumberText.significant(weight);
  }

  private static String quote(String text) {
    return "\u201c" + text + "\u201d";
  }

  /** Escapes the HTML special characters of {@code text}. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
