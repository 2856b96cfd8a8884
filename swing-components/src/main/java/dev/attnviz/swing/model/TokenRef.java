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
   * @throws IllegalArgumentException if the index is negative
   */
  public TokenRef {
    Objects.requireNonNull(side, "side");
    if (index < 0) {
      throw new IllegalArgumentException("token index " + index + " is negative");
    }
  }

  /** A query token. */
  public static TokenRef query(int index) {
    return new TokenRef(Side.QUERY, index);
  }

  /** A key token. */
  public static TokenRef key(int index) {
    return new TokenRef(Side.KEY, index);
  }

  /** Whether this is a query (left) token. */
  public boolean isQuery() {
    return side == Side.QUERY;
  }

  /** The same side, another index. */
  public TokenRef withIndex(int newIndex) {
    return new TokenRef(side, newIndex);
  }
}
