package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.OracleFixture;
import java.util.Arrays;
import java.util.List;

/** Small hand-written attentions and the BERT-base fixture as data, for the analysis tests. */
final class TestAttention {

  static final ModelInfo MODEL = new ModelInfo("hand-made", "test", false);

  private TestAttention() {}

  /**
   * One head over {@code [CLS] un ##like [SEP]} (or other tokens of that shape) with rows (0.1,
   * 0.2, 0.3, 0.4), (0.4, 0.3, 0.2, 0.1), (0.2, 0.2, 0.2, 0.4), (0.25, 0.25, 0.25, 0.25).
   */
  static Attention fourTokens(List<String> tokens) {
    return selfOneHead(
        tokens,
        new double[][] {
          {0.1, 0.2, 0.3, 0.4}, {0.4, 0.3, 0.2, 0.1}, {0.2, 0.2, 0.2, 0.4}, {0.25, 0.25, 0.25, 0.25}
        });
  }

  /** An {@code n × n} matrix of weights {@code 1/n}. */
  static double[][] uniform(int n) {
    double[][] weights = new double[n][n];
    for (double[] row : weights) {
      Arrays.fill(row, 1.0 / n);
    }
    return weights;
  }

  /** Packs {@code [layer][head][query][key]} values into a tensor. */
  static Tensor4D tensor(double[][][][] values) {
    Tensor4D.Builder builder =
        Tensor4D.builder(
            values.length, values[0].length, values[0][0].length, values[0][0][0].length);
    for (int l = 0; l < values.length; l++) {
      for (int h = 0; h < values[l].length; h++) {
        for (int i = 0; i < values[l][h].length; i++) {
          for (int j = 0; j < values[l][h][i].length; j++) {
            builder.set(l, h, i, j, (float) values[l][h][i][j]);
          }
        }
      }
    }
    return builder.build();
  }

  /** Self-attention over {@code tokens} (flags and words inferred) with the given weights. */
  static Attention self(List<String> tokens, double[][][][] weights) {
    return Attention.builder(AttentionKind.SELF)
        .setTokens(Tokens.of(tokens))
        .setWeights(tensor(weights))
        .build();
  }

  /** Self-attention with one layer and one head. */
  static Attention selfOneHead(List<String> tokens, double[][] weights) {
    return self(tokens, new double[][][][] {{weights}});
  }

  /** Attention of any kind with one layer and one head. */
  static Attention oneHead(
      AttentionKind kind, List<String> queries, List<String> keys, double[][] weights) {
    return Attention.builder(kind)
        .setQueryTokens(Tokens.of(queries))
        .setKeyTokens(Tokens.of(keys))
        .setWeights(tensor(new double[][][][] {{weights}}))
        .build();
  }

  /** Data holding the given attentions. */
  static AttentionData data(Attention... attentions) {
    AttentionData.Builder builder = AttentionData.builder().setModel(MODEL);
    for (Attention attention : attentions) {
      builder.addAttention(attention);
    }
    return builder.build();
  }

  /**
   * The BERT-base golden attention of "the rabbit quickly hopped" / "the turtle slowly crawled".
   */
  static AttentionData bertPair() {
    OracleFixture fixture =
        OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "rabbit-turtle-pair");
    return fromFixture(fixture, Tokens.of(fixture.tokens()));
  }

  /** The fixture's attention over the given tokens (same strings, possibly other words). */
  static AttentionData fromFixture(OracleFixture fixture, Tokens tokens) {
    float[][][][] a = fixture.attention();
    Tensor4D.Builder weights =
        Tensor4D.builder(a.length, a[0].length, a[0][0].length, a[0][0][0].length);
    for (int l = 0; l < a.length; l++) {
      for (int h = 0; h < a[l].length; h++) {
        for (int i = 0; i < a[l][h].length; i++) {
          weights.setRow(l, h, i, a[l][h][i], 0);
        }
      }
    }
    AttentionData.Builder data =
        AttentionData.builder()
            .setModel(new ModelInfo(fixture.model(), "oracle", false))
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(tokens)
                    .setWeights(weights.build())
                    .build());
    if (fixture.sentenceBStart() > 0) {
      data.optSentenceBStart(fixture.sentenceBStart());
    }
    return data.build();
  }

  /** Asserts that every row of {@code matrix} sums to 1 within {@code tolerance}. */
  static void assertRowsSumToOne(Matrix matrix, double tolerance, String what) {
    for (int i = 0; i < matrix.rows(); i++) {
      double sum = matrix.rowSum(i);
      if (Math.abs(sum - 1) > tolerance) {
        throw new AssertionError(what + " row " + i + " sums to " + sum);
      }
    }
  }
}
