package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Truncation;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tokenizes a request within a model's token limit, the same way for every provider: the whole
 * input is tokenized and measured first, then rejected or tokenized again with truncation, as the
 * request's {@link OverflowPolicy} says. The tokenizer itself is the provider's: it comes in as two
 * functions, so that this class depends on no tokenizer library.
 */
public final class RequestTokenizer {

  private RequestTokenizer() {}

  /**
   * Tokenizes {@code request} for a model that takes at most {@code maxTokens} tokens.
   *
   * <p>{@code truncating} is called only when the whole input is too long and the request allows
   * truncation. The truncation reported is what it actually kept, which may be fewer tokens than
   * {@code maxTokens} (a tokenizer may cut a pair short of the limit).
   *
   * @param request the text (and second text) with the overflow policy
   * @param modelName the model's name, for messages
   * @param maxTokens the most tokens the model takes, special tokens included
   * @param whole tokenizes a request without ever truncating it
   * @param truncating tokenizes a request, cutting it to at most {@code maxTokens} tokens
   * @return the tokens to feed the model, with the truncation if the input was cut
   * @throws AttentionException with {@link Reason#INPUT_EMPTY} if the text is blank or yields no
   *     token, or {@link Reason#INPUT_TOO_LONG} if it is too long and the request rejects overlong
   *     input (see {@link InputLimits})
   * @throws IllegalStateException if {@code truncating} keeps more than {@code maxTokens} tokens: a
   *     misconfigured tokenizer
   */
  public static TokenizedRequest tokenize(
      AttentionRequest request,
      String modelName,
      int maxTokens,
      Function<AttentionRequest, TokenizedInput> whole,
      Function<AttentionRequest, TokenizedInput> truncating)
      throws AttentionException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(whole, "whole");
    Objects.requireNonNull(truncating, "truncating");
    InputLimits.requireText(request);
    TokenizedInput full = whole.apply(request);
    Optional<Truncation> truncation =
        InputLimits.checkLength(request, full.size(), maxTokens, modelName);
    TokenizedInput used = truncation.isPresent() ? truncating.apply(request) : full;
    if (used.size() > maxTokens) {
      throw new IllegalStateException(
          "the truncating tokenizer of "
              + modelName
              + " kept "
              + used.size()
              + " tokens, more than the model's maximum of "
              + maxTokens);
    }
    // Checked before re-deriving the truncation, which cannot describe keeping no token.
    if (used.size() == 0) {
      throw new AttentionException(
          Reason.INPUT_EMPTY,
          "The tokenizer made no tokens of the text. Type a sentence to see its attention.");
    }
    if (truncation.isPresent() && used.size() != truncation.get().keptTokenCount()) {
      truncation = Optional.of(new Truncation(full.size(), used.size()));
    }
    return new TokenizedRequest(used, truncation);
  }
}
