package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.ModelOptions;
import dev.attnviz.core.spi.ModelSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the tensors of one family of ONNX exports are named: regular expressions that match the full
 * name of the attention probabilities (the {@code Softmax} output, {@code
 * [batch][head][query][key]}) and of the query and key projections (after the bias, before the
 * {@code 1/sqrt(d)} scaling: {@code [batch][token][heads*dim]} or {@code
 * [batch][head][token][dim]}), each with a named group {@code layer} holding the layer index.
 *
 * @param family a short name for messages, e.g. "BERT"
 * @param attention matches attention probability tensors
 * @param query matches query projections, if the family has them
 * @param key matches key projections, if the family has them
 * @param causal whether models of this family are decoder-only
 * @param userVectors whether the query and key patterns came from the user's options
 * @param tracedVectors whether, without query and key patterns, the vectors are found by walking
 *     back from each attention Softmax to the MatMul of the scores ({@link ScoreInputs})
 */
record TensorPatterns(
    String family,
    Pattern attention,
    Optional<Pattern> query,
    Optional<Pattern> key,
    boolean causal,
    boolean userVectors,
    boolean tracedVectors) {

  /** Patterns whose vectors, if any, are found by name only. */
  TensorPatterns(
      String family,
      Pattern attention,
      Optional<Pattern> query,
      Optional<Pattern> key,
      boolean causal,
      boolean userVectors) {
    this(family, attention, query, key, causal, userVectors, false);
  }

  /** BERT and relatives exported from PyTorch (BERT, MiniLM, RoBERTa, ...): encoder-only. */
  static final TensorPatterns BERT =
      new TensorPatterns(
          "BERT",
          Pattern.compile("(?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/Softmax_output_0"),
          Optional.of(
              Pattern.compile(
                  "(?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/query/Add_output_0")),
          Optional.of(
              Pattern.compile(
                  "(?:.*/)?encoder/layer\\.(?<layer>\\d+)/attention/self/key/Add_output_0")),
          false,
          false);

  /**
   * GPT-2 and relatives exported from PyTorch: decoder-only, causal. Queries and keys are the first
   * two parts of the split {@code c_attn} projection.
   */
  static final TensorPatterns GPT2 =
      new TensorPatterns(
          "GPT-2",
          Pattern.compile("(?:.*/)?h\\.(?<layer>\\d+)/attn/Softmax_output_0"),
          Optional.of(Pattern.compile("(?:.*/)?h\\.(?<layer>\\d+)/attn/Split_output_0")),
          Optional.of(Pattern.compile("(?:.*/)?h\\.(?<layer>\\d+)/attn/Split_output_1")),
          true,
          false);

  /**
   * Llama and relatives (rotary position embedding, grouped-query attention) exported from PyTorch:
   * decoder-only, causal, Softmax at {@code /layers.N/self_attn/Softmax} ({@code /model/layers.N/…}
   * under a language-model head). The vectors are the inputs of the Q·K^T {@code MatMul} found by
   * {@link ScoreInputs}: queries after the rotary embedding, keys after the rotary embedding and
   * {@code repeat_kv}, so one key vector per query head.
   */
  static final TensorPatterns LLAMA =
      new TensorPatterns(
          "Llama",
          Pattern.compile("(?:/model)?/layers\\.(?<layer>\\d+)/self_attn/Softmax_output_0"),
          Optional.empty(),
          Optional.empty(),
          true,
          false,
          true);

  /** The families tried, in order, when the source names no patterns. */
  static final List<TensorPatterns> KNOWN_FAMILIES = List.of(BERT, GPT2, LLAMA);

  /** The family name of patterns given by the user. */
  static final String CUSTOM = "custom";

  /**
   * Returns the patterns to try: the user's own if the options set {@link
   * ModelSource#ATTENTION_PATTERN}, otherwise the known families (with the user's query and key
   * patterns, if set, in place of the families' own), the same rule as every backend's.
   */
  static List<TensorPatterns> forOptions(ModelOptions options) {
    Optional<Pattern> query = options.query();
    Optional<Pattern> key = options.key();
    if (options.attention().isPresent()) {
      return List.of(
          new TensorPatterns(
              CUSTOM,
              options.attention().get(),
              query,
              key,
              options.causal().orElse(false),
              query.isPresent()));
    }
    return KNOWN_FAMILIES.stream()
        .map(
            p ->
                new TensorPatterns(
                    p.family,
                    p.attention,
                    query.or(() -> p.query),
                    key.or(() -> p.key),
                    options.causal().orElse(p.causal),
                    query.isPresent(),
                    p.tracedVectors && query.isEmpty()))
        .toList();
  }

  /**
   * The patterns to try for {@code source}, its options checked by {@link ModelOptions}.
   *
   * @throws AttentionException with {@link AttentionException.Reason#MODEL_INVALID} for a bad
   *     option
   */
  static List<TensorPatterns> forSource(ModelSource source) throws AttentionException {
    return forOptions(DjlProviderFactory.options(source));
  }

  /** Whether the user named the vectors, so that vectors not lining up are a mistake to report. */
  boolean isCustom() {
    return family.equals(CUSTOM) || userVectors;
  }

  /** Whether this family names query and key projections. */
  boolean hasVectors() {
    return query.isPresent() && key.isPresent();
  }

  /** A one-line description for messages, listing every pattern. */
  String describe() {
    return family
        + " (attention "
        + attention.pattern()
        + query.map(q -> ", query " + q.pattern()).orElse("")
        + key.map(k -> ", key " + k.pattern()).orElse("")
        + (tracedVectors ? ", queries and keys from the scores' MatMul" : "")
        + ")";
  }
}
