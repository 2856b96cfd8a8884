package dev.attnviz.swing.render;

import dev.attnviz.swing.model.TokenRef;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * Where the tokens of a shown attention are, for a view that draws it either as two token columns
 * with lines ({@link TokenColumnsLayout}) or as a heatmap ({@link MatrixLayout}): the box of a
 * token, the token at a point, and the next token for keyboard moves. Pure, tested through the
 * views. Immutable.
 */
public final class TokenPlaces {

  private final ShownAttention shown;
  private final TokenColumnsLayout lines;
  private final MatrixLayout matrix;

  private TokenPlaces(ShownAttention shown, TokenColumnsLayout lines, MatrixLayout matrix) {
    this.shown = Objects.requireNonNull(shown, "shown");
    this.lines = lines;
    this.matrix = matrix;
  }

  /**
   * The tokens of {@code shown} drawn as two columns laid out by {@code layout}.
   *
   * @param shown the shown attention
   * @param layout the two columns' layout
   * @return the places
   */
  public static TokenPlaces inColumns(ShownAttention shown, TokenColumnsLayout layout) {
    return new TokenPlaces(shown, Objects.requireNonNull(layout, "layout"), null);
  }

  /**
   * The tokens of {@code shown} labelling a heatmap laid out by {@code layout}.
   *
   * @param shown the shown attention
   * @param layout the heatmap's layout
   * @return the places
   */
  public static TokenPlaces inMatrix(ShownAttention shown, MatrixLayout layout) {
    return new TokenPlaces(shown, null, Objects.requireNonNull(layout, "layout"));
  }

  /**
   * The box of {@code token} (its label in a heatmap), or null if the filter hides it.
   *
   * @param token a data token; not null
   * @return a new rectangle in the layout's coordinates, or null
   */
  public Rectangle box(TokenRef token) {
    int position = shown.positionOf(token);
    if (position < 0) {
      return null;
    }
    return matrix != null
        ? matrix.labelBox(token.side(), position)
        : lines.box(token.side(), position);
  }

  /**
   * The token at ({@code x}, {@code y}), or null. In a heatmap a cell counts as its query token, as
   * does a row label; a column label is its key token.
   *
   * @param x x in the layout's coordinates, in pixels
   * @param y y in the layout's coordinates, in pixels
   * @return the data token, or null
   */
  public TokenRef tokenAt(int x, int y) {
    if (matrix != null) {
      MatrixLayout.Hit hit = matrix.hitTest(x, y);
      if (hit == null) {
        return null;
      }
      return hit.isCell() || hit.column() < 0
          ? TokenRef.query(shown.queryIndex(hit.row()))
          : TokenRef.key(shown.keyIndex(hit.column()));
    }
    TokenColumnsLayout.Hit hit = lines.hitTest(x, y);
    return hit == null ? null : shown.tokenAt(hit.side(), hit.position());
  }

  /**
   * The token {@code delta} rows from {@code current} on its side, stopping at the ends; the first
   * query token if {@code current} is null or hidden; null if that side shows no token.
   *
   * @param shown the shown attention
   * @param current the current token, or null
   * @param delta the rows to move, negative for up
   * @return the new data token, or null
   */
  public static TokenRef step(ShownAttention shown, TokenRef current, int delta) {
    TokenRef.Side side = current == null ? TokenRef.Side.QUERY : current.side();
    int count = side == TokenRef.Side.QUERY ? shown.rowCount() : shown.columnCount();
    if (count == 0) {
      return null;
    }
    int position = current == null ? -1 : shown.positionOf(current);
    int next = position < 0 ? 0 : Math.max(0, Math.min(count - 1, position + delta));
    return shown.tokenAt(side, next);
  }
}
