package dev.attnviz.swing.bench;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.testing.SyntheticAttention;
import java.nio.FloatBuffer;

/**
 * A GPT-2-medium-sized result for benchmarks: 24 layers × 16 heads × 1,024 tokens, 1.6 GB of floats
 * on the heap (run with {@code -Xmx5g}). Drawing 400 million Gaussians as {@link
 * SyntheticAttention#realistic} does would take minutes, so one layer of realistic heads is made
 * and every layer takes those heads in another order: the views meet the same sizes and the same
 * kinds of patterns, which is what their paint times depend on.
 */
final class BigModel {

  static final int LAYERS = 24;
  static final int HEADS = 16;
  static final int TOKENS = 1024;

  private BigModel() {}

  /** The result, built in a few seconds. */
  static AttentionData gpt2Medium() {
    Attention template =
        SyntheticAttention.realistic(TOKENS, 1, HEADS, 42).attention(AttentionKind.SELF);
    Tensor4D.Builder weights = Tensor4D.builder(LAYERS, HEADS, TOKENS, TOKENS);
    float[] row = new float[TOKENS];
    for (int l = 0; l < LAYERS; l++) {
      for (int h = 0; h < HEADS; h++) {
        FloatBuffer matrix = template.weights().matrix(0, (h * 7 + l) % HEADS);
        for (int i = 0; i < TOKENS; i++) {
          matrix.get(i * TOKENS, row);
          weights.setRow(l, h, i, row, 0);
        }
      }
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("synthetic-gpt2-medium-sized", "synthetic", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(template.queryTokens())
                .setWeights(weights.build())
                .build())
        .build();
  }
}
