package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values read into a {@link Tensor4D.Builder} from a buffer are checked on the way in, and an
 * {@link Attention} over them skips its second pass only when every value is valid: a bad value
 * anywhere (first value, a piece boundary, the last value) gives the very message the full check
 * gives for the same numbers built without that knowledge.
 */
class CheckedCopyTest {

  // 2 layers x 3 heads x 100 x 124: a matrix is 12,400 floats, so pieces of RangeNotingCopy.PIECE
  // floats end inside rows and the last piece of each matrix is short.
  private static final int LAYERS = 2;
  private static final int HEADS = 3;
  private static final int TOKENS = 100;
  private static final int KEYS = 124;
  private static final int DIM = 32;

  private static final float[] BAD_WEIGHTS = {
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY,
    -1e-30f,
    -0.5f,
    Math.nextUp(1f + Attention.WEIGHT_TOLERANCE),
    1.5f
  };

  private static final float[] BAD_VECTOR_VALUES = {
    Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY
  };

  @Test
  void validValuesReadFromBuffersAreKnownValid() {
    float[] weights =
        SyntheticAttention.randomSoftmaxRows(LAYERS * HEADS * TOKENS, KEYS, new Random(1));
    Tensor4D read = readByMatrices(weights, LAYERS, HEADS, TOKENS, KEYS);
    assertTrue(read.knownWithin(0f, 1f + Attention.WEIGHT_TOLERANCE));
    assertEquals(Tensor4D.copyOf(weights, LAYERS, HEADS, TOKENS, KEYS), read);
    Tensor4D byRows = readByRows(weights, LAYERS, HEADS, TOKENS, KEYS);
    assertTrue(byRows.knownWithin(0f, 1f));
    Attention attention = attention(read, null, null);
    assertTrue(attention.problem(1, 2).isEmpty());
    assertTrue(attention.firstProblem().isEmpty());
  }

  @Test
  void theEdgesOfValidWeightsStayValid() {
    float[] weights =
        SyntheticAttention.randomSoftmaxRows(LAYERS * HEADS * TOKENS, KEYS, new Random(2));
    weights[0] = -0f;
    weights[weights.length - 1] = 1f + Attention.WEIGHT_TOLERANCE;
    Tensor4D read = readByMatrices(weights, LAYERS, HEADS, TOKENS, KEYS);
    assertTrue(read.knownWithin(0f, 1f + Attention.WEIGHT_TOLERANCE));
    attention(read, null, null);
  }

  @Test
  void valuesWrittenOtherwiseAreNotKnown() {
    Tensor4D.Builder builder = Tensor4D.builder(1, 1, 2, 2);
    builder.setRow(0, 0, 0, FloatBuffer.wrap(new float[] {0.5f, 0.5f}));
    builder.set(0, 0, 1, 0, 1f);
    assertFalse(builder.build().knownWithin(0f, 1f));
    Tensor4D.Builder fromArray = Tensor4D.builder(1, 1, 1, 2);
    fromArray.setRow(0, 0, 0, new float[] {0.5f, 0.5f}, 0);
    assertFalse(fromArray.build().knownWithin(0f, 1f));
    assertFalse(Tensor4D.copyOf(new float[] {0f}, 1, 1, 1, 1).knownWithin(0f, 1f));
    // Unwritten elements hold 0, which the bounds include.
    assertTrue(Tensor4D.builder(1, 1, 2, 2).build().knownWithin(0f, 0f));
  }

  @Test
  void aBadWeightAnywhereGivesTheSameMessageAsTheFullCheck() {
    float[] valid =
        SyntheticAttention.randomSoftmaxRows(LAYERS * HEADS * TOKENS, KEYS, new Random(3));
    int matrix = TOKENS * KEYS;
    for (int at : positions(valid.length, matrix)) {
      for (float bad : BAD_WEIGHTS) {
        float[] weights = valid.clone();
        weights[at] = bad;
        Tensor4D read = readByMatrices(weights, LAYERS, HEADS, TOKENS, KEYS);
        assertFalse(read.knownWithin(0f, 1f + Attention.WEIGHT_TOLERANCE), "at " + at);
        String expected =
            message(
                () -> attention(Tensor4D.copyOf(weights, LAYERS, HEADS, TOKENS, KEYS), null, null));
        assertEquals(expected, message(() -> attention(read, null, null)), "at " + at + ": " + bad);
        assertEquals(
            expected,
            message(() -> attention(readByRows(weights, LAYERS, HEADS, TOKENS, KEYS), null, null)));
      }
    }
  }

  @Test
  void aBadQueryOrKeyValueAnywhereGivesTheSameMessageAsTheFullCheck() {
    float[] weights =
        SyntheticAttention.randomSoftmaxRows(LAYERS * HEADS * TOKENS, TOKENS, new Random(4));
    Tensor4D readWeights = readByMatrices(weights, LAYERS, HEADS, TOKENS, TOKENS);
    Random random = new Random(5);
    float[] valid = SyntheticAttention.randomGaussian(LAYERS * HEADS * TOKENS * DIM, random);
    Tensor4D good = readByMatrices(valid, LAYERS, HEADS, TOKENS, DIM);
    assertTrue(good.knownWithin(-Float.MAX_VALUE, Float.MAX_VALUE));
    Tensor4D tokenMajor = readTokenMajor(valid);
    assertEquals(good, tokenMajor);
    assertTrue(tokenMajor.knownWithin(-Float.MAX_VALUE, Float.MAX_VALUE));
    attention(readWeights, good, good);
    for (int at : positions(valid.length, TOKENS * DIM)) {
      for (float bad : BAD_VECTOR_VALUES) {
        float[] values = valid.clone();
        values[at] = bad;
        Tensor4D old = Tensor4D.copyOf(values, LAYERS, HEADS, TOKENS, DIM);
        Tensor4D oldWeights = Tensor4D.copyOf(weights, LAYERS, HEADS, TOKENS, TOKENS);
        Tensor4D read = readByRows(values, LAYERS, HEADS, TOKENS, DIM);
        assertEquals(
            message(() -> attention(oldWeights, old, good)),
            message(() -> attention(readWeights, read, good)),
            "queries at " + at + ": " + bad);
        assertEquals(
            message(() -> attention(oldWeights, good, old)),
            message(() -> attention(readWeights, good, read)),
            "keys at " + at + ": " + bad);
        assertEquals(
            message(() -> attention(oldWeights, old, good)),
            message(() -> attention(readWeights, readTokenMajor(values), good)),
            "token-major queries at " + at + ": " + bad);
      }
    }
  }

  /**
   * The first and last value, both sides of each piece boundary of the first matrix, the first
   * value of the second matrix, and the last value of the last matrix's short last piece.
   */
  private static List<Integer> positions(int length, int matrix) {
    List<Integer> at = new ArrayList<>(List.of(0, length - 1, matrix, matrix - 1, length - 2));
    for (int boundary = RangeNotingCopy.PIECE;
        boundary < matrix;
        boundary += RangeNotingCopy.PIECE) {
      at.add(boundary - 1);
      at.add(boundary);
    }
    return at;
  }

  private static String message(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run).getMessage();
  }

  private static Attention attention(Tensor4D weights, Tensor4D queries, Tensor4D keys) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < weights.dim2(); i++) {
      tokens.add("t" + i);
    }
    Attention.Builder builder =
        Attention.builder(AttentionKind.SELF).setTokens(Tokens.of(tokens)).setWeights(weights);
    if (weights.dim3() != weights.dim2()) {
      builder =
          Attention.builder(AttentionKind.CROSS)
              .setQueryTokens(Tokens.of(tokens))
              .setKeyTokens(Tokens.of(keyTokens(weights.dim3())))
              .setWeights(weights);
    }
    if (queries != null) {
      builder.optVectors(queries, keys);
    }
    return builder.build();
  }

  private static List<String> keyTokens(int count) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add("k" + i);
    }
    return tokens;
  }

  /**
   * Through a direct buffer, a matrix at a time, as the DJL provider reads ONNX Runtime's output.
   */
  private static Tensor4D readByMatrices(float[] values, int d0, int d1, int d2, int d3) {
    FloatBuffer source = direct(values);
    Tensor4D.Builder builder = Tensor4D.builder(d0, d1, d2, d3);
    for (int l = 0; l < d0; l++) {
      for (int h = 0; h < d1; h++) {
        builder.setRows(l, h, 0, d2, source);
      }
    }
    return builder.build();
  }

  /**
   * Vectors {@code [layer][head][token][dim]} stored token-major per layer, {@code [token][head ×
   * dim]}, and read back a token at a time with {@link Tensor4D.Builder#setRowOfEveryI1}.
   */
  private static Tensor4D readTokenMajor(float[] values) {
    float[] tokenMajor = new float[values.length];
    for (int l = 0; l < LAYERS; l++) {
      for (int h = 0; h < HEADS; h++) {
        for (int t = 0; t < TOKENS; t++) {
          System.arraycopy(
              values,
              ((l * HEADS + h) * TOKENS + t) * DIM,
              tokenMajor,
              ((l * TOKENS + t) * HEADS + h) * DIM,
              DIM);
        }
      }
    }
    FloatBuffer source = direct(tokenMajor);
    Tensor4D.Builder builder = Tensor4D.builder(LAYERS, HEADS, TOKENS, DIM);
    for (int l = 0; l < LAYERS; l++) {
      for (int t = 0; t < TOKENS; t++) {
        builder.setRowOfEveryI1(l, t, source);
      }
    }
    return builder.build();
  }

  /** A row at a time. */
  private static Tensor4D readByRows(float[] values, int d0, int d1, int d2, int d3) {
    FloatBuffer source = direct(values);
    Tensor4D.Builder builder = Tensor4D.builder(d0, d1, d2, d3);
    for (int l = 0; l < d0; l++) {
      for (int h = 0; h < d1; h++) {
        for (int r = 0; r < d2; r++) {
          builder.setRow(l, h, r, source);
        }
      }
    }
    return builder.build();
  }

  private static FloatBuffer direct(float[] values) {
    FloatBuffer buffer =
        java.nio.ByteBuffer.allocateDirect(values.length * Float.BYTES)
            .order(java.nio.ByteOrder.nativeOrder())
            .asFloatBuffer();
    buffer.put(values).flip();
    return buffer;
  }
}
