package dev.attnviz.djl;

import dev.attnviz.core.Tensor4D;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the copied outputs of a sequence model's run into {@link Tensor4D}s: attention
 * probabilities {@code [1, heads, q, k]} or, as BART exports them, {@code [heads, q, k]} (the batch
 * of one and the heads share the first axis), and query or key projections {@code [1, tokens,
 * heads*dim]} or {@code [1, heads, tokens, dim]}.
 */
final class SequenceOutputs {

  private SequenceOutputs() {}

  /**
   * Stacks the attention of every layer.
   *
   * @throws IllegalStateException if a tensor has another shape, or the head count changes
   */
  static Tensor4D attention(
      Map<String, OnnxSession.Output> outputs, List<String> names, int queries, int keys) {
    Tensor4D.Builder builder = null;
    int heads = 0;
    for (int layer = 0; layer < names.size(); layer++) {
      OnnxSession.Output output = outputs.get(names.get(layer));
      long[] s = output.shape();
      boolean four = s.length == 4 && s[0] == 1 && s[2] == queries && s[3] == keys;
      boolean three = s.length == 3 && s[1] == queries && s[2] == keys;
      if (!four && !three) {
        throw new IllegalStateException(
            "attention tensor "
                + names.get(layer)
                + " has shape "
                + Arrays.toString(s)
                + ", expected [1, heads, "
                + queries
                + ", "
                + keys
                + "] or [heads, "
                + queries
                + ", "
                + keys
                + "]");
      }
      int layerHeads = Math.toIntExact(four ? s[1] : s[0]);
      if (builder == null) {
        heads = layerHeads;
        builder = Tensor4D.builder(names.size(), heads, queries, keys);
      } else if (layerHeads != heads) {
        throw new IllegalStateException(
            names.get(layer) + " has " + layerHeads + " heads but layer 0 has " + heads);
      }
      float[] values = output.values();
      for (int head = 0; head < heads; head++) {
        for (int q = 0; q < queries; q++) {
          builder.setRow(layer, head, q, values, (head * queries + q) * keys);
        }
      }
    }
    return builder.build();
  }

  /**
   * Stacks the query or key projections of every layer, split into heads.
   *
   * @throws IllegalStateException if a tensor has another shape
   */
  static Tensor4D vectors(
      Map<String, OnnxSession.Output> outputs, List<String> names, int heads, int tokens) {
    Tensor4D.Builder builder = null;
    int dim = 0;
    for (int layer = 0; layer < names.size(); layer++) {
      OnnxSession.Output output = outputs.get(names.get(layer));
      long[] s = output.shape();
      boolean merged = s.length == 3 && s[0] == 1 && s[1] == tokens && s[2] % heads == 0;
      boolean split = s.length == 4 && s[0] == 1 && s[1] == heads && s[2] == tokens;
      if (!merged && !split) {
        throw new IllegalStateException(
            "projection tensor "
                + names.get(layer)
                + " has shape "
                + Arrays.toString(s)
                + ", expected [1, "
                + tokens
                + ", heads*dim] for "
                + heads
                + " heads");
      }
      int layerDim = Math.toIntExact(merged ? s[2] / heads : s[3]);
      if (builder == null) {
        dim = layerDim;
        builder = Tensor4D.builder(names.size(), heads, tokens, dim);
      }
      float[] values = output.values();
      for (int head = 0; head < heads; head++) {
        for (int token = 0; token < tokens; token++) {
          int offset = merged ? (token * heads + head) * dim : (head * tokens + token) * dim;
          builder.setRow(layer, head, token, values, offset);
        }
      }
    }
    return builder.build();
  }

  /** The index of the largest of the last row of {@code logits} {@code [1, n, vocabulary]}. */
  static int argmaxOfLastRow(OnnxSession.Output logits) {
    long[] s = logits.shape();
    int vocabulary = Math.toIntExact(s[s.length - 1]);
    int offset = logits.values().length - vocabulary;
    int best = 0;
    for (int i = 1; i < vocabulary; i++) {
      if (logits.values()[offset + i] > logits.values()[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
