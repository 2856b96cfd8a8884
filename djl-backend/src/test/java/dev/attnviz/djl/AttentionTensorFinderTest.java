package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding attention tensors by name, without any ONNX file. */
class AttentionTensorFinderTest {

  /** A node named like PyTorch names it: its output is the node name plus "_output_0". */
  private static AttentionTensorFinder.Node node(String op, String name) {
    return new AttentionTensorFinder.Node(name, op, List.of(), List.of(name + "_output_0"));
  }

  private static List<AttentionTensorFinder.Node> bertLayers(String prefix, int... layers) {
    List<AttentionTensorFinder.Node> nodes = new ArrayList<>();
    for (int layer : layers) {
      String self = prefix + "/encoder/layer." + layer + "/attention/self/";
      nodes.add(node("Add", self + "query/Add"));
      nodes.add(node("Add", self + "key/Add"));
      nodes.add(node("Softmax", self + "Softmax"));
    }
    return nodes;
  }

  @Test
  void ordersLayersNumericallyWhateverTheGraphOrder() throws AttentionException {
    AttentionTensors tensors =
        AttentionTensorFinder.find(
            bertLayers("/bert", 10, 2, 0, 1, 3, 4, 5, 6, 7, 8, 9, 11),
            TensorPatterns.KNOWN_FAMILIES,
            "model.onnx");

    assertEquals("BERT", tensors.family());
    assertEquals(12, tensors.layers());
    assertEquals(
        "/bert/encoder/layer.2/attention/self/Softmax_output_0", tensors.attention().get(2));
    assertEquals("/bert/encoder/layer.10/attention/self/key/Add_output_0", tensors.keys().get(10));
    assertEquals(false, tensors.causal());
  }

  @Test
  void recognisesGpt2ExportsAsCausal() throws AttentionException {
    List<AttentionTensorFinder.Node> nodes = new ArrayList<>();
    for (int layer = 0; layer < 2; layer++) {
      String attn = "/transformer/h." + layer + "/attn/";
      nodes.add(
          new AttentionTensorFinder.Node(
              attn + "Split",
              "Split",
              List.of(),
              List.of(attn + "Split_output_0", attn + "Split_output_1", attn + "Split_output_2")));
      nodes.add(node("Softmax", attn + "Softmax"));
    }

    AttentionTensors tensors =
        AttentionTensorFinder.find(nodes, TensorPatterns.KNOWN_FAMILIES, "gpt2.onnx");

    assertEquals("GPT-2", tensors.family());
    assertTrue(tensors.causal());
    assertEquals("/transformer/h.1/attn/Split_output_0", tensors.queries().get(1));
    assertEquals("/transformer/h.1/attn/Split_output_1", tensors.keys().get(1));
  }

  @Test
  void knownFamilyWithoutMatchingProjectionsKeepsItsAttention() throws AttentionException {
    List<AttentionTensorFinder.Node> nodes =
        List.of(
            node("Softmax", "/encoder/layer.0/attention/self/Softmax"),
            node("Softmax", "/encoder/layer.1/attention/self/Softmax"));

    AttentionTensors tensors =
        AttentionTensorFinder.find(nodes, TensorPatterns.KNOWN_FAMILIES, "model.onnx");

    assertEquals(2, tensors.layers());
    assertEquals(false, tensors.hasVectors());
  }

  @Test
  void missingLayerIsReported() {
    AttentionException e =
        assertThrows(
            AttentionException.class,
            () ->
                AttentionTensorFinder.find(
                    bertLayers("", 0, 2), TensorPatterns.KNOWN_FAMILIES, "model.onnx"));

    assertEquals(Reason.NO_ATTENTION, e.reason());
    assertEquals(
        "In model.onnx the attention pattern"
            + " (?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/Softmax_output_0 matches"
            + " layers [0, 2] but layer 1 is missing. Layers must be numbered from 0 without gaps.",
        e.getMessage());
  }

  @Test
  void patternMatchingTwoTensorsOfOneLayerIsReported() throws AttentionException {
    ModelSource broad =
        ModelSource.of(Path.of("model"))
            .withOption(ModelSource.ATTENTION_PATTERN, ".*layer\\.(?<layer>\\d+)/.*Softmax.*");
    List<AttentionTensorFinder.Node> nodes =
        List.of(node("Softmax", "/layer.0/a/Softmax"), node("Softmax", "/layer.0/b/Softmax"));

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> AttentionTensorFinder.find(nodes, TensorPatterns.forSource(broad), "model.onnx"));

    assertEquals(
        "In model.onnx the attention pattern .*layer\\.(?<layer>\\d+)/.*Softmax.* matches two"
            + " tensors of layer 0 (/layer.0/a/Softmax_output_0 and /layer.0/b/Softmax_output_0)."
            + " Make the pattern match one tensor per layer.",
        e.getMessage());
  }

  @Test
  void userPatternsWhoseProjectionsDoNotLineUpAreReported() throws AttentionException {
    ModelSource source =
        ModelSource.of(Path.of("model"))
            .withOption(ModelSource.ATTENTION_PATTERN, "/b(?<layer>\\d+)/Softmax_output_0")
            .withOption(ModelSource.QUERY_PATTERN, "/b(?<layer>\\d+)/q_output_0")
            .withOption(ModelSource.KEY_PATTERN, "/b(?<layer>\\d+)/k_output_0");
    List<AttentionTensorFinder.Node> nodes =
        List.of(
            node("Softmax", "/b0/Softmax"),
            node("Softmax", "/b1/Softmax"),
            node("Add", "/b0/q"),
            node("Add", "/b0/k"),
            node("Add", "/b1/k"));

    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> AttentionTensorFinder.find(nodes, TensorPatterns.forSource(source), "m.onnx"));

    assertEquals(
        "In m.onnx the attention pattern matches 2 layers but the query pattern matches 1 and the"
            + " key pattern 2. Adjust the patterns so that each matches one tensor per layer.",
        e.getMessage());
  }

  @Test
  void queryAndKeyPatternsAloneReplaceTheFamiliesOwn() throws AttentionException {
    ModelSource source =
        ModelSource.of(Path.of("model"))
            .withOption(ModelSource.QUERY_PATTERN, "q(?<layer>\\d+)")
            .withOption(ModelSource.KEY_PATTERN, "k(?<layer>\\d+)");

    List<TensorPatterns> patterns = TensorPatterns.forSource(source);

    assertEquals(TensorPatterns.KNOWN_FAMILIES.size(), patterns.size());
    assertEquals("q(?<layer>\\d+)", patterns.get(0).query().orElseThrow().pattern());
    assertEquals("BERT", patterns.get(0).family());
  }

  /**
   * One Llama attention block as torch.onnx.export names it: Q·K^T MatMul of the rotated query and
   * the transposed (repeated) key, divided, masked, Softmax; the key's producer is {@code keyOp}.
   */
  private static List<AttentionTensorFinder.Node> llamaLayer(int layer, String keyOp) {
    String attn = "/layers." + layer + "/self_attn/";
    return List.of(
        new AttentionTensorFinder.Node(
            attn + "Transpose_3",
            keyOp,
            List.of(attn + "Reshape_4_output_0"),
            List.of(attn + "Transpose_3_output_0")),
        new AttentionTensorFinder.Node(
            attn + "MatMul",
            "MatMul",
            List.of(attn + "Add_output_0", attn + "Transpose_3_output_0"),
            List.of(attn + "MatMul_output_0")),
        new AttentionTensorFinder.Node(
            attn + "Div_2",
            "Div",
            List.of(attn + "MatMul_output_0", attn + "Constant_65_output_0"),
            List.of(attn + "Div_2_output_0")),
        new AttentionTensorFinder.Node(
            "/Mask/MatMul", "MatMul", List.of("a", "b"), List.of("/Add_1_output_0")),
        new AttentionTensorFinder.Node(
            attn + "Add_2",
            "Add",
            List.of("/Add_1_output_0", attn + "Div_2_output_0"),
            List.of(attn + "Add_2_output_0")),
        new AttentionTensorFinder.Node(
            attn + "Softmax",
            "Softmax",
            List.of(attn + "Add_2_output_0"),
            List.of(attn + "Softmax_output_0")));
  }

  /** Two Llama layers, layer 1 first in the graph, with the given key producer in layer 1. */
  private static AttentionTensors findLlama(String layerOneKeyOp) throws AttentionException {
    List<AttentionTensorFinder.Node> nodes = new ArrayList<>(llamaLayer(1, layerOneKeyOp));
    nodes.addAll(llamaLayer(0, "Transpose"));
    return AttentionTensorFinder.find(nodes, TensorPatterns.KNOWN_FAMILIES, "llama.onnx");
  }

  @Test
  void llamaVectorsAreTheInputsOfTheScoresMatMul() throws AttentionException {
    AttentionTensors tensors = findLlama("Transpose");

    assertEquals("Llama", tensors.family());
    assertTrue(tensors.causal());
    assertEquals(
        List.of("/layers.0/self_attn/Softmax_output_0", "/layers.1/self_attn/Softmax_output_0"),
        tensors.attention());
    // Not the mask path's MatMul, although the mask comes first among the Add's inputs.
    assertEquals(
        List.of("/layers.0/self_attn/Add_output_0", "/layers.1/self_attn/Add_output_0"),
        tensors.queries());
    assertEquals(
        List.of("/layers.0/self_attn/Reshape_4_output_0", "/layers.1/self_attn/Reshape_4_output_0"),
        tensors.keys());
  }

  @Test
  void llamaWithoutATransposedKeyStillGivesAttention() throws AttentionException {
    AttentionTensors tensors = findLlama("Reshape");

    assertEquals(2, tensors.layers());
    assertEquals(false, tensors.hasVectors());
  }
}
