package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 */
record TensorPatterns(
    String family,
    Pattern attention,
    Optional<Pattern> query,
    Optional<Pattern> key,
    boolean softmaxOnly) {

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
        true);
  }

  /**
   * The patterns to try for a model, in order: the user's own if the source sets {@link
   * ModelSource#ATTENTION_PATTERN}, otherwise the built-in families (with the user's query and key
   * patterns, if set, in place of the built-in ones).
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} if a pattern is not a valid
   *     regular expression or lacks the {@code layer} group
   */
  static List<TensorPatterns> forSource(ModelSource source) throws AttentionException {
    Optional<Pattern> query = compile(source, ModelSource.QUERY_PATTERN);
    Optional<Pattern> key = compile(source, ModelSource.KEY_PATTERN);
    Optional<Pattern> attention = compile(source, ModelSource.ATTENTION_PATTERN);
    if (attention.isPresent()) {
      return List.of(
          new TensorPatterns(
              "your " + ModelSource.ATTENTION_PATTERN, attention.get(), query, key, false));
    }
    return List.of(GOOGLE_BERT, HUGGING_FACE).stream()
        .map(
            p ->
                new TensorPatterns(
                    p.family,
                    p.attention,
                    query.or(() -> p.query),
                    key.or(() -> p.key),
                    p.softmaxOnly))
        .toList();
  }

  private static Optional<Pattern> compile(ModelSource source, String option)
      throws AttentionException {
    Optional<String> regex = source.option(option);
    if (regex.isEmpty()) {
      return Optional.empty();
    }
    String quoted = "The option " + option + " '" + regex.get() + "'";
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex.get());
    } catch (PatternSyntaxException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          quoted + " is not a valid regular expression: " + e.getDescription() + ".",
          e);
    }
    if (!pattern.pattern().contains("(?<layer>")) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          quoted + " needs a named group (?<layer>\\d+) that captures the layer index.");
    }
    return Optional.of(pattern);
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
