package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Truncation;
import java.util.Optional;

/**
 * The checks every provider makes on input, in one place so that all providers say the same thing
 * in the same words.
 */
public final class InputLimits {

  private InputLimits() {}

  /**
   * Fails if text A is empty or only whitespace.
   *
   * @param request the request to check; not null
   * @throws AttentionException with {@link Reason#INPUT_EMPTY}
   */
  public static void requireText(AttentionRequest request) throws AttentionException {
    if (request.textA().isBlank()) {
      throw new AttentionException(
          Reason.INPUT_EMPTY, "The text is empty. Type a sentence to see its attention.");
    }
  }

  /**
   * Decides what happens to an input of {@code tokenCount} tokens (special tokens included) for a
   * model that takes at most {@code maxTokens}.
   *
   * @param request the request, for its overflow policy; not null
   * @param tokenCount the input's token count, special tokens included
   * @param maxTokens the most tokens the model takes, at least 1
   * @param modelName the model's name, for the message
   * @return empty if the input fits; the truncation to apply if it does not and the request allows
   *     truncation
   * @throws AttentionException with {@link Reason#INPUT_TOO_LONG} if it does not fit and the
   *     request rejects overlong input
   */
  public static Optional<Truncation> checkLength(
      AttentionRequest request, int tokenCount, int maxTokens, String modelName)
      throws AttentionException {
    if (tokenCount <= maxTokens) {
      return Optional.empty();
    }
    if (request.overflow() == OverflowPolicy.REJECT) {
      throw new AttentionException(
          Reason.INPUT_TOO_LONG,
          "The input has "
              + tokenCount
              + " tokens but "
              + modelName
              + " takes at most "
              + maxTokens
              + ". Shorten the text, or allow truncation to keep the first "
              + maxTokens
              + ".");
    }
    return Optional.of(new Truncation(tokenCount, maxTokens));
  }
}
