package dev.attnviz.swing.testing;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.OracleFixture;
import java.util.List;

/** Attention data for the Swing tests: small hand-made matrices and the golden BERT fixtures. */
public final class TestData {

  private static final ModelInfo MODEL = new ModelInfo("test-model", "synthetic", false);

  private TestData() {}

  /** A tensor from nested arrays {@code [layer][head][query][key]}. */
  public static Tensor4D tensor(float[][][][] w) {
    Tensor4D.Builder builder =
        Tensor4D.builder(w.length, w[0].length, w[0][0].length, w[0][0][0].length);
    for (int l = 0; l < w.length; l++) {
      for (int h = 0; h < w[l].length; h++) {
        for (int i = 0; i < w[l][h].length; i++) {
          builder.setRow(l, h, i, w[l][h][i], 0);
        }
      }
    }
    return builder.build();
  }

  /** Self-attention data over {@code tokens}. */
  public static AttentionData self(List<String> tokens, float[][][][] weights) {
    return AttentionData.builder()
        .setModel(MODEL)
        .addAttention(
            Attention.builder(AttentionKind.SELF)
                .setTokens(Tokens.of(tokens))
                .setWeights(tensor(weights))
                .build())
        .build();
  }

  /** Self-attention data of a sentence pair whose sentence B starts at {@code bStart}. */
  public static AttentionData pair(List<String> tokens, int bStart, float[][][][] weights) {
    return self(tokens, weights).toBuilder().optSentenceBStart(bStart).build();
  }

  /** Encoder, decoder and cross attention. */
  public static AttentionData encoderDecoder(
      List<String> encoderTokens,
      List<String> decoderTokens,
      float[][][][] encoder,
      float[][][][] decoder,
      float[][][][] cross) {
    Tokens enc = Tokens.of(encoderTokens);
    Tokens dec = Tokens.of(decoderTokens);
    return AttentionData.builder()
        .setModel(MODEL)
        .addAttention(
            Attention.builder(AttentionKind.ENCODER)
                .setTokens(enc)
                .setWeights(tensor(encoder))
                .build())
        .addAttention(
            Attention.builder(AttentionKind.DECODER)
                .setTokens(dec)
                .setWeights(tensor(decoder))
                .build())
        .addAttention(
            Attention.builder(AttentionKind.CROSS)
                .setQueryTokens(dec)
                .setKeyTokens(enc)
                .setWeights(tensor(cross))
                .build())
        .build();
  }

  /** A {@code n × n} matrix with {@code weight} on the diagonal (i attends to i). */
  public static float[][] diagonal(int n, float weight) {
    float[][] m = new float[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = weight;
    }
    return m;
  }

  /** A {@code n × n} matrix where i attends fully to {@code n - 1 - i}. */
  public static float[][] reversed(int n) {
    float[][] m = new float[n][n];
    for (int i = 0; i < n; i++) {
      m[i][n - 1 - i] = 1f;
    }
    return m;
  }

  /** A {@code rows × columns} matrix of zeros. */
  public static float[][] zeros(int rows, int columns) {
    return new float[rows][columns];
  }

  /** Real BERT-base attention of a sentence pair, from the golden fixtures. */
  public static AttentionData bertPair() {
    return fromFixture(OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "rabbit-turtle-pair"));
  }

  /** Real BERT-base attention of one sentence, from the golden fixtures. */
  public static AttentionData bertSingle() {
    return fromFixture(OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "cat-sat"));
  }

  /** The fixture's attention as view data, with its sentence pair if it has one. */
  public static AttentionData fromFixture(OracleFixture fixture) {
    float[][][][] golden = fixture.attention();
    Tensor4D.Builder weights =
        Tensor4D.builder(
            golden.length, golden[0].length, golden[0][0].length, golden[0][0][0].length);
    for (int l = 0; l < golden.length; l++) {
      for (int h = 0; h < golden[l].length; h++) {
        for (int i = 0; i < golden[l][h].length; i++) {
          // Rounded to 6 decimals in the file, a row may exceed 1 by a hair; weights stay raw.
          weights.setRow(l, h, i, golden[l][h][i], 0);
        }
      }
    }
    AttentionData.Builder data =
        AttentionData.builder()
            .setModel(new ModelInfo(fixture.model(), "oracle", false))
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(Tokens.of(fixture.tokens()))
                    .setWeights(weights.build())
                    .build());
    if (fixture.sentenceBStart() > 0) {
      data.optSentenceBStart(fixture.sentenceBStart());
    }
    return data.build();
  }
}
