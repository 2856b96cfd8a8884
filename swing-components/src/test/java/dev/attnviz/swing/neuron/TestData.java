package dev.attnviz.swing.neuron;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.List;

/** Small attention data with known values, for exact expectations. */
final class TestData {

  /** Tokens of the three-token examples. */
  static final List<String> THREE_TOKENS = List.of("the", "cat", "sat");

  /** Weights of head 1 of {@link #threeTokens}: rows sum to 1, deliberately not q·k's softmax. */
  static final float[][] WEIGHTS = {
    {0.7f, 0.2f, 0.1f},
    {0.1f, 0.6f, 0.3f},
    {0.0f, 0.25f, 0.75f}
  };

  /** Causal weights: query i sees keys 0..i. */
  static final float[][] CAUSAL_WEIGHTS = {
    {1f, 0f, 0f},
    {0.4f, 0.6f, 0f},
    {0.2f, 0.3f, 0.5f}
  };

  /** Query vectors of head 1: [token][dim]. */
  static final float[][] QUERIES = {
    {4f, -4f, 2f, 0f},
    {8f, -2f, 1f, -6f},
    {-1f, 3f, 0.5f, 2f}
  };

  /** Key vectors of head 1: [token][dim]. */
  static final float[][] KEYS = {
    {2f, 2f, -4f, 1f},
    {-3f, 1f, 4f, 0.5f},
    {1f, -8f, 2f, 3f}
  };

  private TestData() {}

  /** One layer, two heads; head 1 holds {@link #WEIGHTS}, {@link #QUERIES}, {@link #KEYS}. */
  static AttentionData threeTokens(boolean vectors) {
    return single(THREE_TOKENS, WEIGHTS, QUERIES, KEYS, vectors, false, null);
  }

  /** Like {@link #threeTokens} for a causal model, with {@link #CAUSAL_WEIGHTS}. */
  static AttentionData causalThreeTokens() {
    return single(THREE_TOKENS, CAUSAL_WEIGHTS, QUERIES, KEYS, true, true, null);
  }

  /**
   * One layer with two heads: head 1 holds the given numbers, head 0 uniform weights and vectors of
   * ones.
   */
  static AttentionData single(
      List<String> tokens,
      float[][] weights,
      float[][] queries,
      float[][] keys,
      boolean vectors,
      boolean causal,
      Integer sentenceBStart) {
    int n = tokens.size();
    int d = queries[0].length;
    Tensor4D.Builder w = Tensor4D.builder(1, 2, n, n);
    Tensor4D.Builder q = Tensor4D.builder(1, 2, n, d);
    Tensor4D.Builder k = Tensor4D.builder(1, 2, n, d);
    float[] ones = new float[d];
    java.util.Arrays.fill(ones, 1f);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w.set(0, 0, i, j, causal ? (j <= i ? 1f / (i + 1) : 0f) : 1f / n);
      }
      w.setRow(0, 1, i, weights[i], 0);
      q.setRow(0, 0, i, ones, 0);
      k.setRow(0, 0, i, ones, 0);
      q.setRow(0, 1, i, queries[i], 0);
      k.setRow(0, 1, i, keys[i], 0);
    }
    Attention.Builder attention =
        Attention.builder(AttentionKind.SELF).setTokens(Tokens.of(tokens)).setWeights(w.build());
    if (vectors) {
      attention.optVectors(q.build(), k.build());
    }
    AttentionData.Builder data =
        AttentionData.builder()
            .setModel(new ModelInfo("test-model", "test", causal))
            .addAttention(attention.build());
    if (sentenceBStart != null) {
      data.optSentenceBStart(sentenceBStart);
    }
    return data.build();
  }

  /**
   * {@code layers × heads} heads over {@code n} tokens with uniform weights and vectors whose value
   * at dimension d is {@code (d even ? 1 : -1) · (1 + d % 7)}, for navigation and head-size tests.
   */
  static AttentionData uniform(int layers, int heads, int n, int d) {
    Tensor4D.Builder w = Tensor4D.builder(layers, heads, n, n);
    Tensor4D.Builder q = Tensor4D.builder(layers, heads, n, d);
    Tensor4D.Builder k = Tensor4D.builder(layers, heads, n, d);
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            w.set(l, h, i, j, 1f / n);
          }
          for (int x = 0; x < d; x++) {
            q.set(l, h, i, x, patternValue(x));
            k.set(l, h, i, x, -patternValue(x));
          }
        }
      }
    }
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      tokens.add("t" + i);
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("uniform", "test", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(tokens))
                .setWeights(w.build())
                .optVectors(q.build(), k.build())
                .build())
        .build();
  }

  /** The query value of {@link #uniform} at dimension {@code d}; keys hold its negative. */
  static float patternValue(int d) {
    return (d % 2 == 0 ? 1 : -1) * (1 + d % 7);
  }
}
