package dev.attnviz.djl;

import ai.djl.engine.Engine;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ONNX graph of a sequence model (a decoder-only language model, an encoder-decoder graph, or
 * one file of optimum's two), run with ONNX Runtime's own session so that each run asks for just
 * the outputs it needs: generation steps read only the logits, the final run the attention.
 *
 * <p>The graph is rewritten in memory (its attention, query and key tensors appended to its
 * outputs, see {@link GraphRewriter}) and handed to ONNX Runtime as bytes, so nothing is cached on
 * disk. Thread-safe: an ONNX Runtime session accepts concurrent runs.
 */
final class OnnxSession implements AutoCloseable {

  /**
   * An input: integer ids or float values, and its shape.
   *
   * @param longs integer values, or null
   * @param floats float values, or null
   * @param shape the shape
   */
  record Feed(long[] longs, float[] floats, long[] shape) {

    /** Integer ids of one sequence, shape {@code [1, n]}. */
    static Feed ids(long[] ids) {
      return new Feed(ids, null, new long[] {1, ids.length});
    }
  }

  /**
   * An output copied out of native memory.
   *
   * @param values the numbers, row-major
   * @param shape the shape
   */
  record Output(float[] values, long[] shape) {}

  private final OrtSession session;
  private final Map<String, OnnxJavaType> inputTypes;
  private final Set<String> outputs;
  private final String fileName;

  private OnnxSession(OrtSession session, String fileName) throws OrtException {
    this.session = session;
    this.fileName = fileName;
    Map<String, OnnxJavaType> types = new LinkedHashMap<>();
    for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
      types.put(
          input.getKey(),
          input.getValue().getInfo() instanceof TensorInfo tensor ? tensor.type : null);
    }
    this.inputTypes = types;
    this.outputs = Set.copyOf(session.getOutputNames());
  }

  /**
   * Reads {@code onnx}, appends {@code extraOutputs} to its outputs and opens it.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if it is not an ONNX model or ONNX
   *     Runtime cannot load it
   */
  static OnnxSession open(Path onnx, ModelProto model, List<String> extraOutputs)
      throws AttentionException {
    GraphProto graph = model.getGraph();
    Set<String> present = new HashSet<>();
    graph.getOutputList().forEach(o -> present.add(o.getName()));
    GraphProto.Builder rewritten = graph.toBuilder();
    for (String tensor : extraOutputs) {
      if (present.add(tensor)) {
        // Name only: ONNX Runtime infers the type and shape of an intermediate tensor itself.
        rewritten.addOutput(ValueInfoProto.newBuilder().setName(tensor));
      }
    }
    byte[] bytes = model.toBuilder().setGraph(rewritten).build().toByteArray();
    // DJL's engine creates ONNX Runtime's one environment with its own thread settings and fails
    // if one exists already; so it goes first, and this session shares its environment.
    Engine.getEngine(DjlModelLoader.ENGINE);
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      return new OnnxSession(
          OrtEnvironment.getEnvironment().createSession(bytes, options),
          onnx.getFileName().toString());
    } catch (OrtException | RuntimeException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "ONNX Runtime cannot load " + onnx + " (" + e.getMessage() + "). Export it again.",
          e);
    }
  }

  /** The graph's input names, in order. */
  Set<String> inputs() {
    return inputTypes.keySet();
  }

  /** Whether the graph (after the rewrite) has an output of this name. */
  boolean hasOutput(String name) {
    return outputs.contains(name);
  }

  /**
   * Runs the graph and copies the wanted outputs.
   *
   * @throws AttentionException with {@link Reason#INFERENCE_FAILED} if ONNX Runtime fails
   */
  Map<String, Output> run(Map<String, Feed> feeds, Set<String> wanted) throws AttentionException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> tensors = new HashMap<>();
    try {
      for (Map.Entry<String, Feed> feed : feeds.entrySet()) {
        tensors.put(feed.getKey(), tensor(env, feed.getKey(), feed.getValue()));
      }
      try (OrtSession.Result result = session.run(tensors, wanted)) {
        Map<String, Output> copied = new HashMap<>();
        for (String name : wanted) {
          OnnxValue value =
              result
                  .get(name)
                  .orElseThrow(() -> new IllegalStateException("no output named " + name));
          OnnxTensor tensor = (OnnxTensor) value;
          FloatBuffer buffer = tensor.getFloatBuffer();
          if (buffer == null) {
            throw new IllegalStateException(
                "output " + name + " is not float32; export the model in full precision");
          }
          float[] values = new float[buffer.remaining()];
          buffer.get(values);
          copied.put(name, new Output(values, tensor.getInfo().getShape()));
        }
        return copied;
      }
    } catch (OrtException | RuntimeException e) {
      throw new AttentionException(
          Reason.INFERENCE_FAILED, "ONNX Runtime failed on " + fileName + ": " + e.getMessage(), e);
    } finally {
      tensors.values().forEach(OnnxTensor::close);
    }
  }

  private OnnxTensor tensor(OrtEnvironment env, String name, Feed feed) throws OrtException {
    if (feed.floats() != null) {
      return OnnxTensor.createTensor(env, FloatBuffer.wrap(feed.floats()), feed.shape());
    }
    if (inputTypes.get(name) == OnnxJavaType.INT32) {
      int[] ints = new int[feed.longs().length];
      for (int i = 0; i < ints.length; i++) {
        ints[i] = Math.toIntExact(feed.longs()[i]);
      }
      return OnnxTensor.createTensor(env, IntBuffer.wrap(ints), feed.shape());
    }
    return OnnxTensor.createTensor(env, LongBuffer.wrap(feed.longs()), feed.shape());
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      // Closing frees native memory; a failure leaves nothing the caller could do.
      throw new IllegalStateException("cannot close the ONNX Runtime session of " + fileName, e);
    }
  }
}
