package dev.attnviz.swing.analysis;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.AttentionTooltips;
import dev.attnviz.swing.render.ShownAttention;

/**
 * Tooltip texts of the rollout view, with exact numbers; HTML, token text escaped. The shown
 * rollout is {@link RolloutResult#asData()}: depth {@code d} is "layer" {@code d}, with one "head".
 */
final class RolloutTooltips {

  private RolloutTooltips() {}

  /**
   * The tooltip of a token: the input token a query draws on most, or the position a key flows into
   * most, with the weight.
   */
  static String token(ShownAttention shown, int depth, TokenRef token) {
    int position = shown.positionOf(token);
    int count = token.isQuery() ? shown.columnCount() : shown.rowCount();
    int best = 0;
    float bestWeight = -1;
    for (int other = 0; other < count; other++) {
      float w =
          token.isQuery()
              ? shown.weight(depth, 0, position, other)
              : shown.weight(depth, 0, other, position);
      if (w > bestWeight) {
        bestWeight = w;
        best = other;
      }
    }
    String otherLabel = token.isQuery() ? shown.columnLabel(best) : shown.rowLabel(best);
    return "<html>"
        + Messages.format(
            token.isQuery() ? "tooltip.queryToken" : "tooltip.keyToken",
            quoted(shown.label(token)),
            token.index())
        + "<br>"
        + Messages.format("rollout.tooltipDepth", depth)
        + "<br>"
        + Messages.format(
            token.isQuery() ? "rollout.drawsMost" : "rollout.flowsMost",
            quoted(otherLabel),
            Numbers.text(bestWeight))
        + "</html>";
  }

  private static String quoted(String label) {
    return AttentionTooltips.escape("\u201c" + label + "\u201d");
  }

  /**
   * The tooltip of {@code token} (null: none): with a token of the other side locked, the entry
   * between the two; else where the token's rollout goes most.
   */
  static String at(ShownAttention shown, int depth, TokenRef token, TokenRef locked) {
    if (token == null) {
      return null;
    }
    if (locked != null && locked.side() != token.side() && shown.positionOf(locked) >= 0) {
      TokenRef query = token.isQuery() ? token : locked;
      TokenRef key = token.isQuery() ? locked : token;
      return cell(shown, depth, shown.positionOf(query), shown.positionOf(key));
    }
    return token(shown, depth, token);
  }

  /** The tooltip of one rollout entry: the two tokens and the weight. */
  static String cell(ShownAttention shown, int depth, int row, int column) {
    return "<html>"
        + quoted(shown.rowLabel(row))
        + " \u2192 "
        + quoted(shown.columnLabel(column))
        + "<br>"
        + Messages.format("rollout.tooltipDepth", depth)
        + ": "
        + Numbers.text(shown.weight(depth, 0, row, column))
        + "</html>";
  }
}
