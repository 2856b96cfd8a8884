package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The {@link Statistic}s of every head of every attention kind of one result: one {@link
 * HeadSummary} per (kind, layer, head).
 *
 * <p>Computing reads every weight once (and, for attention with deferred checks, checks each head
 * first): O(kinds × layers × heads × queries × keys), about 40 M weights for 512 tokens of a 12 ×
 * 12 model, so run it off the event dispatch thread for long inputs. Immutable and thread-safe.
 */
public final class HeadStatistics {

  private final Map<AttentionKind, KindSummaries> byKind;

  private record KindSummaries(int layerCount, int headCount, List<HeadSummary> heads) {}

  private HeadStatistics(Map<AttentionKind, KindSummaries> byKind) {
    this.byKind = byKind;
  }

  /**
   * Computes the statistics of every head of every kind in {@code data}, the heads in parallel.
   *
   * @param data the attention of one input; not null
   * @return the statistics of every head of every kind
   * @throws IllegalArgumentException if a head's values are invalid ({@link Attention#problem})
   */
  public static HeadStatistics of(AttentionData data) {
    Objects.requireNonNull(data, "data");
    Map<AttentionKind, KindSummaries> byKind = new EnumMap<>(AttentionKind.class);
    for (Attention attention : data.attentions()) {
      byKind.put(attention.kind(), summarize(attention));
    }
    return new HeadStatistics(Collections.unmodifiableMap(byKind));
  }

  /**
   * Computes the statistics of every head of one attention, the heads in parallel.
   *
   * @param attention the attention of one kind; not null
   * @return the statistics of every head of that kind
   * @throws IllegalArgumentException if a head's values are invalid ({@link Attention#problem})
   */
  public static HeadStatistics of(Attention attention) {
    Objects.requireNonNull(attention, "attention");
    Map<AttentionKind, KindSummaries> byKind = new EnumMap<>(AttentionKind.class);
    byKind.put(attention.kind(), summarize(attention));
    return new HeadStatistics(Collections.unmodifiableMap(byKind));
  }

  private static KindSummaries summarize(Attention attention) {
    HeadSummarizer summarizer = new HeadSummarizer(attention);
    int heads = attention.headCount();
    // Heads are independent; a parallel range splits them into contiguous runs, so each thread
    // reads its part of a mapped file in order.
    List<HeadSummary> summaries =
        IntStream.range(0, attention.layerCount() * heads)
            .parallel()
            .mapToObj(i -> summarizer.summarize(i / heads, i % heads))
            .toList();
    int bad = summaries.indexOf(null);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          attention.problem(bad / heads, bad % heads).orElseThrow(IllegalStateException::new));
    }
    return new KindSummaries(attention.layerCount(), heads, summaries);
  }

  /** {@return the kinds summarized, in {@link AttentionKind} order} */
  public Set<AttentionKind> kinds() {
    return byKind.keySet();
  }

  /** {@return every head, ordered by kind, then layer, then head; a new list} */
  public List<HeadSummary> heads() {
    List<HeadSummary> all = new ArrayList<>();
    byKind.values().forEach(kind -> all.addAll(kind.heads()));
    return List.copyOf(all);
  }

  /**
   * The heads of one kind, ordered by layer, then head.
   *
   * @param kind a summarized kind
   * @return the summaries of that kind's heads; unmodifiable
   * @throws IllegalArgumentException if the kind was not summarized
   */
  public List<HeadSummary> heads(AttentionKind kind) {
    return forKind(kind).heads();
  }

  /**
   * Number of layers of {@code kind}.
   *
   * @param kind a summarized kind
   * @return the number of layers of that kind
   * @throws IllegalArgumentException if the kind was not summarized
   */
  public int layerCount(AttentionKind kind) {
    return forKind(kind).layerCount();
  }

  /**
   * Number of heads per layer of {@code kind}.
   *
   * @param kind a summarized kind
   * @return the number of heads per layer of that kind
   * @throws IllegalArgumentException if the kind was not summarized
   */
  public int headCount(AttentionKind kind) {
    return forKind(kind).headCount();
  }

  /**
   * Returns the summary of one head.
   *
   * @param kind a summarized kind
   * @param layer the layer, from 0
   * @param head the head within the layer, from 0
   * @return the summary of that head
   * @throws IllegalArgumentException if the kind was not summarized
   * @throws IndexOutOfBoundsException if the layer or head is out of range
   */
  public HeadSummary get(AttentionKind kind, int layer, int head) {
    KindSummaries summaries = forKind(kind);
    Objects.checkIndex(layer, summaries.layerCount());
    Objects.checkIndex(head, summaries.headCount());
    return summaries.heads().get(layer * summaries.headCount() + head);
  }

  /**
   * Every head sorted by {@code statistic}; NaN values last, ties in kind, layer, head order. See
   * {@link HeadSummary#comparing(Statistic, boolean)}.
   *
   * @param statistic the statistic to sort by; not null
   * @param descending true for the largest value first
   * @return a new list of every head, sorted
   */
  public List<HeadSummary> sortedBy(Statistic statistic, boolean descending) {
    List<HeadSummary> sorted = new ArrayList<>(heads());
    sorted.sort(HeadSummary.comparing(statistic, descending));
    return List.copyOf(sorted);
  }

  /**
   * One statistic of every head of {@code kind} as a {@code layers × heads} matrix, for a heatmap:
   * {@code grid.get(layer, head)}.
   *
   * @param kind a summarized kind
   * @param statistic the statistic to show; not null
   * @return a new {@code layers × heads} matrix; NaN where the statistic is undefined
   * @throws IllegalArgumentException if the kind was not summarized
   */
  public Matrix grid(AttentionKind kind, Statistic statistic) {
    Objects.requireNonNull(statistic, "statistic");
    KindSummaries summaries = forKind(kind);
    double[] values = new double[summaries.heads().size()];
    for (int p = 0; p < values.length; p++) {
      values[p] = summaries.heads().get(p).value(statistic);
    }
    return new Matrix(summaries.layerCount(), summaries.headCount(), values);
  }

  private KindSummaries forKind(AttentionKind kind) {
    KindSummaries summaries = byKind.get(Objects.requireNonNull(kind, "kind"));
    if (summaries == null) {
      throw new IllegalArgumentException(
          "no statistics for '" + kind.id() + "' attention; present: " + byKind.keySet());
    }
    return summaries;
  }

  @Override
  public String toString() {
    return "HeadStatistics" + byKind.keySet();
  }
}
