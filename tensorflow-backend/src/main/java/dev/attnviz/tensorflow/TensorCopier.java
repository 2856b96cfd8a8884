package dev.attnviz.tensorflow;

import dev.attnviz.core.Tensor4D;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.proto.DataType;

/**
 * Copies the real-token part of fetched TensorFlow tensors straight into {@link Tensor4D} builders,
 * one row at a time, so no second full-size copy of a padded tensor is ever made on the Java heap.
 */
final class TensorCopier {

  private TensorCopier() {}

  /**
   * Returns the head count of an attention tensor, checking that it is {@code [1, heads, length,
   * length]}.
   *
   * @throws IllegalStateException naming the tensor and its shape if it is not
   */
  static int headCount(Tensor probabilities, String name, int length) {
    Shape shape = probabilities.shape();
    if (probabilities.dataType() != DataType.DT_FLOAT
        || shape.numDimensions() != 4
        || shape.get(0) != 1
        || shape.get(2) != length
        || shape.get(3) != length) {
      throw new IllegalStateException(
          "attention tensor "
              + name
              + " is "
              + probabilities.dataType()
              + " "
              + shape
              + "; expected DT_FLOAT [1, heads, "
              + length
              + ", "
              + length
              + "]");
    }
    return Math.toIntExact(shape.get(1));
  }

  /**
   * Copies {@code [0][h][i][j]} for {@code i, j < tokens} into {@code target[layer][h][i][j]}.
   *
   * @param length the padded length the model ran on
   * @param tokens the real tokens, at most {@code length}
   * @param heads the head count of the target
   */
  static void copyAttention(
      Tensor probabilities,
      String name,
      int layer,
      int length,
      int tokens,
      int heads,
      Tensor4D.Builder target) {
    if (headCount(probabilities, name, length) != heads) {
      throw new IllegalStateException(
          "attention tensor "
              + name
              + " has "
              + probabilities.shape().get(1)
              + " heads, not "
              + heads);
    }
    FloatDataBuffer data = floats(probabilities);
    float[] row = new float[tokens];
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < tokens; i++) {
        data.offset(((long) h * length + i) * length).read(row, 0, tokens);
        target.setRow(layer, h, i, row, 0);
      }
    }
  }

  /**
   * Copies a projection {@code [length, hidden]} (or {@code [1, length, hidden]}) into {@code
   * target[layer][h][t][d]} = {@code projection[t][h * headSize + d]} for {@code t < tokens}, where
   * {@code hidden = heads * headSize}.
   *
   * @throws IllegalStateException naming the tensor and its shape if it does not fit
   */
  static void copyVectors(
      Tensor projection,
      String name,
      int layer,
      int length,
      int tokens,
      int heads,
      int headSize,
      Tensor4D.Builder target) {
    Shape shape = projection.shape();
    long hidden = shape.numDimensions() == 0 ? 0 : shape.get(shape.numDimensions() - 1);
    boolean fits =
        projection.dataType() == DataType.DT_FLOAT
            && shape.numDimensions() >= 2
            && shape.size() == length * hidden
            && hidden == (long) heads * headSize;
    if (!fits) {
      throw new IllegalStateException(
          "query/key tensor "
              + name
              + " is "
              + projection.dataType()
              + " "
              + shape
              + "; expected DT_FLOAT ["
              + length
              + ", "
              + (long) heads * headSize
              + "] ("
              + heads
              + " heads of "
              + headSize
              + ")");
    }
    FloatDataBuffer data = floats(projection);
    float[] vector = new float[headSize];
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < tokens; t++) {
        data.offset(t * hidden + (long) h * headSize).read(vector, 0, headSize);
        target.setRow(layer, h, t, vector, 0);
      }
    }
  }

  /** The hidden size of a projection tensor: its last dimension. */
  static int hiddenSize(Tensor projection) {
    Shape shape = projection.shape();
    return Math.toIntExact(shape.get(shape.numDimensions() - 1));
  }

  private static FloatDataBuffer floats(Tensor tensor) {
    return tensor.asRawTensor().data().asFloats();
  }
}
