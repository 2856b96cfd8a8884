package dev.attnviz.swing.testing;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic attention that looks like a real encoder's, for long inputs where no model runs in the
 * tests (benchmarks, the 512-token screenshot). Each head follows one pattern seen in BERT (attend
 * to the previous or next token, to itself, to [CLS]/[SEP], to nearby tokens, or broadly), plus
 * noise; every row is a softmax, so rows sum to 1. Deterministic for a seed.
 */
public final class SyntheticAttention {

  private static final String[] WORDS = {
    "the", "model", "reads", "a", "long", "document", "and", "each", "token", "attends", "to",
    "others", ",", "some", "heads", "look", "back", "while", "forward", "at", "sep", "."
  };

  private SyntheticAttention() {}

  /** Tokens {@code [CLS] w1 ... [SEP]}, {@code count} in all. */
  public static List<String> tokens(int count) {
    List<String> tokens = new ArrayList<>(count);
    tokens.add("[CLS]");
    for (int i = 1; i < count - 1; i++) {
      tokens.add(WORDS[(i * 7 + i / 5) % WORDS.length]);
    }
    tokens.add("[SEP]");
    return tokens;
  }

  /** Self-attention over {@link #tokens(int)} with {@code layers × heads} patterned heads. */
  public static AttentionData realistic(int tokenCount, int layers, int heads, long seed) {
    Random random = new Random(seed);
    Tensor4D.Builder weights = Tensor4D.builder(layers, heads, tokenCount, tokenCount);
    float[] logits = new float[tokenCount];
    for (int l = 0; l < layers; l++) {
      for (int h = 0; h < heads; h++) {
        int pattern = random.nextInt(6);
        double sharpness = 3 + random.nextDouble() * 5;
        int window = 2 + random.nextInt(6);
        for (int i = 0; i < tokenCount; i++) {
          for (int j = 0; j < tokenCount; j++) {
            logits[j] =
                (float)
                    (score(pattern, i, j, tokenCount, sharpness, window)
                        + random.nextGaussian() * 0.6);
          }
          softmaxInPlace(logits);
          weights.setRow(l, h, i, logits, 0);
        }
      }
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("synthetic-bert-like", "synthetic", false))
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(tokens(tokenCount)))
                .setWeights(weights.build())
                .build())
        .build();
  }

  private static double score(int pattern, int i, int j, int n, double sharp, int window) {
    boolean special = j == 0 || j == n - 1;
    return switch (pattern) {
      case 0 -> j == i - 1 ? sharp : (special ? sharp / 2 : 0);
      case 1 -> j == i + 1 ? sharp : (special ? sharp / 2 : 0);
      case 2 -> j == i ? sharp : 0;
      case 3 -> special ? sharp : 0;
      case 4 -> Math.abs(i - j) <= window ? sharp / 2 - Math.abs(i - j) * 0.3 : 0;
      default -> (j * 31 + i / 16) % 11 == 0 ? sharp / 2 : 0;
    };
  }

  private static void softmaxInPlace(float[] values) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int k = 0; k < values.length; k++) {
      values[k] = (float) Math.exp(values[k] - max);
      sum += values[k];
    }
    for (int k = 0; k < values.length; k++) {
      values[k] = (float) Math.min(1.0, values[k] / sum);
    }
  }
}
