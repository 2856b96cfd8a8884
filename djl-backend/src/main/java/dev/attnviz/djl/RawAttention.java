package dev.attnviz.djl;

import dev.attnviz.core.Tensor4D;
import java.util.Optional;

/**
 * What one run of the model gave, copied out of native memory.
 *
 * @param weights attention probabilities {@code [layer][head][query][key]}
 * @param queries query vectors {@code [layer][head][token][dim]}, if asked for
 * @param keys key vectors {@code [layer][head][token][dim]}, if asked for
 */
record RawAttention(Tensor4D weights, Optional<Tensor4D> queries, Optional<Tensor4D> keys) {}
