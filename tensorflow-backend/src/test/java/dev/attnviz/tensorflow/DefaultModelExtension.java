package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.ModelSource;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests one provider of the embedded BERT-base uncased, opened once for the whole test run
 * (loading it takes seconds and half a gigabyte) and closed by JUnit when the run ends.
 */
final class DefaultModelExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AttentionProvider.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(DefaultModelExtension.class))
        .getOrComputeIfAbsent("bert", key -> new OpenProvider(), OpenProvider.class)
        .provider;
  }

  /** Closes the provider when JUnit drops the root store at the end of the run. */
  private static final class OpenProvider implements ExtensionContext.Store.CloseableResource {
    private final AttentionProvider provider;

    OpenProvider() {
      try {
        provider = new TensorFlowProviderFactory().open(ModelSource.embeddedDefault());
      } catch (Exception e) {
        throw new IllegalStateException(
            "cannot open the embedded BERT model: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      provider.close();
    }
  }
}
