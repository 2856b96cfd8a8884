package dev.attnviz.swing;

import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import java.util.Objects;

/**
 * What a point of a view shows: a token (with the layer and head it is shown for), a cell of a
 * layer × head grid, or nothing. Token indexes are the data's. Carried by {@link ViewMouseEvent}s;
 * returned by {@link AttentionView#hitAt}.
 *
 * @param kind what was hit
 * @param layer the layer, or −1 if none applies
 * @param head the head, or −1 if none or several apply (the head view's lines of all active heads)
 * @param token the token, for {@link Kind#TOKEN}; else null
 */
public record ViewHit(Kind kind, int layer, int head, TokenRef token) {

  /** What can be hit. */
  public enum Kind {
    /** Nothing that the view shows. */
    NONE,
    /** A token (its label, or a row or column of a heatmap). */
    TOKEN,
    /** A cell of a layer × head grid (model view thumbnail, statistics heatmap). */
    CELL
  }

  /** Nothing. */
  public static final ViewHit NONE = new ViewHit(Kind.NONE, -1, -1, null);

  /**
   * Checks that a token hit has a token and other hits none.
   *
   * @param kind what was hit: a token, a cell, or nothing
   * @param layer the layer the hit is shown for, or -1
   * @param head the head the hit is shown for, or -1 for several
   * @param token the data token of a token hit, else null
   */
  public ViewHit {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.TOKEN) != (token != null)) {
      throw new IllegalArgumentException("a token hit needs a token, other hits none: " + kind);
    }
  }

  /**
   * A token shown for {@code layer} and {@code head} (−1 if several).
   *
   * @param token the data token; not null
   * @param layer the layer, 0-based
   * @param head the head, or −1
   * @return the hit
   */
  public static ViewHit token(TokenRef token, int layer, int head) {
    return new ViewHit(Kind.TOKEN, layer, head, Objects.requireNonNull(token, "token"));
  }

  /**
   * A cell of a layer × head grid.
   *
   * @param cell the layer and head; not null
   * @return the hit
   */
  public static ViewHit cell(LayerHead cell) {
    return new ViewHit(Kind.CELL, cell.layer(), cell.head(), null);
  }

  /**
   * The cell, for a {@link Kind#CELL} hit; else null.
   *
   * @return the cell, or null
   */
  public LayerHead cell() {
    return kind == Kind.CELL ? new LayerHead(layer, head) : null;
  }
}
