package dev.attnviz.tensorflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Replaces the tanh approximation of GELU in a Google BERT graph with the exact GELU, {@code x *
 * 0.5 * (1 + erf(x / sqrt(2)))}.
 *
 * <p>Why: BERT's checkpoints were trained with the exact GELU (the first release of Google's {@code
 * modeling.py}, and Hugging Face's BERT, use {@code erf}); the TF Hub export in the embedded model
 * was made after {@code modeling.py} switched to {@code 0.5 * (1 + tanh(sqrt(2/pi) * (x + 0.044715
 * x^3)))}. The difference is below 1e-3 per activation but grows over twelve layers to attention
 * weights that differ by up to 6e-3 from the reference implementations.
 *
 * <p>Recognizes the sub-graph that {@code modeling.py}'s {@code gelu} builds in one name scope:
 * {@code Pow(x, 3)} … {@code Tanh} … {@code mul_3 = Mul(x, mul_2)}, and re-points {@code mul_3} at
 * a new exact cumulative distribution under {@code <scope>/exact_gelu/}. Names of existing
 * operations do not change, so attention and query/key tensors keep their names.
 */
final class ExactGelu {

  private static final String NEW_SCOPE = "exact_gelu/";

  private ExactGelu() {}

  /**
   * Rewrites {@code saved_model.pb} in {@code folder} in place.
   *
   * @return how many GELUs were replaced over all meta graphs
   * @throws IOException if the file cannot be read, parsed or written
   */
  static int rewriteSavedModel(Path folder) throws IOException {
    Path file = folder.resolve(SavedModelFolder.GRAPH_FILE);
    SavedModel model = SavedModel.parseFrom(Files.readAllBytes(file));
    SavedModel.Builder rewritten = model.toBuilder();
    int replaced = 0;
    for (int i = 0; i < model.getMetaGraphsCount(); i++) {
      MetaGraphDef metaGraph = model.getMetaGraphs(i);
      GraphDef.Builder graph = metaGraph.getGraphDef().toBuilder();
      replaced += rewrite(graph);
      rewritten.setMetaGraphs(i, metaGraph.toBuilder().setGraphDef(graph));
    }
    if (replaced > 0) {
      Files.write(file, rewritten.build().toByteArray());
    }
    return replaced;
  }

  /**
   * Rewrites every tanh-approximated GELU in {@code graph}.
   *
   * @return how many were replaced
   */
  static int rewrite(GraphDef.Builder graph) {
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      indexByName.put(graph.getNode(i).getName(), i);
    }
    List<NodeDef> added = new ArrayList<>();
    int replaced = 0;
    for (int i = 0; i < graph.getNodeCount(); i++) {
      NodeDef tanh = graph.getNode(i);
      if (!"Tanh".equals(tanh.getOp())) {
        continue;
      }
      String scope = tanh.getName().substring(0, tanh.getName().lastIndexOf('/') + 1);
      NodeDef pow = node(graph, indexByName, scope + "Pow");
      Integer outputIndex = indexByName.get(scope + "mul_3");
      if (pow == null || outputIndex == null || pow.getInputCount() < 1) {
        continue;
      }
      NodeDef output = graph.getNode(outputIndex);
      String x = pow.getInput(0);
      boolean isGelu =
          "Pow".equals(pow.getOp())
              && "Mul".equals(output.getOp())
              && output.getInputCount() == 2
              && output.getInput(0).equals(x)
              && output.getInput(1).equals(scope + "mul_2");
      if (!isGelu) {
        continue;
      }
      String cdf = addExactCdf(added, scope + NEW_SCOPE, x, output.getDevice());
      graph.setNode(outputIndex, output.toBuilder().setInput(1, cdf).build());
      replaced++;
    }
    graph.addAllNode(added);
    return replaced;
  }

  private static NodeDef node(GraphDef.Builder graph, Map<String, Integer> index, String name) {
    Integer i = index.get(name);
    return i == null ? null : graph.getNode(i);
  }

  /** Adds {@code 0.5 * (1 + erf(x / sqrt(2)))} and returns the name of its result. */
  private static String addExactCdf(List<NodeDef> nodes, String scope, String x, String device) {
    nodes.add(constant(scope + "inv_sqrt2", (float) (1 / Math.sqrt(2)), device));
    nodes.add(binary(scope + "scaled", "Mul", x, scope + "inv_sqrt2", device));
    nodes.add(
        NodeDef.newBuilder()
            .setName(scope + "Erf")
            .setOp("Erf")
            .setDevice(device)
            .addInput(scope + "scaled")
            .putAttr("T", floatType())
            .build());
    nodes.add(constant(scope + "one", 1f, device));
    nodes.add(binary(scope + "one_plus_erf", "AddV2", scope + "Erf", scope + "one", device));
    nodes.add(constant(scope + "half", 0.5f, device));
    nodes.add(binary(scope + "cdf", "Mul", scope + "one_plus_erf", scope + "half", device));
    return scope + "cdf";
  }

  private static NodeDef binary(String name, String op, String a, String b, String device) {
    return NodeDef.newBuilder()
        .setName(name)
        .setOp(op)
        .setDevice(device)
        .addInput(a)
        .addInput(b)
        .putAttr("T", floatType())
        .build();
  }

  private static NodeDef constant(String name, float value, String device) {
    TensorProto tensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(TensorShapeProto.getDefaultInstance())
            .addFloatVal(value)
            .build();
    return NodeDef.newBuilder()
        .setName(name)
        .setOp("Const")
        .setDevice(device)
        .putAttr("dtype", floatType())
        .putAttr("value", AttrValue.newBuilder().setTensor(tensor).build())
        .build();
  }

  private static AttrValue floatType() {
    return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
  }
}
