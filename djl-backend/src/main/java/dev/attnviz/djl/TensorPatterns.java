package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 */
record TensorPatterns(
    String family,
    Pattern attention,
    Optional<Pattern> query,
    Optional<Pattern> key,
    boolean causal) {

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
          true);

  /** The families tried, in order, when the source names no patterns. */
  static final List<TensorPatterns> KNOWN_FAMILIES = List.of(BERT, GPT2);

  /** The family name of patterns given by the user. */
  static final String CUSTOM = "custom";

  private static final String LAYER_GROUP = "(?<layer>";

  /**
   * Returns the patterns to try for {@code source}: the user's patterns if its options name any,
   * else the known families.
   *
   * @throws AttentionException with {@link Reason#NO_ATTENTION} if an option is not a valid regular
   *     expression with a {@code layer} group, or names queries without keys
   */
  static List<TensorPatterns> forSource(ModelSource source) throws AttentionException {
    Optional<String> attention = source.option(ModelSource.ATTENTION_PATTERN);
    Optional<String> query = source.option(ModelSource.QUERY_PATTERN);
    Optional<String> key = source.option(ModelSource.KEY_PATTERN);
    if (attention.isEmpty() && query.isEmpty() && key.isEmpty()) {
      return KNOWN_FAMILIES;
    }
    if (attention.isEmpty()) {
      throw new AttentionException(
          Reason.NO_ATTENTION,
          "The options "
              + ModelSource.QUERY_PATTERN
              + " and "
              + ModelSource.KEY_PATTERN
              + " need the option "
              + ModelSource.ATTENTION_PATTERN
              + " too: set a pattern for the attention tensors.");
    }
    if (query.isPresent() != key.isPresent()) {
      throw new AttentionException(
          Reason.NO_ATTENTION,
          "Set both "
              + ModelSource.QUERY_PATTERN
              + " and "
              + ModelSource.KEY_PATTERN
              + ", or neither: queries and keys come together.");
    }
    boolean causal =
        source
            .option(DjlProviderFactory.CAUSAL)
            .map(v -> v.trim().toLowerCase(Locale.ROOT).equals("true"))
            .orElse(false);
    return List.of(
        new TensorPatterns(
            CUSTOM,
            compile(ModelSource.ATTENTION_PATTERN, attention.get()),
            query.isPresent()
                ? Optional.of(compile(ModelSource.QUERY_PATTERN, query.get()))
                : Optional.empty(),
            key.isPresent()
                ? Optional.of(compile(ModelSource.KEY_PATTERN, key.get()))
                : Optional.empty(),
            causal));
  }

  private static Pattern compile(String option, String regex) throws AttentionException {
    if (!regex.contains(LAYER_GROUP)) {
      throw new AttentionException(
          Reason.NO_ATTENTION,
          quote(option, regex)
              + " has no group for the layer index. Mark it with (?<layer>\\d+), e.g. "
              + "'/blocks\\.(?<layer>\\d+)/attn/Softmax_output_0'.");
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new AttentionException(
          Reason.NO_ATTENTION,
          quote(option, regex) + " is not a valid regular expression: " + e.getDescription() + ".",
          e);
    }
  }

  private static String quote(String option, String regex) {
    return "The option " + option + " = '" + regex + "'";
  }

  /** Whether these patterns came from the user rather than a known family. */
  boolean isCustom() {
    return family.equals(CUSTOM);
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
        + ")";
  }
}
