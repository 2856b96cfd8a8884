package dev.attnviz.core.spi;

/** What to do with input that has more tokens than the model takes. */
public enum OverflowPolicy {
  /** Fail with {@link dev.attnviz.core.AttentionException.Reason#INPUT_TOO_LONG}. */
  REJECT,
  /** Keep as many tokens as fit and record a {@link dev.attnviz.core.Truncation}. */
  TRUNCATE
}
