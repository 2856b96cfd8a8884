package dev.attnviz.swing.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.analysis.Matrix;
import dev.attnviz.core.analysis.Rollout;
import dev.attnviz.swing.internal.Messages;
import java.util.Objects;

/**
 * A rollout and the same numbers as attention data, so that the painters of the head view (lines,
 * heatmap) can draw it: one "layer" per depth, each with a single "head" holding {@code R_l}.
 * Rollout rows sum to 1 and every entry is in [0, 1], so the matrices are valid attention weights.
 *
 * @param rollout the rollout
 * @param asData {@code [depth][1][query][key]} = {@code rollout.afterLayer(depth)}, with the
 *     tokens, model and sentence pair of the data it was computed from
 */
record RolloutResult(Rollout rollout, AttentionData asData) {

  /** Checks the parts. */
  RolloutResult {
    Objects.requireNonNull(rollout, "rollout");
    Objects.requireNonNull(asData, "asData");
  }

  /** Rolls out the attention of {@code rollout}'s kind and wraps it as data like {@code source}. */
  static RolloutResult of(Rollout rollout, AttentionData source) {
    int layers = rollout.layerCount();
    int n = rollout.tokens().size();
    Tensor4D.Builder weights = Tensor4D.builder(layers, 1, n, n);
    float[] row = new float[n];
    for (int layer = 0; layer < layers; layer++) {
      Matrix matrix = rollout.afterLayer(layer);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          // Products of stochastic matrices stay in [0, 1] up to rounding, which must not fail
          // the attention checks.
          row[j] = (float) Math.min(1.0, Math.max(0.0, matrix.get(i, j)));
        }
        weights.setRow(layer, 0, i, row, 0);
      }
    }
    AttentionData.Builder data =
        AttentionData.builder()
            .setModel(source.model())
            .addAttention(
                Attention.builder(rollout.kind())
                    .setTokens(rollout.tokens())
                    .setWeights(weights.build())
                    .build());
    if (source.sentenceBStart().isPresent() && source.pairTokens().equals(rollout.tokens())) {
      data.optSentenceBStart(source.sentenceBStart().getAsInt());
    }
    return new RolloutResult(rollout, data.build());
  }

  /** The view's title for the rollout after layer {@code depth}. */
  String title(int depth) {
    return Messages.format(
        "rollout.title", depth, depth + 1, rollout.layerCount(), rollout.kind().id());
  }

  /** Why {@code kind} has no rollout. */
  static String needsSelfAttention(AttentionKind kind) {
    return Messages.format("rollout.needsSelfAttention", kind.id());
  }

  /**
   * About how long the rollout of {@code attention} takes: a nanosecond per multiply-add of the
   * layers' n × n products, 0.6 s for 512 tokens.
   */
  static long estimatedNanos(Attention attention) {
    long n = attention.queryTokens().size();
    return attention.layerCount() * n * n * n;
  }

  /** The largest of {@code values}, at least a tiny positive number (a scale's top). */
  static float max(float[] values) {
    float max = Float.MIN_NORMAL;
    for (float value : values) {
      max = Math.max(max, value);
    }
    return max;
  }
}
