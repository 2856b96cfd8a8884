package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import java.util.Objects;

/**
 * A window of consecutive tokens of a result: the weights among tokens {@code [from, to)} on both
 * axes, as they are (not re-normalized: a row's weights to tokens outside the window are left out,
 * so the rows sum to at most 1), with their tokens and vectors. For pictures of long inputs that do
 * not fit one image at a readable scale. The window's numbers are copied to the heap; only the
 * heads of the window are read. Stateless and thread-safe.
 */
public final class TokenWindow {

  private TokenWindow() {}

  /**
   * Returns the tokens {@code [from, to)} of every kind of {@code data}, clipped to each token axis
   * (the decoder and encoder of an encoder-decoder model may have different lengths). The start of
   * sentence B is kept if it falls inside the window; model and truncation are kept.
   *
   * @param data the result
   * @param from the first token shown, from 0
   * @param to one past the last token shown
   * @return the window
   * @throws IllegalArgumentException if the window is empty or starts past the end of a token axis,
   *     or a head has invalid values ({@link Attention#problem})
   */
  public static AttentionData of(AttentionData data, int from, int to) {
    Objects.requireNonNull(data, "data");
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException(
          "a token window needs 0 <= first <= last, got " + from + " to " + (to - 1));
    }
    return TokenPooling.transformEach(
        data, attention -> window(attention, from, to), tokens -> mapping(tokens, from, to));
  }

  private static TokenMapping mapping(Tokens tokens, int from, int to) {
    if (from >= tokens.size()) {
      throw new IllegalArgumentException(
          "token "
              + from
              + " is past the end: there are "
              + tokens.size()
              + " tokens (0 to "
              + (tokens.size() - 1)
              + ")");
    }
    return TokenMapping.range(tokens, from, Math.min(to, tokens.size()));
  }

  private static Attention window(Attention attention, int from, int to) {
    TokenMapping queries = mapping(attention.queryTokens(), from, to);
    TokenMapping keys = mapping(attention.keyTokens(), from, to);
    attention.requireValidValues();
    TokenPooling.Pooled weights = TokenPooling.pool(attention.weights(), queries, keys, false);
    Attention.Builder builder =
        Attention.builder(attention.kind())
            .setQueryTokens(slice(attention.queryTokens(), queries))
            .setKeyTokens(slice(attention.keyTokens(), keys))
            .setWeights(weights.weights());
    if (attention.hasVectors()) {
      builder.optVectors(
          SpecialTokens.rowsOf(attention.queries().orElseThrow(), queries),
          SpecialTokens.rowsOf(attention.keys().orElseThrow(), keys));
    }
    // The vectors are rows of vectors already checked; the weights were checked as pooled.
    return weights.build(builder);
  }

  private static Tokens slice(Tokens tokens, TokenMapping mapping) {
    return Tokens.of(
        tokens
            .strings()
            .subList(mapping.originalStart(0), mapping.originalEnd(mapping.size() - 1)));
  }
}
