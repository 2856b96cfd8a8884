package dev.attnviz.core.analysis;

import dev.attnviz.core.AttentionKind;
import java.util.Comparator;
import java.util.Objects;

/**
 * The {@link Statistic}s of one attention head. See each {@link Statistic} for its formula; a value
 * is NaN where the statistic is undefined (e.g. {@code prev} with a single token, {@code self} for
 * cross attention).
 *
 * @param kind the attention kind of the head
 * @param layer the layer, from 0
 * @param head the head within the layer, from 0
 * @param entropy {@link Statistic#ENTROPY}
 * @param first {@link Statistic#FIRST}
 * @param special {@link Statistic#SPECIAL}
 * @param self {@link Statistic#SELF}
 * @param prev {@link Statistic#PREV}
 * @param next {@link Statistic#NEXT}
 * @param distance {@link Statistic#DISTANCE}
 * @param confidence {@link Statistic#CONFIDENCE}
 */
public record HeadSummary(
    AttentionKind kind,
    int layer,
    int head,
    double entropy,
    double first,
    double special,
    double self,
    double prev,
    double next,
    double distance,
    double confidence) {

  /**
   * Checks the identifying fields.
   *
   * @param kind the attention kind of the head; not null
   * @param layer the layer, from 0
   * @param head the head within the layer, from 0
   * @param entropy {@link Statistic#ENTROPY}
   * @param first {@link Statistic#FIRST}
   * @param special {@link Statistic#SPECIAL}
   * @param self {@link Statistic#SELF}
   * @param prev {@link Statistic#PREV}
   * @param next {@link Statistic#NEXT}
   * @param distance {@link Statistic#DISTANCE}
   * @param confidence {@link Statistic#CONFIDENCE}
   * @throws IllegalArgumentException if layer or head is negative
   */
  public HeadSummary {
    Objects.requireNonNull(kind, "kind");
    if (layer < 0 || head < 0) {
      throw new IllegalArgumentException("layer " + layer + " and head " + head + " must be >= 0");
    }
  }

  /**
   * Returns the value of {@code statistic}.
   *
   * @param statistic the statistic wanted; not null
   * @return its value for this head, NaN where it is undefined
   */
  public double value(Statistic statistic) {
    return switch (Objects.requireNonNull(statistic, "statistic")) {
      case ENTROPY -> entropy;
      case FIRST -> first;
      case SPECIAL -> special;
      case SELF -> self;
      case PREV -> prev;
      case NEXT -> next;
      case DISTANCE -> distance;
      case CONFIDENCE -> confidence;
    };
  }

  /**
   * Orders heads by {@code statistic}, ascending or descending; NaN values come last either way,
   * and equal values keep kind, layer, head order.
   *
   * @param statistic the statistic to compare; not null
   * @param descending true for the largest value first
   * @return a comparator of head summaries
   */
  public static Comparator<HeadSummary> comparing(Statistic statistic, boolean descending) {
    Objects.requireNonNull(statistic, "statistic");
    Comparator<Double> byValue = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
    Comparator<HeadSummary> nanLast =
        Comparator.comparing(summary -> Double.isNaN(summary.value(statistic)));
    return nanLast
        .thenComparing(summary -> summary.value(statistic), byValue)
        .thenComparing(HeadSummary::kind)
        .thenComparingInt(HeadSummary::layer)
        .thenComparingInt(HeadSummary::head);
  }
}
