package dev.attnviz.swing.render;

/**
 * How many of a token-columns picture's lines are drawn. Long inputs have more lines than a paint
 * can afford, so the faintest are left out ({@link TokenColumnsPainter#DEFAULT_MAX_LINES}); a view
 * says so when {@link #complete()} is false.
 *
 * @param drawn the lines drawn
 * @param drawable the lines strong enough to show at all (opacity of half a step of 255 or more)
 * @param leastWeight the least weight drawn: weaker lines are left out
 */
public record DrawnLines(int drawn, int drawable, float leastWeight) {

  /**
   * Whether every line strong enough to show is drawn.
   *
   * @return true if none is left out
   */
  public boolean complete() {
    return drawn >= drawable;
  }
}
