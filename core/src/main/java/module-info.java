/**
 * attnviz core: backend-neutral attention data, the provider SPI, the JSON and NumPy data files and
 * the analysis of attention. No UI and no inference library; reads JSON with jackson-core only.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: a backend module declares {@code
 * provides dev.attnviz.core.spi.AttentionProviderFactory}; on the class path, {@code
 * META-INF/services} does the same.
 *
 * <p>{@code dev.attnviz.core.spi.tokenizers}, the Hugging Face tokenizer adapter both bundled
 * backends share, needs DJL's tokenizers library; it is an optional dependency ({@code requires
 * static}) that the backends bring, so core alone loads no native library.
 */
@SuppressWarnings("requires-automatic")
module dev.attnviz.core {
  requires com.fasterxml.jackson.core;
  requires static ai.djl.api;
  requires static ai.djl.tokenizers;

  exports dev.attnviz.core;
  exports dev.attnviz.core.analysis;
  exports dev.attnviz.core.io;
  exports dev.attnviz.core.spi;
  exports dev.attnviz.core.spi.tokenizers;

  // dev.attnviz.core.internal is not exported: the library's own shortcuts.

  uses dev.attnviz.core.spi.AttentionProviderFactory;
}
