package dev.attnviz.core.io;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;

/**
 * What a data file must satisfy beyond what {@link AttentionData} itself checks. Derived data may
 * legitimately differ (hiding special tokens can leave cross attention without keys, or fewer
 * tokens than the truncation kept), so these belong to reading a file, not to the data model.
 */
final class ReadDataChecks {

  private ReadDataChecks() {}

  /** Fails for attention over no keys and for a truncation that does not match the tokens. */
  static AttentionData checked(AttentionData data, String advice) throws InvalidFileException {
    for (Attention attention : data.attentions()) {
      if (attention.keyTokens().size() == 0) {
        throw new InvalidFileException(
            attention.kind().id()
                + " attention has no key tokens, so its queries attend to nothing",
            advice);
      }
    }
    if (data.truncation().isPresent()) {
      int tokens = data.pairTokens().size();
      int kept = data.truncation().get().keptTokenCount();
      // A causal model may have generated tokens after its truncated prompt.
      if (data.model().causal() ? kept > tokens : kept != tokens) {
        throw new InvalidFileException(
            "truncation.keptTokens is "
                + kept
                + " but the "
                + data.primary().kind().id()
                + " attention has "
                + tokens
                + " tokens",
            advice);
      }
    }
    return data;
  }
}
