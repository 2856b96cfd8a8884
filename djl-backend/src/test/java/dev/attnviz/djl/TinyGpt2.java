package dev.attnviz.djl;

import static dev.attnviz.djl.OnnxGraphBuilder.intAttribute;
import static dev.attnviz.djl.OnnxGraphBuilder.intsAttribute;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A small GPT-2-shaped decoder built for tests: token and position embeddings, {@value #LAYERS}
 * layers of causal self-attention with {@value #HEADS} heads, random weights, and node names as
 * PyTorch exports Hugging Face's GPT-2 ({@code /h.N/attn/c_attn/Add}, {@code /h.N/attn/Split},
 * {@code /h.N/attn/Softmax}). Comes with a word-level {@code tokenizer.json} that puts a {@code
 * <bos>} token first.
 */
final class TinyGpt2 {

  static final int LAYERS = 2;
  static final int HEADS = 2;
  static final int HEAD_SIZE = 4;
  static final int EMBED = HEADS * HEAD_SIZE;
  static final int POSITIONS = 16;
  static final List<String> VOCABULARY =
      List.of(
          "[UNK]", "<bos>", "the", "cat", "sat", "on", "mat", "a", "dog", "ran", "far", "away",
          "and", "then", "hello", "world");

  /** A user pattern that matches this model's attention tensors, as an {@code attentionPattern}. */
  static final String ATTENTION_PATTERN = "/h\\.(?<layer>\\d+)/attn/Softmax_output_0";

  /** A user pattern that matches this model's query projections. */
  static final String QUERY_PATTERN = "/h\\.(?<layer>\\d+)/attn/Split_output_0";

  /** A user pattern that matches this model's key projections. */
  static final String KEY_PATTERN = "/h\\.(?<layer>\\d+)/attn/Split_output_1";

  private final OnnxGraphBuilder graph = new OnnxGraphBuilder();
  private final Random random;
  private final TensorProto.DataType integers;
  private final boolean positionIds;

  private TinyGpt2(long seed, TensorProto.DataType integers, boolean positionIds) {
    this.random = new Random(seed);
    this.integers = integers;
    this.positionIds = positionIds;
  }

  /** Writes {@code model.onnx} and {@code tokenizer.json} into {@code folder} (created). */
  static Path write(Path folder) throws IOException {
    return write(folder, TensorProto.DataType.INT64, false);
  }

  /**
   * Writes the model with the same weights but other inputs: {@code integers} (INT64 or INT32) for
   * every input, and, if {@code positionIds}, positions taken from a {@code position_ids} input
   * instead of computed from the input's shape.
   */
  static Path write(Path folder, TensorProto.DataType integers, boolean positionIds)
      throws IOException {
    Files.createDirectories(folder);
    new TinyGpt2(42, integers, positionIds).buildGraph().write(folder.resolve("model.onnx"));
    writeTokenizer(folder.resolve("tokenizer.json"));
    return folder;
  }

  private OnnxGraphBuilder buildGraph() {
    int vocabulary = VOCABULARY.size();
    graph.input("input_ids", integers).input("attention_mask", integers);
    if (positionIds) {
      graph.input("position_ids", integers);
    }
    graph
        .floats("wte.weight", random(vocabulary * EMBED), vocabulary, EMBED)
        .floats("wpe.weight", random(POSITIONS * EMBED), POSITIONS, EMBED)
        .longs("zero", new long[] {0})
        .longs("one", new long[] {1})
        .longs("axis0", new long[] {0}, 1)
        .longs("axis1", new long[] {1}, 1)
        .longs("axes12", new long[] {1, 2}, 2)
        .longs("qkv_split", new long[] {EMBED, EMBED, EMBED}, 3)
        .longs("head_shape", new long[] {1, -1, HEADS, HEAD_SIZE}, 4)
        .longs("merged_shape", new long[] {1, -1, EMBED}, 3)
        .floats("scale", new float[] {(float) Math.sqrt(HEAD_SIZE)})
        .floats("mask_value", new float[] {-1e9f})
        .floats("one_f", new float[] {1f});

    // Embeddings: token plus position, positions 0..n-1 computed from the input's shape.
    graph
        .node("Gather", "/wte/Gather", in("wte.weight", "input_ids"), out("/wte/Gather_output_0"))
        .node("Shape", "/Shape", in("input_ids"), out("/Shape_output_0"))
        .node(
            "Gather",
            "/Gather",
            in("/Shape_output_0", "one"),
            out("/Gather_output_0"),
            intAttribute("axis", 0))
        .node("Range", "/Range", in("zero", "/Gather_output_0", "one"), out("/Range_output_0"))
        .node("Unsqueeze", "/Unsqueeze", in("/Range_output_0", "axis0"), out("/Unsqueeze_output_0"))
        .node(
            "Gather",
            "/wpe/Gather",
            in("wpe.weight", positionIds ? "position_ids" : "/Unsqueeze_output_0"),
            out("/wpe/Gather_output_0"))
        .node(
            "Add",
            "/Add",
            in("/wte/Gather_output_0", "/wpe/Gather_output_0"),
            out("/Add_output_0"));

    // Causal mask: key j is in query i's future when j > i.
    graph
        .node(
            "Unsqueeze",
            "/Unsqueeze_1",
            in("/Range_output_0", "axis1"),
            out("/Unsqueeze_1_output_0"))
        .node(
            "Greater",
            "/Greater",
            in("/Unsqueeze_output_0", "/Unsqueeze_1_output_0"),
            out("/Greater_output_0"));

    // Padding mask from attention_mask, added to the scores as GPT-2 does.
    graph
        .node(
            "Cast",
            "/Cast",
            in("attention_mask"),
            out("/Cast_output_0"),
            intAttribute("to", TensorProto.DataType.FLOAT.getNumber()))
        .node("Sub", "/Sub", in("one_f", "/Cast_output_0"), out("/Sub_output_0"))
        .node("Mul", "/Mul", in("/Sub_output_0", "mask_value"), out("/Mul_output_0"))
        .node(
            "Unsqueeze",
            "/Unsqueeze_2",
            in("/Mul_output_0", "axes12"),
            out("/Unsqueeze_2_output_0"));

    String hidden = "/Add_output_0";
    for (int layer = 0; layer < LAYERS; layer++) {
      hidden = addLayer(layer, hidden);
    }
    graph
        .node("Identity", "/Identity", in(hidden), out("last_hidden_state"))
        .output("last_hidden_state");
    return graph;
  }

  private String addLayer(int layer, String hidden) {
    String p = "/h." + layer + "/attn/";
    String w = "h." + layer + ".attn.";
    graph
        .floats(w + "c_attn.weight", random(EMBED * 3 * EMBED), EMBED, 3 * EMBED)
        .floats(w + "c_attn.bias", random(3 * EMBED), 3 * EMBED)
        .floats(w + "c_proj.weight", random(EMBED * EMBED), EMBED, EMBED)
        .floats(w + "c_proj.bias", random(EMBED), EMBED)
        .node(
            "MatMul",
            p + "c_attn/MatMul",
            in(hidden, w + "c_attn.weight"),
            out(p + "c_attn/MatMul_output_0"))
        .node(
            "Add",
            p + "c_attn/Add",
            in(p + "c_attn/MatMul_output_0", w + "c_attn.bias"),
            out(p + "c_attn/Add_output_0"))
        .node(
            "Split",
            p + "Split",
            in(p + "c_attn/Add_output_0", "qkv_split"),
            out(p + "Split_output_0", p + "Split_output_1", p + "Split_output_2"),
            intAttribute("axis", 2));
    // query [1,H,n,D], key transposed [1,H,D,n], value [1,H,n,D]
    splitHeads(p, "", p + "Split_output_0", p + "q", 0, 2, 1, 3);
    splitHeads(p, "_1", p + "Split_output_1", p + "k_t", 0, 2, 3, 1);
    splitHeads(p, "_2", p + "Split_output_2", p + "v", 0, 2, 1, 3);
    graph
        .node("MatMul", p + "MatMul", in(p + "q", p + "k_t"), out(p + "MatMul_output_0"))
        .node("Div", p + "Div", in(p + "MatMul_output_0", "scale"), out(p + "Div_output_0"))
        .node(
            "Where",
            p + "Where",
            in("/Greater_output_0", "mask_value", p + "Div_output_0"),
            out(p + "Where_output_0"))
        .node(
            "Add",
            p + "Add",
            in(p + "Where_output_0", "/Unsqueeze_2_output_0"),
            out(p + "Add_output_0"))
        .node(
            "Softmax",
            p + "Softmax",
            in(p + "Add_output_0"),
            out(p + "Softmax_output_0"),
            intAttribute("axis", -1))
        .node("MatMul", p + "MatMul_1", in(p + "Softmax_output_0", p + "v"), out(p + "context"))
        .node(
            "Transpose",
            p + "Transpose_3",
            in(p + "context"),
            out(p + "context_t"),
            intsAttribute("perm", 0, 2, 1, 3))
        .node("Reshape", p + "Reshape_3", in(p + "context_t", "merged_shape"), out(p + "merged"))
        .node(
            "MatMul",
            p + "c_proj/MatMul",
            in(p + "merged", w + "c_proj.weight"),
            out(p + "c_proj/MatMul_output_0"))
        .node(
            "Add",
            p + "c_proj/Add",
            in(p + "c_proj/MatMul_output_0", w + "c_proj.bias"),
            out(p + "c_proj/Add_output_0"))
        .node(
            "Add",
            "/h." + layer + "/Add",
            in(hidden, p + "c_proj/Add_output_0"),
            out("/h." + layer + "/Add_output_0"));
    return "/h." + layer + "/Add_output_0";
  }

  /** Reshapes {@code [1,n,E]} to {@code [1,n,H,D]} and transposes it with {@code perm}. */
  private void splitHeads(String p, String suffix, String input, String output, long... perm) {
    graph
        .node("Reshape", p + "Reshape" + suffix, in(input, "head_shape"), out(output + "_heads"))
        .node(
            "Transpose",
            p + "Transpose" + suffix,
            in(output + "_heads"),
            out(output),
            intsAttribute("perm", perm));
  }

  /** Writes a word-level tokenizer over {@link #VOCABULARY} that starts every input with BOS. */
  static void writeTokenizer(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode().put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    for (int id = 0; id < 2; id++) {
      added
          .addObject()
          .put("id", id)
          .put("content", VOCABULARY.get(id))
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", false)
          .put("special", true);
    }
    root.putObject("normalizer").put("type", "Lowercase");
    root.putObject("pre_tokenizer").put("type", "Whitespace");
    ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("SpecialToken").put("id", "<bos>").put("type_id", 0);
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("SpecialToken").put("id", "<bos>").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
    ObjectNode bos = post.putObject("special_tokens").putObject("<bos>").put("id", "<bos>");
    bos.putArray("ids").add(1);
    bos.putArray("tokens").add("<bos>");
    root.putNull("decoder");
    ObjectNode model = root.putObject("model").put("type", "WordLevel").put("unk_token", "[UNK]");
    ObjectNode vocab = model.putObject("vocab");
    for (int id = 0; id < VOCABULARY.size(); id++) {
      vocab.put(VOCABULARY.get(id), id);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  private float[] random(int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) (random.nextGaussian() * 0.5);
    }
    return values;
  }

  private static String[] in(String... names) {
    return names;
  }

  private static String[] out(String... names) {
    return names;
  }
}
