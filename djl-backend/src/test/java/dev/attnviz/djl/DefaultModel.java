package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import java.nio.file.Path;

/**
 * The embedded default model, opened once for all test classes of the JVM: opening takes a second
 * or two, and the tests that need a fresh provider open their own.
 */
final class DefaultModel {

  private static AttentionProvider provider;

  private DefaultModel() {}

  /**
   * The embedded default's files, unpacked and rewritten in the cache ({@code attnviz.cache}), with
   * no provider opened.
   *
   * @param unpacked the unpacked model and tokenizer
   * @param prepared the rewritten model
   */
  record Files(EmbeddedModel.Unpacked unpacked, PreparedModel prepared) {}

  /** Unpacks and rewrites the embedded default, or finds both in the cache. */
  static Files files() throws AttentionException {
    Path cache = CacheRoot.root();
    EmbeddedModel.Unpacked unpacked =
        new EmbeddedModel(DefaultModel.class.getClassLoader(), cache).unpack(ProgressListener.NONE);
    PreparedModel prepared =
        new PreparedModelCache(cache)
            .prepare(
                unpacked.onnx(),
                unpacked.onnxSha256(),
                TensorPatterns.KNOWN_FAMILIES,
                ProgressListener.NONE);
    return new Files(unpacked, prepared);
  }

  /** The shared provider on all-MiniLM-L6-v2; never close it. */
  static synchronized AttentionProvider provider() throws AttentionException {
    if (provider == null) {
      provider = new DjlProviderFactory().open(ModelSource.embeddedDefault());
    }
    return provider;
  }
}
