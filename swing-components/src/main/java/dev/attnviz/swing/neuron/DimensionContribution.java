package dev.attnviz.swing.neuron;

/**
 * What one dimension {@code d} of a head adds to the dot product {@code q_i · k_j} of a query and a
 * key vector.
 *
 * @param dimension the dimension index, {@code 0 <= dimension < head size}
 * @param query {@code q_i[d]}
 * @param key {@code k_j[d]}
 * @param product {@code q_i[d] · k_j[d]} (exact: a product of two floats fits in a double)
 * @param share {@code product / (q_i · k_j)}, signed: the fraction of the unscaled dot product this
 *     dimension accounts for; above 1 or negative when other dimensions cancel; NaN when the dot
 *     product is 0
 */
public record DimensionContribution(
    int dimension, float query, float key, double product, double share) {}
