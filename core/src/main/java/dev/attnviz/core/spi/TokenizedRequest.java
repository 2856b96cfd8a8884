package dev.attnviz.core.spi;

import dev.attnviz.core.Truncation;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request became once tokenized for a model: the tokens fed to it, and how the input was cut
 * if it was too long.
 *
 * @param input the tokens fed to the model, special tokens included
 * @param truncation set if the input was cut; then it kept exactly {@code input.size()} tokens
 */
public record TokenizedRequest(TokenizedInput input, Optional<Truncation> truncation) {

  /**
   * Checks that the truncation, if any, describes this input.
   *
   * @param input the tokens fed to the model, special tokens included; not null
   * @param truncation how the input was cut, or empty; not null
   * @throws IllegalArgumentException if the truncation kept another number of tokens than {@code
   *     input} has
   */
  public TokenizedRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(truncation, "truncation");
    if (truncation.isPresent() && truncation.get().keptTokenCount() != input.size()) {
      throw new IllegalArgumentException(
          "the truncation kept "
              + truncation.get().keptTokenCount()
              + " tokens but the input has "
              + input.size());
    }
  }
}
