package dev.attnviz.core.testing;

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
 * Small attention results with known numbers, for tests. The values come from integer formulas with
 * one division each, so that another language (the NumPy script beside the test resources) computes
 * bit-identical float64 and float32 values. Also {@link #realistic}: long, BERT-like attention for
 * benchmarks and screenshots.
 */
public final class SyntheticAttention {

  /** Tokens of a single BERT sentence. */
  public static final List<String> CAT_SAT =
      List.of("[CLS]", "the", "cat", "sat", "on", "the", "mat", "[SEP]");

  /** Tokens of a BERT sentence pair; sentence B starts at {@link #PAIR_B_START}. */
  public static final List<String> PAIR =
      List.of("[CLS]", "the", "rabbit", "[SEP]", "the", "tor", "##to", "##ise", "[SEP]");

  /** Index of the first token of sentence B in {@link #PAIR}. */
  public static final int PAIR_B_START = 4;

  /** Encoder tokens of a tiny translation. */
  public static final List<String> ENCODER =
      List.of("\u2581Das", "\u2581Haus", "\u2581ist", "\u2581gro\u00df", "</s>");

  /** Decoder tokens of a tiny translation. */
  public static final List<String> DECODER = List.of("<pad>", "\u2581The", "\u2581house");

  /** Words that {@link #longTokens} repeats. */
  private static final String[] WORDS = {
    "the", "model", "reads", "a", "long", "document", "and", "each", "token", "attends", "to",
    "others", ",", "some", "heads", "look", "back", "while", "forward", "at", "sep", "."
  };

  private SyntheticAttention() {}

  /**
   * Weight {@code [l][h][i][j]} as a double: {@code n(j) / sum of n over the row}, with {@code n(j)
   * = 1 + (7l + 5h + 3i + j + offset) mod 11}. Rows sum to 1.
   */
  public static double weight(int l, int h, int i, int j, int keys, int offset) {
    long sum = 0;
    for (int k = 0; k < keys; k++) {
      sum += numerator(l, h, i, k, offset);
    }
    return (double) numerator(l, h, i, j, offset) / sum;
  }

  private static long numerator(int l, int h, int i, int j, int offset) {
    return 1 + (7L * l + 5L * h + 3L * i + j + offset) % 11;
  }

  /** A vector component: {@code ((13l + 7h + 3t + 5d + offset) mod 17 - 8) / 4}, exact. */
  public static double vector(int l, int h, int t, int d, int offset) {
    return ((13L * l + 7L * h + 3L * t + 5L * d + offset) % 17 - 8) / 4.0;
  }

  /** A value as a function of its four indexes. */
  @FunctionalInterface
  public interface Formula {
    /** The value at {@code [i0][i1][i2][i3]}. */
    double at(int i0, int i1, int i2, int i3);
  }

  /** All values of a formula over the given shape, in C (row-major) order. */
  public static double[] values(int d0, int d1, int d2, int d3, Formula formula) {
    double[] values = new double[d0 * d1 * d2 * d3];
    int k = 0;
    for (int i0 = 0; i0 < d0; i0++) {
      for (int i1 = 0; i1 < d1; i1++) {
        for (int i2 = 0; i2 < d2; i2++) {
          for (int i3 = 0; i3 < d3; i3++) {
            values[k++] = formula.at(i0, i1, i2, i3);
          }
        }
      }
    }
    return values;
  }

  /** The values of a formula rounded to float, in C order. */
  public static float[] floats(int d0, int d1, int d2, int d3, Formula formula) {
    double[] values = values(d0, d1, d2, d3, formula);
    float[] floats = new float[values.length];
    for (int k = 0; k < values.length; k++) {
      floats[k] = (float) values[k];
    }
    return floats;
  }

  /** The formula of {@link #weight} for rows of {@code keys} entries. */
  public static Formula weightFormula(int keys, int offset) {
    return (l, h, i, j) -> weight(l, h, i, j, keys, offset);
  }

  /** The formula of {@link #vector}. */
  public static Formula vectorFormula(int offset) {
    return (l, h, t, d) -> vector(l, h, t, d, offset);
  }

  /** Weights from {@link #weight}, as float32. */
  public static Tensor4D weights(int layers, int heads, int queries, int keys, int offset) {
    return Tensor4D.copyOf(
        floats(layers, heads, queries, keys, weightFormula(keys, offset)),
        layers,
        heads,
        queries,
        keys);
  }

  /** Vectors from {@link #vector}. */
  public static Tensor4D vectors(int layers, int heads, int tokens, int dim, int offset) {
    return Tensor4D.copyOf(
        floats(layers, heads, tokens, dim, vectorFormula(offset)), layers, heads, tokens, dim);
  }

  /** Self-attention over {@code tokens}, optionally with vectors of size 4. */
  public static Attention self(List<String> tokens, int layers, int heads, boolean vectors) {
    int n = tokens.size();
    Attention.Builder builder =
        Attention.builder(AttentionKind.SELF)
            .setTokens(Tokens.of(tokens))
            .setWeights(weights(layers, heads, n, n, 0));
    if (vectors) {
      builder.optVectors(vectors(layers, heads, n, 4, 0), vectors(layers, heads, n, 4, 1));
    }
    return builder.build();
  }

  /** A BERT-like single sentence result: 2 layers, 3 heads. */
  public static AttentionData single(boolean vectors) {
    return AttentionData.builder()
        .setModel(new ModelInfo("tiny-bert", "test", false))
        .addAttention(self(CAT_SAT, 2, 3, vectors))
        .build();
  }

  /** A BERT-like sentence pair result: 2 layers, 2 heads. */
  public static AttentionData pair(boolean vectors) {
    return AttentionData.builder()
        .setModel(new ModelInfo("tiny-bert", "test", false))
        .addAttention(self(PAIR, 2, 2, vectors))
        .optSentenceBStart(PAIR_B_START)
        .build();
  }

  /** An encoder-decoder result with encoder, decoder and cross attention: 2 layers, 2 heads. */
  public static AttentionData encoderDecoder(boolean vectors) {
    Tokens encoder = Tokens.of(ENCODER);
    Tokens decoder = Tokens.of(DECODER);
    int e = encoder.size();
    int d = decoder.size();
    Attention.Builder enc =
        Attention.builder(AttentionKind.ENCODER)
            .setTokens(encoder)
            .setWeights(weights(2, 2, e, e, 1));
    Attention.Builder dec =
        Attention.builder(AttentionKind.DECODER)
            .setTokens(decoder)
            .setWeights(weights(2, 2, d, d, 2));
    Attention.Builder cross =
        Attention.builder(AttentionKind.CROSS)
            .setQueryTokens(decoder)
            .setKeyTokens(encoder)
            .setWeights(weights(2, 2, d, e, 3));
    if (vectors) {
      enc.optVectors(vectors(2, 2, e, 4, 0), vectors(2, 2, e, 4, 1));
      dec.optVectors(vectors(2, 2, d, 4, 2), vectors(2, 2, d, 4, 3));
      cross.optVectors(vectors(2, 2, d, 4, 4), vectors(2, 2, e, 4, 5));
    }
    return AttentionData.builder()
        .setModel(new ModelInfo("tiny-t5", "test", false))
        .addAttention(enc.build())
        .addAttention(dec.build())
        .addAttention(cross.build())
        .build();
  }

  /** Tokens {@code [CLS] w1 ... [SEP]}, {@code count} in all, for {@link #realistic}. */
  public static List<String> longTokens(int count) {
    List<String> tokens = new ArrayList<>(count);
    tokens.add("[CLS]");
    for (int i = 1; i < count - 1; i++) {
      tokens.add(WORDS[(i * 7 + i / 5) % WORDS.length]);
    }
    tokens.add("[SEP]");
    return tokens;
  }

  /**
   * Attention that looks like a real encoder's, for long inputs where no model runs in the tests
   * (benchmarks, screenshots): self-attention over {@link #longTokens(int)} with {@code layers ×
   * heads} heads. Each head follows one pattern seen in BERT (attend to the previous or next token,
   * to itself, to [CLS]/[SEP], to nearby tokens, or broadly), plus noise; every row is a softmax,
   * so rows sum to 1. Deterministic for a seed. Not for exact expectations: use the formulas above.
   */
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
                .setTokens(Tokens.of(longTokens(tokenCount)))
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

  /**
   * Random attention rows, for tests and benchmarks that need many valid weights: each row the
   * softmax of Gaussian scores.
   *
   * @param rows how many rows
   * @param columns the length of each row
   * @param random the source of the scores
   * @return {@code rows × columns} weights, row-major
   */
  public static float[] randomSoftmaxRows(int rows, int columns, Random random) {
    float[] values = new float[rows * columns];
    float[] row = new float[columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        row[c] = (float) (random.nextGaussian() * 2);
      }
      softmaxInPlace(row);
      System.arraycopy(row, 0, values, r * columns, columns);
    }
    return values;
  }

  /**
   * Random Gaussian values, standing in for query and key vectors.
   *
   * @param count how many values
   * @param random the source
   * @return {@code count} values with standard deviation 2
   */
  public static float[] randomGaussian(int count, Random random) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) (random.nextGaussian() * 2);
    }
    return values;
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
