package dev.attnviz.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.attnviz.core.Tensor4D;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Copies the attention outputs of one run from ONNX Runtime's native tensors into {@link Tensor4D}
 * builders, one layer at a time.
 *
 * <p>Each output is read once, straight from ONNX Runtime's memory into the builder ({@link
 * OutputFloats}: ONNX Runtime 1.21's public reads would first copy it into a heap buffer), through
 * the builder's reads that note the least and greatest value of each piece while it is in cache, so
 * that core's check of the result needs no second pass over it.
 */
final class OutputReader {

  private OutputReader() {}

  /**
   * Reads the attention probabilities of every layer.
   *
   * @param outputs the run's outputs, named
   * @param names the attention tensor of each layer
   * @param tokens the number of tokens fed in
   * @throws IllegalStateException if an output is missing or not {@code [1][heads][tokens][tokens]}
   *     float32
   */
  static Tensor4D weights(NDList outputs, List<String> names, int tokens) {
    Tensor4D.Builder builder = null;
    int firstHeads = 0;
    for (int layer = 0; layer < names.size(); layer++) {
      NDArray array = output(outputs, names.get(layer));
      Shape shape = array.getShape();
      // BART-style exports fold the batch of one into the heads: (heads, tokens, tokens).
      boolean folded = shape.dimension() == 3 && shape.get(1) == tokens && shape.get(2) == tokens;
      if (!folded
          && (shape.dimension() != 4
              || shape.get(0) != 1
              || shape.get(2) != tokens
              || shape.get(3) != tokens)) {
        throw new IllegalStateException(
            "attention tensor "
                + names.get(layer)
                + " has shape "
                + shape
                + ", expected (1, heads, "
                + tokens
                + ", "
                + tokens
                + ") or (heads, "
                + tokens
                + ", "
                + tokens
                + ")");
      }
      int heads = Math.toIntExact(shape.get(folded ? 0 : 1));
      if (builder == null) {
        firstHeads = heads;
        builder = Tensor4D.builder(names.size(), heads, tokens, tokens);
      } else if (heads != firstHeads) {
        throw new IllegalStateException(
            names.get(layer)
                + " has "
                + heads
                + " heads but "
                + names.get(0)
                + " has "
                + firstHeads);
      }
      FloatBuffer values = OutputFloats.of(array);
      for (int head = 0; head < heads; head++) {
        builder.setRows(layer, head, 0, tokens, values);
      }
    }
    return builder.build();
  }

  /**
   * Reads the query or key projections of every layer, split into heads.
   *
   * @param outputs the run's outputs, named
   * @param names the projection tensor of each layer: {@code [1][tokens][heads*dim]} or {@code
   *     [1][heads][tokens][dim]}
   * @param heads heads per layer, from the attention tensors
   * @param tokens the number of tokens fed in
   * @throws IllegalStateException if an output is missing or has another shape
   */
  static Tensor4D vectors(NDList outputs, List<String> names, int heads, int tokens) {
    Tensor4D.Builder builder = null;
    int dim = 0;
    for (int layer = 0; layer < names.size(); layer++) {
      NDArray array = output(outputs, names.get(layer));
      Shape shape = array.getShape();
      boolean merged = shape.dimension() == 3 && shape.get(1) == tokens;
      boolean split = shape.dimension() == 4 && shape.get(1) == heads && shape.get(2) == tokens;
      long width = shape.get(shape.dimension() - 1);
      if (shape.get(0) != 1 || !(merged || split) || (merged && width % heads != 0)) {
        throw new IllegalStateException(
            "projection tensor "
                + names.get(layer)
                + " has shape "
                + shape
                + ", expected (1, "
                + tokens
                + ", heads*dim) or (1, "
                + heads
                + ", "
                + tokens
                + ", dim) for "
                + heads
                + " heads");
      }
      int layerDim = Math.toIntExact(merged ? width / heads : width);
      if (builder == null) {
        dim = layerDim;
        builder = Tensor4D.builder(names.size(), heads, tokens, dim);
      } else if (layerDim != dim) {
        throw new IllegalStateException(
            "projection tensor "
                + names.get(layer)
                + " has head size "
                + layerDim
                + ", not "
                + dim);
      }
      FloatBuffer values = OutputFloats.of(array);
      if (merged) {
        // Token-major: all heads of token 0, then of token 1, ...
        for (int token = 0; token < tokens; token++) {
          builder.setRowOfEveryI1(layer, token, values);
        }
      } else {
        for (int head = 0; head < heads; head++) {
          builder.setRows(layer, head, 0, tokens, values);
        }
      }
    }
    return builder.build();
  }

  private static NDArray output(NDList outputs, String name) {
    NDArray array = outputs.get(name);
    if (array == null) {
      throw new IllegalStateException("the model did not return the tensor " + name);
    }
    if (array.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException(
          "tensor "
              + name
              + " holds "
              + array.getDataType()
              + " numbers; only float32 models are supported, so export without half precision");
    }
    return array;
  }
}
