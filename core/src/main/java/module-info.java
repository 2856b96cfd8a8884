/**
 * attnviz core: backend-neutral attention data, the provider SPI, the JSON and NumPy data files and
 * the analysis of attention. No UI and no inference library; reads JSON with jackson-core only.
 *
 * <p>Providers are found with {@link java.util.ServiceLoader}: a backend module declares {@code
 * provides dev.attnviz.core.spi.AttentionProviderFactory}; on the class path, {@code
 * META-INF/services} does the same.
 */
module dev.attnviz.core {
  requires com.fasterxml.jackson.core;

  exports dev.attnviz.core;
  exports dev.attnviz.core.analysis;
  exports dev.attnviz.core.io;
  exports dev.attnviz.core.spi;

  uses dev.attnviz.core.spi.AttentionProviderFactory;
}
