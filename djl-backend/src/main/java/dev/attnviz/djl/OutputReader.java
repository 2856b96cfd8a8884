package dev.attnviz.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.attnviz.core.Tensor4D;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

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
   * Reads the attention of every layer and, if asked for, the query and key projections.
   *
   * <p>With vectors, queries and keys (2.3 MB at 124 tokens) are read on another core, a task of
   * the common pool, while this thread reads the weights (4.4 MB); if no pool thread has taken the
   * task by then, this thread reads them itself, so a busy machine is no worse off than reading
   * them in turn. Returns only once every read has ended, whatever happened: the outputs' native
   * memory is freed when the translator returns.
   *
   * @param outputs the run's outputs, named
   * @param tensors the names of the attention (and projection) tensors of each layer
   * @param tokens the number of tokens fed in
   * @param withVectors whether to read queries and keys too
   * @return the weights, and the vectors if asked for
   * @throws IllegalStateException if an output is missing or has another shape (the weights'
   *     problem first, as when read in turn)
   */
  static RawAttention read(
      NDList outputs, AttentionTensors tensors, int tokens, boolean withVectors) {
    if (!withVectors) {
      return new RawAttention(
          weights(outputs, tensors.attention(), tokens), Optional.empty(), Optional.empty());
    }
    String first = tensors.attention().get(0);
    int heads = heads(output(outputs, first).getShape(), first, tokens);
    FutureTask<Tensor4D[]> vectors =
        new FutureTask<>(
            () ->
                new Tensor4D[] {
                  vectors(outputs, tensors.queries(), heads, tokens),
                  vectors(outputs, tensors.keys(), heads, tokens)
                });
    ForkJoinPool.commonPool().execute(vectors);
    Tensor4D weights;
    try {
      weights = weights(outputs, tensors.attention(), tokens);
    } catch (RuntimeException | Error e) {
      if (!vectors.cancel(false)) {
        awaitQuietly(vectors);
      }
      throw e;
    }
    vectors.run(); // does nothing if a pool thread has started it
    Tensor4D[] read = await(vectors);
    return new RawAttention(weights, Optional.of(read[0]), Optional.of(read[1]));
  }

  /** The task's result, waiting through interrupts (restored after) until it has ended. */
  private static Tensor4D[] await(FutureTask<Tensor4D[]> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void awaitQuietly(FutureTask<Tensor4D[]> task) {
    try {
      await(task);
    } catch (RuntimeException | Error e) {
      // The weights' problem is the one reported; this one came after it.
    }
  }

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
      int heads = heads(array.getShape(), names.get(layer), tokens);
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

  /**
   * The heads of an attention tensor of shape {@code [1][heads][tokens][tokens]} or, folded as
   * BART-style exports do, {@code [heads][tokens][tokens]}.
   */
  private static int heads(Shape shape, String name, int tokens) {
    boolean folded = shape.dimension() == 3 && shape.get(1) == tokens && shape.get(2) == tokens;
    if (!folded
        && (shape.dimension() != 4
            || shape.get(0) != 1
            || shape.get(2) != tokens
            || shape.get(3) != tokens)) {
      throw new IllegalStateException(
          "attention tensor "
              + name
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
    return Math.toIntExact(shape.get(folded ? 0 : 1));
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
