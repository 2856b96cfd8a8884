package dev.attnviz.djl;

import dev.attnviz.core.AttentionKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tensor names of the sequence models this backend recognises, per kind of attention: Hugging
 * Face's BART family ({@code self_attn}, {@code encoder_attn}, {@code q_proj}/{@code k_proj}) and
 * T5 family ({@code SelfAttention}, {@code EncDecAttention}, {@code q}/{@code k}), as one graph
 * (under {@code encoder/} and {@code decoder/}) or as optimum's encoder and decoder files.
 */
final class SequenceFamilies {

  private SequenceFamilies() {}

  /** The kinds of one encoder-decoder graph, BART then T5 names. */
  static final Map<AttentionKind, List<TensorPatterns>> ONE_GRAPH =
      Map.of(
          AttentionKind.ENCODER,
          List.of(bart("BART encoder", "encoder/", "self_attn"), t5("T5 encoder", "encoder/", 0)),
          AttentionKind.DECODER,
          List.of(bart("BART decoder", "decoder/", "self_attn"), t5("T5 decoder", "decoder/", 0)),
          AttentionKind.CROSS,
          List.of(bart("BART cross", "decoder/", "encoder_attn"), t5("T5 cross", "decoder/", 1)));

  /** The kind of optimum's {@code encoder_model.onnx}. */
  static final Map<AttentionKind, List<TensorPatterns>> ENCODER_FILE =
      Map.of(
          AttentionKind.ENCODER,
          List.of(bart("BART encoder", "", "self_attn"), t5("T5 encoder", "", 0)));

  /** The kinds of optimum's {@code decoder_model.onnx}. */
  static final Map<AttentionKind, List<TensorPatterns>> DECODER_FILE =
      Map.of(
          AttentionKind.DECODER,
          List.of(bart("BART decoder", "", "self_attn"), t5("T5 decoder", "", 0)),
          AttentionKind.CROSS,
          List.of(bart("BART cross", "", "encoder_attn"), t5("T5 cross", "", 1)));

  /** A decoder-only language model: GPT-2 names. */
  static final Map<AttentionKind, List<TensorPatterns>> DECODER_ONLY =
      Map.of(AttentionKind.SELF, List.of(TensorPatterns.GPT2));

  private static TensorPatterns bart(String family, String stack, String block) {
    String scope = "(?:.*/)?" + stack + "layers\\.(?<layer>\\d+)/" + block + "/";
    return patterns(
        family,
        scope + "Softmax_output_0",
        scope + "q_proj/Add_output_0",
        scope + "k_proj/Add_output_0");
  }

  private static TensorPatterns t5(String family, String stack, int sublayer) {
    String scope =
        "(?:.*/)?"
            + stack
            + "block\\.(?<layer>\\d+)/layer\\."
            + sublayer
            + "/"
            + (sublayer == 0 ? "SelfAttention" : "EncDecAttention")
            + "/";
    return patterns(
        family,
        scope + "Softmax_output_0",
        scope + "q/MatMul_output_0",
        scope + "k/MatMul_output_0");
  }

  private static TensorPatterns patterns(
      String family, String attention, String query, String key) {
    return new TensorPatterns(
        family,
        Pattern.compile(attention),
        Optional.of(Pattern.compile(query)),
        Optional.of(Pattern.compile(key)),
        false,
        false);
  }
}
