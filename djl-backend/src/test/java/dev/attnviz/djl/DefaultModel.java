package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.ModelSource;

/**
 * The embedded default model, opened once for all test classes of the JVM: opening takes a second
 * or two, and the tests that need a fresh provider open their own.
 */
final class DefaultModel {

  private static AttentionProvider provider;

  private DefaultModel() {}

  /** The shared provider on all-MiniLM-L6-v2; never close it. */
  static synchronized AttentionProvider provider() throws AttentionException {
    if (provider == null) {
      provider = new DjlProviderFactory().open(ModelSource.embeddedDefault());
    }
    return provider;
  }
}
