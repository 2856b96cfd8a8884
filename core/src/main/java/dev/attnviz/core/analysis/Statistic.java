package dev.attnviz.core.analysis;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One summary number of an attention head. Each is a mean over query rows {@code i} of a per-row
 * quantity of the weights {@code a_ij} (query {@code i}, key {@code j}, {@code n} query rows,
 * {@code m} keys). The declaration order is the column order of the statistics CSV: {@code
 * entropy,first,special,self,prev,next,distance,confidence}.
 *
 * <p>{@link #SELF}, {@link #PREV}, {@link #NEXT} and {@link #DISTANCE} compare the position of a
 * query with the position of a key, which only means something when both axes are the same
 * sequence; for {@link dev.attnviz.core.AttentionKind#CROSS cross} attention they are NaN (see
 * {@link #needsSameSequence()}).
 */
public enum Statistic {
  /**
   * {@code mean_i(−Σ_j a_ij ln a_ij)}, natural log, {@code 0 ln 0 = 0}: 0 for a head that puts all
   * weight on one key, {@code ln m} for a uniform head.
   */
  ENTROPY("Entropy", "mean over queries of −Σ a·ln a (nats)"),
  /** {@code mean_i a_i0}: attention to the first token. NaN if there are no keys. */
  FIRST("First token", "mean attention to the first token"),
  /**
   * {@code mean_i Σ_{j special} a_ij}: attention to special key tokens such as {@code [CLS]} and
   * {@code [SEP]} ("sink mass"), as flagged by {@link dev.attnviz.core.Tokens#isSpecial(int)}.
   */
  SPECIAL("Special tokens", "mean attention to special tokens"),
  /** {@code mean_i a_ii}: attention of a token to itself. NaN for cross attention. */
  SELF("Self", "mean attention of a token to itself"),
  /**
   * {@code mean_{i ≥ 1} a_i,i−1}: attention to the previous token, over the {@code n − 1} rows that
   * have one. NaN with a single token, and for cross attention.
   */
  PREV("Previous token", "mean attention to the previous token"),
  /**
   * {@code mean_{i ≤ n−2} a_i,i+1}: attention to the next token, over the {@code n − 1} rows that
   * have one. NaN with a single token, and for cross attention.
   */
  NEXT("Next token", "mean attention to the next token"),
  /**
   * {@code mean_i Σ_j a_ij |i − j|}: expected distance in tokens from a query to the keys it
   * attends to. NaN for cross attention.
   */
  DISTANCE("Distance", "mean attention distance in tokens"),
  /** {@code mean_i max_j a_ij}: how peaked the rows are. NaN if there are no keys. */
  CONFIDENCE("Confidence", "mean of the largest weight of each query");

  private final String label;
  private final String description;

  Statistic(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** {@return the lower-case id used as CSV column and on the command line, e.g. {@code "prev"}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return a short name for table headers, e.g. {@code "Previous token"}} */
  public String label() {
    return label;
  }

  /** {@return one sentence for tooltips, e.g. {@code "mean attention to the previous token"}} */
  public String description() {
    return description;
  }

  /**
   * Whether the statistic compares query and key positions, so it is only defined when queries and
   * keys are the same sequence (NaN for cross attention).
   *
   * @return true for {@link #SELF}, {@link #PREV}, {@link #NEXT} and {@link #DISTANCE}
   */
  public boolean needsSameSequence() {
    return this == SELF || this == PREV || this == NEXT || this == DISTANCE;
  }

  /**
   * Returns the statistic with the given {@link #id()}, ignoring case.
   *
   * @param id the id, e.g. {@code "entropy"}, in any case
   * @return the statistic with that id
   * @throws IllegalArgumentException naming the valid ids if there is no such statistic
   */
  public static Statistic fromId(String id) {
    for (Statistic statistic : values()) {
      if (statistic.id().equalsIgnoreCase(id)) {
        return statistic;
      }
    }
    throw new IllegalArgumentException(
        "unknown statistic '" + id + "'; expected one of " + idList());
  }

  /** {@return the ids of all statistics in declaration order, comma-separated: the CSV columns} */
  public static String idList() {
    return Arrays.stream(values()).map(Statistic::id).collect(Collectors.joining(","));
  }
}
