package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link GraphPruner} keeps of a small graph, node by node. */
class GraphPrunerTest {

  private static final String[] NONE = new String[0];

  /**
   * x → Relu → a; a, w1 → MatMul → attention; a, w2 → MatMul → hidden (the model's own output); c
   * is read only inside an If branch that leads to the attention of a second layer.
   */
  private static GraphProto graph() {
    OnnxGraphBuilder builder =
        new OnnxGraphBuilder()
            .input("x", TensorProto.DataType.FLOAT)
            .floats("w1", new float[] {1}, 1, 1)
            .floats("w2", new float[] {2}, 1, 1)
            .node("Relu", "relu", new String[] {"x"}, new String[] {"a"})
            .node("MatMul", "attend", new String[] {"a", "w1"}, new String[] {"attention"})
            .node("MatMul", "head", new String[] {"a", "w2"}, new String[] {"hidden"})
            .node("Constant", "flag", NONE, new String[] {"cond"})
            .node("Neg", "outer", new String[] {"a"}, new String[] {"c"})
            .node("Neg", "unused", new String[] {"hidden"}, new String[] {"dead"})
            .node(
                "If",
                "branch",
                new String[] {"cond"},
                new String[] {"attention2"},
                branch("then_branch"),
                branch("else_branch"))
            .output("hidden");
    GraphProto graph = builder.build().getGraph();
    // Exports older than ONNX IR 4 also list initializers as graph inputs.
    return graph.toBuilder()
        .addInput(ValueInfoProto.newBuilder().setName("w1"))
        .addInput(ValueInfoProto.newBuilder().setName("w2"))
        .addValueInfo(ValueInfoProto.newBuilder().setName("a"))
        .addValueInfo(ValueInfoProto.newBuilder().setName("hidden"))
        .build();
  }

  /** A branch that reads the enclosing graph's {@code c}. */
  private static AttributeProto branch(String name) {
    GraphProto body =
        GraphProto.newBuilder()
            .setName(name)
            .addNode(NodeProto.newBuilder().setOpType("Identity").addInput("c").addOutput("out"))
            .addOutput(ValueInfoProto.newBuilder().setName("out"))
            .build();
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.GRAPH)
        .setG(body)
        .build();
  }

  private static List<String> names(List<ValueInfoProto> values) {
    return values.stream().map(ValueInfoProto::getName).toList();
  }

  @Test
  void keepsWhatTheOutputsNeedInTheirOrder() {
    GraphProto pruned = GraphPruner.keepOnly(graph(), List.of("attention", "attention2"));

    assertEquals(
        List.of("relu", "attend", "flag", "outer", "branch"),
        pruned.getNodeList().stream().map(NodeProto::getName).toList(),
        "the model's own head and what reads it are gone; a branch's outer read is kept");
    assertEquals(List.of("attention", "attention2"), names(pruned.getOutputList()));
  }

  @Test
  void dropsInitializersAndTheirInputsThatNothingReads() {
    GraphProto pruned = GraphPruner.keepOnly(graph(), List.of("attention"));

    assertEquals(
        List.of("w1"), pruned.getInitializerList().stream().map(TensorProto::getName).toList());
    assertEquals(
        List.of("x", "w1"), names(pruned.getInputList()), "w2 would become an input to fill");
    assertEquals(List.of("a"), names(pruned.getValueInfoList()));
  }

  @Test
  void keepsInputsTheCallerFillsEvenWhenNothingReadsThem() {
    GraphProto pruned = GraphPruner.keepOnly(graph(), List.of("cond"));

    assertEquals(List.of("flag"), pruned.getNodeList().stream().map(NodeProto::getName).toList());
    assertEquals(List.of("x"), names(pruned.getInputList()));
  }

  @Test
  void namesAnOutputOnceWhenAskedTwice() {
    GraphProto pruned = GraphPruner.keepOnly(graph(), List.of("attention", "attention"));

    assertEquals(List.of("attention"), names(pruned.getOutputList()));
  }
}
