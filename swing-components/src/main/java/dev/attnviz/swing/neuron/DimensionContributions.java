package dev.attnviz.swing.neuron;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Ranks the dimensions of a query/key pair by how much they contribute to the dot product. */
final class DimensionContributions {

  private DimensionContributions() {}

  /**
   * The {@code limit} dimensions with the largest {@code |q[d] · k[d]|}, largest first; ties go to
   * the lower dimension.
   *
   * @throws IllegalArgumentException if the vectors differ in length or {@code limit} is negative
   */
  static List<DimensionContribution> top(float[] query, float[] key, int limit) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(key, "key");
    if (query.length != key.length) {
      throw new IllegalArgumentException(
          "query has " + query.length + " dimensions but key has " + key.length);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit " + limit + " is negative");
    }
    double dot = 0;
    for (int d = 0; d < query.length; d++) {
      dot += (double) query[d] * key[d];
    }
    List<DimensionContribution> all = new ArrayList<>(query.length);
    for (int d = 0; d < query.length; d++) {
      double product = (double) query[d] * key[d];
      double share = dot == 0 ? Double.NaN : product / dot;
      all.add(new DimensionContribution(d, query[d], key[d], product, share));
    }
    all.sort(
        Comparator.comparingDouble((DimensionContribution c) -> -Math.abs(c.product()))
            .thenComparingInt(DimensionContribution::dimension));
    return List.copyOf(all.subList(0, Math.min(limit, all.size())));
  }
}
