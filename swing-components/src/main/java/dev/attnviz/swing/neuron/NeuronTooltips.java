package dev.attnviz.swing.neuron;

import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.neuron.NeuronLayout.Hit;
import dev.attnviz.swing.render.NumberText;
import java.util.Locale;

/**
 * The tooltip for whatever lies under the mouse: exact values (the stored floats, and products and
 * scores as computed), with the tokens, layer and head they belong to.
 */
final class NeuronTooltips {

  private NeuronTooltips() {}

  /** The tooltip for {@code hit} in {@code scene}, or null for none. */
  static String text(NeuronScene scene, Hit hit) {
    NeuronSlice slice = scene.slice();
    if (hit == null || slice == null) {
      return null;
    }
    String where = Messages.format("neuron.tooltipWhere", slice.layer(), slice.head()) + " ";
    int row = scene.selectedRow();
    return switch (hit.column()) {
      case QUERY_TOKENS -> where + queryName(slice, hit.row()) + lockHint(scene);
      case QUERY ->
          hit.dim() < 0
              ? where + queryName(slice, hit.row())
              : where
                  + vectorCell(
                      "q",
                      slice.queryIndex(hit.row()),
                      hit.dim(),
                      slice.query(hit.row(), hit.dim()),
                      slice.queryLabels().get(hit.row()));
      case KEY ->
          hit.dim() < 0
              ? where + keyName(slice, hit.row())
              : where
                  + vectorCell(
                      "k",
                      slice.keyIndex(hit.row()),
                      hit.dim(),
                      slice.key(hit.row(), hit.dim()),
                      slice.keyLabels().get(hit.row()));
      case PRODUCT -> row < 0 ? null : where + product(slice, row, hit.row(), hit.dim());
      case SCORE -> row < 0 ? null : where + score(slice, row, hit.row());
      case KEY_TOKENS -> where + weight(scene, hit.row());
      case CONTRIBUTIONS -> contribution(scene, hit.row());
    };
  }

  /** E.g. {@code q[1][3] = -6.0 (“cat”)}. */
  private static String vectorCell(String vector, int token, int dim, float value, String label) {
    return vector + vectorName(token, dim) + " = " + num(value) + " (" + quoted(label) + ")";
  }

  /** Every number of a tooltip with four significant digits (a raw double prints seventeen). */
  private static String num(double value) {
    return NumberText.significant(value);
  }

  private static String lockHint(NeuronScene scene) {
    return " " + Messages.text(scene.expanded() ? "neuron.lockAndMoveHint" : "neuron.lockHint");
  }

  private static String product(NeuronSlice slice, int row, int column, int dim) {
    if (!slice.visible(row, column)) {
      return hidden(slice, row, column);
    }
    if (dim < 0) {
      return "q" + index(slice.queryIndex(row)) + " \u2299 k" + index(slice.keyIndex(column));
    }
    return "q"
        + vectorName(slice.queryIndex(row), dim)
        + " \u00d7 k"
        + vectorName(slice.keyIndex(column), dim)
        + " = "
        + num(slice.query(row, dim))
        + " \u00d7 "
        + num(slice.key(column, dim))
        + " = "
        + num(slice.product(row, column, dim));
  }

  private static String score(NeuronSlice slice, int row, int column) {
    if (!slice.visible(row, column)) {
      return hidden(slice, row, column);
    }
    double score = slice.scores(row)[column];
    return "q"
        + index(slice.queryIndex(row))
        + " \u00b7 k"
        + index(slice.keyIndex(column))
        + " / \u221a"
        + slice.headSize()
        + " = "
        + num(score)
        + " "
        + Messages.format(
            "neuron.scoreWeight",
            quoted(slice.queryLabels().get(row)),
            quoted(slice.keyLabels().get(column)),
            num(slice.weight(row, column)));
  }

  private static String hidden(NeuronSlice slice, int row, int column) {
    return Messages.format("neuron.causalHidden", slice.queryIndex(row), slice.keyIndex(column));
  }

  private static String weight(NeuronScene scene, int column) {
    NeuronSlice slice = scene.slice();
    int row = scene.selectedRow();
    if (row < 0) {
      return keyName(slice, column);
    }
    return Messages.format(
        "neuron.pairWeight",
        quoted(slice.queryLabels().get(row)),
        quoted(slice.keyLabels().get(column)),
        num(slice.weight(row, column)),
        slice.keyIndex(column));
  }

  private static String contribution(NeuronScene scene, int entry) {
    if (entry >= scene.contributions().size()) {
      return null;
    }
    DimensionContribution c = scene.contributions().get(entry);
    String share =
        Double.isNaN(c.share())
            ? Messages.text("neuron.shareOfZero")
            : Messages.format("neuron.share", String.format(Locale.ROOT, "%.2f", 100 * c.share()));
    return Messages.format(
        "neuron.contribution",
        c.dimension(),
        num(c.query()),
        num(c.key()),
        num(c.product()),
        share);
  }

  private static String queryName(NeuronSlice slice, int row) {
    return Messages.format(
        "neuron.queryToken", slice.queryIndex(row), quoted(slice.queryLabels().get(row)));
  }

  private static String keyName(NeuronSlice slice, int column) {
    return Messages.format(
        "neuron.keyToken", slice.keyIndex(column), quoted(slice.keyLabels().get(column)));
  }

  private static String vectorName(int token, int dim) {
    return index(token) + "[" + dim + "]";
  }

  private static String index(int token) {
    return "[" + token + "]";
  }

  private static String quoted(String label) {
    return "\u201c" + label + "\u201d";
  }
}
