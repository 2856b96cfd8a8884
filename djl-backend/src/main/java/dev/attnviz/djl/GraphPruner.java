package dev.attnviz.djl;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a graph down to what its attention tensors need. ONNX Runtime runs every node of a graph
 * whatever outputs a caller reads, so a model whose own outputs nobody reads still pays for the
 * layers after its last attention (in a BERT-style encoder the last layer's value projection,
 * output projection and feed-forward block, about a seventh of all-MiniLM-L6-v2's work). A graph
 * whose only outputs are the attention tensors, without the nodes that do not lead to them,
 * computes exactly the same attention, as TensorFlow does when it runs only what is fetched.
 */
final class GraphPruner {

  private GraphPruner() {}

  /**
   * Returns {@code graph} with {@code outputs} as its only outputs and without the nodes,
   * initializers and value descriptions that none of them depends on. Nodes keep their order, so
   * the result is still topologically sorted; graph inputs the caller fills are all kept, so the
   * inputs a provider feeds do not change.
   *
   * @param graph a valid graph
   * @param outputs names of tensors the graph computes
   */
  static GraphProto keepOnly(GraphProto graph, Collection<String> outputs) {
    Set<String> needed = new HashSet<>(outputs);
    List<NodeProto> nodes = graph.getNodeList();
    boolean[] kept = new boolean[nodes.size()];
    for (int i = nodes.size() - 1; i >= 0; i--) {
      NodeProto node = nodes.get(i);
      if (node.getOutputList().stream().anyMatch(needed::contains)) {
        kept[i] = true;
        needed.addAll(node.getInputList());
        addOuterScopeNames(node, needed);
      }
    }
    Set<String> initializers = new HashSet<>();
    GraphProto.Builder pruned = graph.toBuilder().clearNode().clearOutput().clearInitializer();
    for (TensorProto initializer : graph.getInitializerList()) {
      initializers.add(initializer.getName());
      if (needed.contains(initializer.getName())) {
        pruned.addInitializer(initializer);
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (kept[i]) {
        pruned.addNode(nodes.get(i));
      }
    }
    // Older exports list initializers as inputs too: one whose initializer is gone would become
    // an input the caller has to fill.
    pruned.clearInput();
    for (ValueInfoProto input : graph.getInputList()) {
      if (!initializers.contains(input.getName()) || needed.contains(input.getName())) {
        pruned.addInput(input);
      }
    }
    pruned.clearValueInfo();
    for (ValueInfoProto info : graph.getValueInfoList()) {
      if (needed.contains(info.getName())) {
        pruned.addValueInfo(info);
      }
    }
    for (String output : new LinkedHashSet<>(outputs)) {
      // Name only: ONNX Runtime infers the type and shape of an intermediate tensor itself.
      pruned.addOutput(ValueInfoProto.newBuilder().setName(output));
    }
    return pruned.build();
  }

  /**
   * Adds every name read inside {@code node}'s subgraphs (the branches of an {@code If}, the body
   * of a {@code Loop}). A subgraph may read tensors of the enclosing graph by name; names it
   * defines itself are added too, which keeps at most a node more than needed, never one less.
   */
  private static void addOuterScopeNames(NodeProto node, Set<String> needed) {
    for (AttributeProto attribute : node.getAttributeList()) {
      List<GraphProto> subgraphs = new ArrayList<>(attribute.getGraphsList());
      if (attribute.hasG()) {
        subgraphs.add(attribute.getG());
      }
      for (GraphProto subgraph : subgraphs) {
        for (NodeProto inner : subgraph.getNodeList()) {
          needed.addAll(inner.getInputList());
          addOuterScopeNames(inner, needed);
        }
        subgraph.getOutputList().forEach(output -> needed.add(output.getName()));
      }
    }
  }
}
