package dev.attnviz.djl;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exposes a graph's attention: ONNX Runtime returns only graph outputs, so the attention
 * probabilities and the query and key projections found by {@link AttentionTensorFinder} become the
 * graph's outputs. The provider reads nothing else, so the model's own outputs are dropped with
 * every node only they needed ({@link GraphPruner}); the nodes that compute the attention are
 * untouched, so it is the same attention.
 */
final class GraphRewriter {

  /** The ONNX tensor element types of integer inputs. */
  private static final int ONNX_INT32 = TensorProto.DataType.INT32_VALUE;

  private static final int ONNX_INT64 = TensorProto.DataType.INT64_VALUE;

  /**
   * Position embedding tables of BERT-like ({@code position_embeddings}) and GPT-2 ({@code wpe}).
   */
  private static final Pattern POSITION_TABLE =
      Pattern.compile("(?:.*[./])?(?:position_embeddings|wpe)\\.weight");

  /**
   * A rewritten model and its description.
   *
   * @param model the model with the extra outputs
   * @param graph what the provider needs to run it
   */
  record Result(ModelProto model, AttentionGraph graph) {}

  private GraphRewriter() {}

  /**
   * Reads an ONNX file.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if the file is not an ONNX model
   */
  static ModelProto read(Path onnx) throws AttentionException {
    ModelProto model;
    try (InputStream in = Files.newInputStream(onnx)) {
      model = ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw invalid(onnx, "it is not a valid ONNX file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw ModelFiles.unreadable(onnx, e);
    }
    if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
      throw invalid(onnx, "it holds no graph", null);
    }
    return model;
  }

  /**
   * Finds the attention tensors of {@code model} and returns it with them as its only outputs.
   *
   * @param model the model as read
   * @param candidates tensor name patterns to try, in order
   * @param modelName the file name, for messages
   * @throws AttentionException with {@link Reason#NO_ATTENTION} if no attention tensors are found,
   *     or {@link Reason#MODEL_INVALID} if the model needs inputs this provider cannot fill or
   *     keeps its weights in external files
   */
  static Result rewrite(ModelProto model, List<TensorPatterns> candidates, String modelName)
      throws AttentionException {
    GraphProto graph = model.getGraph();
    checkNoExternalData(graph, modelName);
    List<ModelInput> inputs = inputs(graph, modelName);
    AttentionTensors tensors = AttentionTensorFinder.find(nodes(graph), candidates, modelName);
    List<String> modelOutputs =
        graph.getOutputList().stream().map(ValueInfoProto::getName).toList();
    GraphProto rewritten = GraphPruner.keepOnly(graph, tensors.all());
    return new Result(
        model.toBuilder().setGraph(rewritten).build(),
        new AttentionGraph(tensors, inputs, modelOutputs, positionLimit(graph)));
  }

  static List<AttentionTensorFinder.Node> nodes(GraphProto graph) {
    List<AttentionTensorFinder.Node> nodes = new ArrayList<>(graph.getNodeCount());
    for (NodeProto node : graph.getNodeList()) {
      nodes.add(
          new AttentionTensorFinder.Node(
              node.getName(), node.getOpType(), node.getInputList(), node.getOutputList()));
    }
    return nodes;
  }

  /** The graph inputs that are not initializers, which the provider must fill. */
  private static List<ModelInput> inputs(GraphProto graph, String modelName)
      throws AttentionException {
    Set<String> initializers =
        graph.getInitializerList().stream().map(TensorProto::getName).collect(Collectors.toSet());
    List<ModelInput> inputs = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (ValueInfoProto input : graph.getInputList()) {
      if (initializers.contains(input.getName())) {
        continue;
      }
      Optional<ModelInput.Role> role = ModelInput.Role.ofInputName(input.getName());
      int type = input.getType().getTensorType().getElemType();
      if (role.isEmpty() || (type != ONNX_INT64 && type != ONNX_INT32)) {
        unknown.add(input.getName());
      } else {
        inputs.add(new ModelInput(input.getName(), role.get(), type == ONNX_INT64 ? 64 : 32));
      }
    }
    if (!unknown.isEmpty()) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          modelName
              + " has inputs this provider cannot fill: "
              + String.join(", ", unknown)
              + ". "
              + adviceFor(unknown));
    }
    if (inputs.stream().noneMatch(i -> i.role() == ModelInput.Role.INPUT_IDS)) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          modelName + " has no input named input_ids, so it cannot take tokens.");
    }
    return inputs;
  }

  /** What to do about inputs that cannot be filled, by what they are. */
  private static String adviceFor(List<String> unknown) {
    if (unknown.stream().anyMatch(name -> name.startsWith("encoder_hidden_states"))) {
      return "It is the decoder half of an encoder-decoder export: open the folder that holds"
          + " both encoder_model.onnx and decoder_model.onnx (optimum's layout), with its"
          + " config.json and tokenizer.json.";
    }
    if (unknown.stream().anyMatch(name -> name.startsWith("past_key_values"))) {
      return "Export the model without past key values (use_cache=False), e.g. with"
          + " 'optimum-cli export onnx --task feature-extraction'.";
    }
    return "It fills integer inputs named input_ids, attention_mask, token_type_ids and"
        + " position_ids; an encoder-decoder model also decoder_input_ids when its config.json says"
        + " \"is_encoder_decoder\": true.";
  }

  private static void checkNoExternalData(GraphProto graph, String modelName)
      throws AttentionException {
    boolean external =
        graph.getInitializerList().stream()
            .anyMatch(t -> t.getDataLocation() == TensorProto.DataLocation.EXTERNAL);
    if (external) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          modelName
              + " keeps its weights in separate files (ONNX external data), which the DJL backend"
              + " does not support. Export the model as a single .onnx file (possible up to 2 GB).");
    }
  }

  /** Rows of the position embedding table, or 0 if the graph has no recognisable one. */
  private static int positionLimit(GraphProto graph) {
    return graph.getInitializerList().stream()
        .filter(t -> t.getDimsCount() == 2 && POSITION_TABLE.matcher(t.getName()).matches())
        .mapToInt(t -> Math.toIntExact(t.getDims(0)))
        .findFirst()
        .orElse(0);
  }

  private static AttentionException invalid(Path onnx, String why, Throwable cause) {
    return new AttentionException(
        Reason.MODEL_INVALID,
        "Cannot open "
            + onnx
            + ": "
            + why
            + ". Export or download the model again; the file may be damaged or incomplete.",
        cause);
  }
}
