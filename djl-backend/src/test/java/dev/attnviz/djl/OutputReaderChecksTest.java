package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.onnxruntime.engine.OrtNDArray;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.SyntheticAttention;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Outputs read from ONNX Runtime's memory are checked while they are copied ({@link OutputReader}
 * through the {@code Tensor4D} builder's noting reads): a NaN, infinite, negative or too large
 * weight, or a non-finite query or key value, in the first or last value, on either side of a piece
 * boundary, gives exactly the message core's full check gives for the same numbers; valid outputs
 * read the same numbers.
 */
class OutputReaderChecksTest {

  private static final int LAYERS = 2;
  private static final int HEADS = 12;
  private static final int TOKENS = 70; // a 4,900-float matrix: one piece boundary inside it
  private static final int DIM = 8;

  @Test
  void badOutputValuesGiveTheMessagesOfTheFullCheck() {
    Random random = new Random(18);
    float[][] weights = new float[LAYERS][];
    float[][] queries = new float[LAYERS][];
    float[][] keys = new float[LAYERS][];
    for (int l = 0; l < LAYERS; l++) {
      weights[l] = SyntheticAttention.randomSoftmaxRows(HEADS * TOKENS, TOKENS, random);
      queries[l] = SyntheticAttention.randomGaussian(TOKENS * HEADS * DIM, random);
      keys[l] = SyntheticAttention.randomGaussian(TOKENS * HEADS * DIM, random);
    }
    try (NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
      Attention valid = read(manager, weights, queries, keys);
      assertArrayEquals(concat(weights), valid.weights().toArray());
      int matrix = TOKENS * TOKENS;
      int last = LAYERS - 1;
      int[] weightPositions = {0, 4095, 4096, matrix - 1, HEADS * matrix - 1};
      for (int at : weightPositions) {
        for (float bad : new float[] {Float.NaN, -0.25f, 1.01f, Float.POSITIVE_INFINITY}) {
          float[][] damaged = copy(weights);
          damaged[last][at] = bad;
          assertSameMessage(manager, damaged, queries, keys, "weight " + at + " = " + bad);
        }
      }
      int[] vectorPositions = {0, 4095, 4096, TOKENS * HEADS * DIM - 1};
      for (int at : vectorPositions) {
        for (float bad : new float[] {Float.NaN, Float.NEGATIVE_INFINITY}) {
          float[][] damagedQueries = copy(queries);
          damagedQueries[last][at] = bad;
          assertSameMessage(manager, weights, damagedQueries, keys, "query " + at + " = " + bad);
          float[][] damagedKeys = copy(keys);
          damagedKeys[last][at] = bad;
          assertSameMessage(manager, weights, queries, damagedKeys, "key " + at + " = " + bad);
        }
      }
    }
  }

  private static AttentionTensors tensors() {
    List<String> weightNames = new ArrayList<>();
    List<String> queryNames = new ArrayList<>();
    List<String> keyNames = new ArrayList<>();
    for (int l = 0; l < LAYERS; l++) {
      weightNames.add("attn" + l);
      queryNames.add("q" + l);
      keyNames.add("k" + l);
    }
    return new AttentionTensors("BERT", false, weightNames, queryNames, keyNames);
  }

  /** attn0, q0, k0, attn1, q1, k1, ... */
  private static NDList outputs(
      NDManager manager, float[][] weights, float[][] queries, float[][] keys) {
    NDList outputs = new NDList();
    for (int l = 0; l < LAYERS; l++) {
      outputs.add(named(manager, "attn" + l, weights[l], 1, HEADS, TOKENS, TOKENS));
      outputs.add(named(manager, "q" + l, queries[l], 1, TOKENS, HEADS * DIM));
      outputs.add(named(manager, "k" + l, keys[l], 1, TOKENS, HEADS * DIM));
    }
    return outputs;
  }

  private static NDArray named(NDManager manager, String name, float[] values, long... shape) {
    NDArray array = manager.create(values, new Shape(shape));
    assertTrue(array instanceof OrtNDArray, "an ONNX Runtime tensor, read in place");
    array.setName(name);
    return array;
  }

  private static void assertSameMessage(
      NDManager manager, float[][] weights, float[][] queries, float[][] keys, String what) {
    String read =
        assertThrows(IllegalArgumentException.class, () -> read(manager, weights, queries, keys))
            .getMessage();
    // The same numbers without the builder's knowledge: core's full check, as before.
    Tensor4D w = Tensor4D.copyOf(concat(weights), LAYERS, HEADS, TOKENS, TOKENS);
    Tensor4D q = headMajor(queries);
    Tensor4D k = headMajor(keys);
    String full =
        assertThrows(IllegalArgumentException.class, () -> attention(w, q, k)).getMessage();
    assertEquals(full, read, what);
    assertTrue(read.startsWith("self attention: "), read);
  }

  private static Attention read(
      NDManager manager, float[][] weights, float[][] queries, float[][] keys) {
    try (NDManager run = manager.newSubManager()) {
      NDList outputs = outputs(run, weights, queries, keys);
      AttentionTensors names = tensors();
      Tensor4D w = OutputReader.weights(outputs, names.attention(), TOKENS);
      Tensor4D q = OutputReader.vectors(outputs, names.queries(), HEADS, TOKENS);
      Tensor4D k = OutputReader.vectors(outputs, names.keys(), HEADS, TOKENS);
      return attention(w, q, k);
    }
  }

  private static Attention attention(Tensor4D weights, Tensor4D queries, Tensor4D keys) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < TOKENS; i++) {
      tokens.add("t" + i);
    }
    return Attention.builder(AttentionKind.SELF)
        .setTokens(Tokens.of(tokens))
        .setWeights(weights)
        .optVectors(queries, keys)
        .build();
  }

  /** {@code [1][tokens][heads * dim]} per layer into {@code [layer][head][token][dim]}. */
  private static Tensor4D headMajor(float[][] layers) {
    float[] values = new float[LAYERS * HEADS * TOKENS * DIM];
    for (int l = 0; l < LAYERS; l++) {
      for (int t = 0; t < TOKENS; t++) {
        for (int h = 0; h < HEADS; h++) {
          System.arraycopy(
              layers[l], (t * HEADS + h) * DIM, values, ((l * HEADS + h) * TOKENS + t) * DIM, DIM);
        }
      }
    }
    return Tensor4D.copyOf(values, LAYERS, HEADS, TOKENS, DIM);
  }

  private static float[] concat(float[][] layers) {
    float[] all = new float[layers.length * layers[0].length];
    for (int l = 0; l < layers.length; l++) {
      System.arraycopy(layers[l], 0, all, l * layers[0].length, layers[0].length);
    }
    return all;
  }

  private static float[][] copy(float[][] layers) {
    float[][] copy = new float[layers.length][];
    for (int l = 0; l < layers.length; l++) {
      copy[l] = layers[l].clone();
    }
    return copy;
  }
}
