package dev.attnviz.swing.model;

import java.util.Objects;

/**
 * A token on one side of a view: a query token (left column) or a key token (right column).
 *
 * @param side which column
 * @param index the token's index in the attention's query or key tokens (not a display row)
 */
public record TokenRef(Side side, int index) {

  /** The two token columns. */
  public enum Side {
    /** Query tokens, drawn on the left. */
    QUERY,
    /** Key tokens, drawn on the right. */
    KEY
  }

  /**
   * Checks the fields.
   *
   * @param side query (left column, rows) or key (right column, columns)
   * @param index the token's position on that side, 0-based
   * @throws IllegalArgumentException if the index is negative
   */
  public TokenRef {
    Objects.requireNonNull(side, "side");
    if (index < 0) {
      throw new IllegalArgumentException("token index " + index + " is negative");
    }
  }

  /**
   * A query token.
   *
   * @param index the token's position, 0-based
   * @return a reference to query token {@code index}
   */
  public static TokenRef query(int index) {
    return new TokenRef(Side.QUERY, index);
  }

  /**
   * A key token.
   *
   * @param index the token's position, 0-based
   * @return a reference to key token {@code index}
   */
  public static TokenRef key(int index) {
    return new TokenRef(Side.KEY, index);
  }

  /**
   * Whether this is a query (left) token.
   *
   * @return true for the query side
   */
  public boolean isQuery() {
    return side == Side.QUERY;
  }

  /**
   * The same side, another index.
   *
   * @param newIndex the other index, 0-based
   * @return a reference to token {@code newIndex} on this side
   */
  public TokenRef withIndex(int newIndex) {
    return new TokenRef(side, newIndex);
  }
}
