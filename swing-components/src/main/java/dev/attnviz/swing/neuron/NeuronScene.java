package dev.attnviz.swing.neuron;

import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.TokenColumnsPainter;
import dev.attnviz.swing.render.ViewColors;
import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * Everything one picture of the neuron view depends on: the numbers, the geometry, the colours and
 * the selection. The view builds a new scene on every change; the painter and the tooltips only
 * read it, so what is exported is exactly what is on screen.
 *
 * @param slice the head shown, or null when there is nothing to show but the message
 * @param layout the geometry
 * @param colors the theme
 * @param message a line above the picture (no data, no vectors, an error), or null
 * @param selectedRow display row of the selected query token, or -1
 * @param selectedColumn display column of the selected key token (collapsed mode), or -1
 * @param locked whether the selected token is locked by a click
 * @param pairColumn key column of the pair whose dimensions are itemised, or -1
 * @param contributions the pair's top dimensions, largest first; empty without a pair
 */
record NeuronScene(
    NeuronSlice slice,
    NeuronLayout layout,
    ViewColors colors,
    String message,
    int selectedRow,
    int selectedColumn,
    boolean locked,
    int pairColumn,
    List<DimensionContribution> contributions) {

  /** Checks and copies. */
  NeuronScene {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(colors, "colors");
    contributions = List.copyOf(contributions);
  }

  /** This scene drawn with {@code newLayout}, e.g. one fitted to a narrower viewport. */
  NeuronScene withLayout(NeuronLayout newLayout) {
    return new NeuronScene(
        slice,
        newLayout,
        colors,
        message,
        selectedRow,
        selectedColumn,
        locked,
        pairColumn,
        contributions);
  }

  /** Whether the computation is drawn (expanded mode with vectors). */
  boolean expanded() {
    return layout.expanded();
  }

  /** Whether a query token is selected. */
  boolean hasSelectedRow() {
    return selectedRow >= 0;
  }

  /** The colour of the head shown. */
  Color headColor() {
    return colors.headColor(slice.head(), slice.headCount());
  }

  /**
   * Collapsed mode as the shared token-columns display draws it: the head shown in its colour,
   * lines at the raw weights, and the selected (and perhaps locked) token.
   */
  TokenColumnsPainter.Scene linesScene() {
    TokenRef selected = null;
    if (selectedRow >= 0) {
      selected = slice.shown().tokenAt(TokenRef.Side.QUERY, selectedRow);
    } else if (selectedColumn >= 0) {
      selected = slice.shown().tokenAt(TokenRef.Side.KEY, selectedColumn);
    }
    return linesScene(slice, colors, selected, locked ? selected : null);
  }

  /**
   * Collapsed mode's lines of {@code slice}: its head in its colour, at the raw weights, with
   * {@code selected} and {@code locked} (either may be null).
   */
  static TokenColumnsPainter.Scene linesScene(
      NeuronSlice slice, ViewColors colors, TokenRef selected, TokenRef locked) {
    return new TokenColumnsPainter.Scene(
        slice.shown(),
        slice.layer(),
        new int[] {slice.head()},
        new Color[] {colors.headColor(slice.head(), slice.headCount())},
        1f,
        selected,
        locked);
  }

  /**
   * The next key column after (delta 1) or before (delta -1) the itemised pair's that the selected
   * query can see, or -1 for none (also when collapsed or nothing is itemised).
   */
  int nextPairColumn(int delta) {
    if (!expanded() || selectedRow < 0 || pairColumn < 0) {
      return -1;
    }
    for (int c = pairColumn + delta; c >= 0 && c < slice.columnCount(); c += delta) {
      if (slice.visible(selectedRow, c)) {
        return c;
      }
    }
    return -1;
  }
}
