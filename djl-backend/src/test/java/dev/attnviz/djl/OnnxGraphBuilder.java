package dev.attnviz.djl;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds small ONNX graphs for tests with the ONNX protobuf classes. */
final class OnnxGraphBuilder {

  /** The opset of the graphs built, the same as the embedded MiniLM export. */
  static final long OPSET = 14;

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");

  /** Adds an integer input of shape {@code [batch, sequence]}. */
  OnnxGraphBuilder input(String name, TensorProto.DataType type) {
    TypeProto.Tensor.Builder tensor =
        TypeProto.Tensor.newBuilder()
            .setElemType(type.getNumber())
            .setShape(
                TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence")));
    graph.addInput(
        ValueInfoProto.newBuilder()
            .setName(name)
            .setType(TypeProto.newBuilder().setTensorType(tensor)));
    return this;
  }

  /** Declares a float graph output. */
  OnnxGraphBuilder output(String name) {
    graph.addOutput(
        ValueInfoProto.newBuilder()
            .setName(name)
            .setType(
                TypeProto.newBuilder()
                    .setTensorType(
                        TypeProto.Tensor.newBuilder()
                            .setElemType(TensorProto.DataType.FLOAT.getNumber()))));
    return this;
  }

  /** Adds a float initializer. */
  OnnxGraphBuilder floats(String name, float[] values, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    graph.addInitializer(
        tensor(name, TensorProto.DataType.FLOAT, dims).setRawData(ByteString.copyFrom(bytes)));
    return this;
  }

  /** Adds an int64 initializer. */
  OnnxGraphBuilder longs(String name, long[] values, long... dims) {
    TensorProto.Builder tensor = tensor(name, TensorProto.DataType.INT64, dims);
    for (long value : values) {
      tensor.addInt64Data(value);
    }
    graph.addInitializer(tensor);
    return this;
  }

  /** Adds a node; {@code name} is also the prefix of its outputs' names as PyTorch exports do. */
  OnnxGraphBuilder node(String op, String name, String[] inputs, String[] outputs) {
    return node(op, name, inputs, outputs, new AttributeProto[0]);
  }

  /** Adds a node with attributes. */
  OnnxGraphBuilder node(
      String op, String name, String[] inputs, String[] outputs, AttributeProto... attributes) {
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name);
    for (String input : inputs) {
      node.addInput(input);
    }
    for (String output : outputs) {
      node.addOutput(output);
    }
    for (AttributeProto attribute : attributes) {
      node.addAttribute(attribute);
    }
    graph.addNode(node);
    return this;
  }

  /** An integer attribute. */
  static AttributeProto intAttribute(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  /** An integer list attribute. */
  static AttributeProto intsAttribute(String name, long... values) {
    AttributeProto.Builder attribute =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long value : values) {
      attribute.addInts(value);
    }
    return attribute.build();
  }

  /** Returns the model. */
  ModelProto build() {
    return ModelProto.newBuilder()
        .setIrVersion(7)
        .setProducerName("attnviz-test")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  /** Writes the model to {@code file}. */
  void write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      build().writeTo(out);
    }
  }

  private static TensorProto.Builder tensor(String name, TensorProto.DataType type, long... dims) {
    TensorProto.Builder tensor =
        TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
    for (long dim : dims) {
      tensor.addDims(dim);
    }
    return tensor;
  }
}
