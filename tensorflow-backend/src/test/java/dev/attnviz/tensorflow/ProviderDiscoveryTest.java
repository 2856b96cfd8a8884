package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.Capability;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderDiscoveryTest {

  @Test
  void theFactoryIsFoundByNameWithItsCapabilities() throws AttentionException {
    AttentionProviderFactory factory = AttentionProviders.discover().get("tensorflow");

    assertInstanceOf(TensorFlowProviderFactory.class, factory);
    assertEquals("tensorflow", factory.name());
    assertEquals("bert-base-uncased", factory.defaultModelName());
    assertEquals("TensorFlow Java (SavedModel)", factory.description());
    assertEquals(
        Set.of(
            Capability.QUERY_KEY_VECTORS,
            Capability.SENTENCE_PAIRS,
            Capability.TRUNCATION,
            Capability.CUSTOM_MODELS),
        factory.capabilities());
  }
}
