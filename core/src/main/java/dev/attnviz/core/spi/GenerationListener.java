package dev.attnviz.core.spi;

/**
 * Hears the tokens a provider generates, one at a time, so a UI can show progress. Called on the
 * computing thread; implementations must be quick and thread-safe. To stop generation, interrupt
 * the computing thread: the provider then fails with {@link
 * dev.attnviz.core.AttentionException.Reason#CANCELLED}.
 */
@FunctionalInterface
public interface GenerationListener {

  /** A listener that ignores everything. */
  GenerationListener NONE = (generated, max, token) -> {};

  /**
   * Reports one generated token.
   *
   * @param generated how many tokens have been generated so far, this one included (1 to max)
   * @param max the most that will be generated
   * @param token the token's vocabulary entry
   */
  void onToken(int generated, int max, String token);
}
