package dev.attnviz.core;

import java.util.Objects;

/**
 * Which part of a sentence pair's attention to show: rows are query tokens, columns key tokens.
 * With {@code s} the index of the first token of sentence B and {@code n} the token count, sentence
 * A is {@code [0, s)} and sentence B is {@code [s, n)}.
 */
public enum SentenceFilter {
  /** Every row and column. */
  ALL("all", "All"),
  /** Rows and columns of sentence A. */
  A_TO_A("aa", "A \u2192 A"),
  /** Rows of sentence A, columns of sentence B. */
  A_TO_B("ab", "A \u2192 B"),
  /** Rows of sentence B, columns of sentence A. */
  B_TO_A("ba", "B \u2192 A"),
  /** Rows and columns of sentence B. */
  B_TO_B("bb", "B \u2192 B");

  private final String id;
  private final String label;

  SentenceFilter(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** {@return the short id used on the command line: {@code all, aa, ab, ba, bb}} */
  public String id() {
    return id;
  }

  /** {@return a label for menus, e.g. {@code "A → B"}} */
  public String label() {
    return label;
  }

  /**
   * Returns the filter with the given {@link #id()}.
   *
   * @param id the id, e.g. {@code "ab"}, in any case
   * @return the filter with that id
   * @throws IllegalArgumentException listing the valid ids if there is none
   */
  public static SentenceFilter fromId(String id) {
    for (SentenceFilter filter : values()) {
      if (filter.id.equalsIgnoreCase(id)) {
        return filter;
      }
    }
    throw new IllegalArgumentException(
        "unknown sentence filter '" + id + "'; expected one of all, aa, ab, ba, bb");
  }

  /**
   * A half-open index range {@code [start, end)}.
   *
   * @param start the first index, at least 0
   * @param end one past the last index, at least {@code start}
   */
  public record Range(int start, int end) {
    /**
     * Checks {@code 0 <= start <= end}.
     *
     * @param start the first index, at least 0
     * @param end one past the last index, at least {@code start}
     * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
     */
    public Range {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("invalid range [" + start + ", " + end + ")");
      }
    }

    /** {@return the number of indexes in the range} */
    public int length() {
      return end - start;
    }

    /**
     * Whether {@code index} is in the range.
     *
     * @param index any index
     * @return whether {@code start <= index < end}
     */
    public boolean contains(int index) {
      return index >= start && index < end;
    }
  }

  /**
   * The query rows this filter shows, for {@code n} tokens and sentence B at {@code bStart}.
   *
   * @param n the number of tokens, at least 0
   * @param bStart the first token of sentence B, from 0 to {@code n}
   * @return the rows of sentence B, of sentence A, or all, as the filter says
   * @throws IllegalArgumentException if {@code bStart} is outside {@code 0..n}
   */
  public Range rows(int n, int bStart) {
    return this == B_TO_A || this == B_TO_B ? sentenceB(n, bStart) : sentenceAOrAll(n, bStart);
  }

  /**
   * The key columns this filter shows, for {@code n} tokens and sentence B at {@code bStart}.
   *
   * @param n the number of tokens, at least 0
   * @param bStart the first token of sentence B, from 0 to {@code n}
   * @return the columns of sentence B, of sentence A, or all, as the filter says
   * @throws IllegalArgumentException if {@code bStart} is outside {@code 0..n}
   */
  public Range columns(int n, int bStart) {
    return this == A_TO_B || this == B_TO_B ? sentenceB(n, bStart) : sentenceAOrAll(n, bStart);
  }

  /**
   * The query rows to show for {@code attention} in {@code data} (all if not a pair).
   *
   * @param data the result the attention belongs to; not null
   * @param attention one of its attentions; not null
   * @return the rows to show
   */
  public Range rows(AttentionData data, Attention attention) {
    return applies(data, attention)
        ? rows(attention.queryTokens().size(), data.sentenceBStart().getAsInt())
        : new Range(0, attention.queryTokens().size());
  }

  /**
   * The key columns to show for {@code attention} in {@code data} (all if not a pair).
   *
   * @param data the result the attention belongs to; not null
   * @param attention one of its attentions; not null
   * @return the columns to show
   */
  public Range columns(AttentionData data, Attention attention) {
    return applies(data, attention)
        ? columns(attention.keyTokens().size(), data.sentenceBStart().getAsInt())
        : new Range(0, attention.keyTokens().size());
  }

  /**
   * Whether this filter changes anything for {@code attention}: only for a sentence pair, and only
   * for attention among the pair's own tokens (not decoder or cross attention).
   *
   * @param data the result the attention belongs to; not null
   * @param attention one of its attentions; not null
   * @return whether {@link #rows(AttentionData, Attention)} or {@link #columns(AttentionData,
   *     Attention)} may be less than all
   */
  public boolean applies(AttentionData data, Attention attention) {
    Objects.requireNonNull(data, "data");
    return this != ALL
        && data.isPair()
        && attention.kind().isSelfAttention()
        && attention.queryTokens().strings().equals(data.pairTokens().strings());
  }

  private Range sentenceAOrAll(int n, int bStart) {
    checkArguments(n, bStart);
    return this == ALL ? new Range(0, n) : new Range(0, bStart);
  }

  private static Range sentenceB(int n, int bStart) {
    checkArguments(n, bStart);
    return new Range(bStart, n);
  }

  private static void checkArguments(int n, int bStart) {
    if (n < 0 || bStart < 0 || bStart > n) {
      throw new IllegalArgumentException("sentence B start " + bStart + " outside 0.." + n);
    }
  }
}
