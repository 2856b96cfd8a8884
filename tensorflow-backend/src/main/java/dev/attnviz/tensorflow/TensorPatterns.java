package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.ModelOptions;
import dev.attnviz.core.spi.ModelSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the operations that hold attention probabilities, queries and keys are named in one family of
 * exports. Each pattern is a regular expression matched against whole operation names, with a named
 * group {@code layer} holding the layer index.
 *
 * @param family who names tensors this way, for messages
 * @param attention the attention probabilities, {@code [batch, heads, tokens, tokens]}
 * @param query the query projections (after bias), {@code [tokens, hidden]} or {@code [batch,
 *     tokens, hidden]}; empty if unknown
 * @param key the key projections, shaped like the queries; empty if unknown
 * @param softmaxOnly whether only operations of type {@code Softmax} count as attention
 * @param userVectors whether the query and key patterns came from the user's options, so that
 *     vectors not lining up with the layers are a mistake to report rather than to skip
 */
record TensorPatterns(
    String family,
    Pattern attention,
    Optional<Pattern> query,
    Optional<Pattern> key,
    boolean softmaxOnly,
    boolean userVectors) {

  /** Google's BERT: {@code …/bert/encoder/layer_3/attention/self/Softmax}. */
  static final TensorPatterns GOOGLE_BERT =
      builtIn("Google BERT", "(?:.*/)?encoder/layer_(?<layer>\\d+)/attention/self/");

  /** Hugging Face TF exports: {@code …/bert/encoder/layer_._3/attention/self/Softmax}. */
  static final TensorPatterns HUGGING_FACE =
      builtIn("Hugging Face TF", "(?:.*/)?encoder/layer_\\._(?<layer>\\d+)/attention/self/");

  private static TensorPatterns builtIn(String family, String scope) {
    return new TensorPatterns(
        family,
        Pattern.compile(scope + "Softmax"),
        Optional.of(Pattern.compile(scope + "query/BiasAdd")),
        Optional.of(Pattern.compile(scope + "key/BiasAdd")),
        true,
        false);
  }

  /**
   * The patterns to try for a model, in order: the user's own if the options set {@link
   * ModelSource#ATTENTION_PATTERN}, otherwise the built-in families (with the user's query and key
   * patterns, if set, in place of the built-in ones), the same rule as every backend's.
   */
  static List<TensorPatterns> forOptions(ModelOptions options) {
    Optional<Pattern> query = options.query();
    Optional<Pattern> key = options.key();
    if (options.attention().isPresent()) {
      return List.of(
          new TensorPatterns(
              "your " + ModelSource.ATTENTION_PATTERN,
              options.attention().get(),
              query,
              key,
              false,
              query.isPresent()));
    }
    return List.of(GOOGLE_BERT, HUGGING_FACE).stream()
        .map(
            p ->
                new TensorPatterns(
                    p.family,
                    p.attention,
                    query.or(() -> p.query),
                    key.or(() -> p.key),
                    p.softmaxOnly,
                    query.isPresent()))
        .toList();
  }

  /** The layer index if {@code opName} matches {@code pattern} as a whole, else -1. */
  static int layerOf(Pattern pattern, String opName) {
    Matcher matcher = pattern.matcher(opName);
    if (!matcher.matches()) {
      return -1;
    }
    try {
      return Integer.parseInt(matcher.group("layer"));
    } catch (NumberFormatException e) {
      // A user pattern whose layer group caught no number names no layer: not a match.
      return -1;
    }
  }

  /** One line for messages: the family and its attention pattern. */
  String describe() {
    return family + ": " + attention.pattern() + (softmaxOnly ? " (Softmax operations)" : "");
  }
}
