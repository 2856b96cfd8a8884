package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener.Stage;
import dev.attnviz.core.testing.HfExports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery, capabilities, progress, and closing. */
class ProviderLifecycleTest {

  @TempDir Path temp;

  @Test
  void foundByServiceLoaderWithTheSameFlagsAsEveryBackend() throws Exception {
    AttentionProviderFactory factory = AttentionProviders.discover().get("djl");

    assertInstanceOf(DjlProviderFactory.class, factory);
    assertEquals("djl", factory.name());
    assertEquals("all-minilm-l6-v2", factory.defaultModelName());
    assertEquals(EnumSet.allOf(Capability.class), factory.capabilities());
    AttentionProvider provider = DefaultModel.provider();
    assertEquals("djl", provider.providerName());
    // An encoder-only model has neither a decoder nor a language-model head.
    assertEquals(
        EnumSet.complementOf(EnumSet.of(Capability.ENCODER_DECODER, Capability.GENERATION)),
        provider.capabilities());
  }

  @Test
  void firstStartUnpacksAndRewritesThenLaterStartsReuseTheCache() throws Exception {
    DjlProviderFactory factory = new DjlProviderFactory(temp);
    List<Stage> first = new ArrayList<>();
    List<Stage> second = new ArrayList<>();

    factory.open(ModelSource.embeddedDefault(), (stage, detail) -> first.add(stage)).close();
    factory.open(ModelSource.embeddedDefault(), (stage, detail) -> second.add(stage)).close();

    assertEquals(
        List.of(
            Stage.UNPACKING,
            Stage.UNPACKING,
            Stage.PREPARING,
            Stage.PREPARING,
            Stage.LOADING,
            Stage.COMPUTING),
        first);
    assertEquals(List.of(Stage.PREPARING, Stage.LOADING, Stage.COMPUTING), second);
  }

  @Test
  void closeIsIdempotentAndComputeAfterCloseIsRefused() throws Exception {
    Path folder = TinyGpt2.write(temp.resolve("tiny-gpt2"));
    AttentionProvider provider = new DjlProviderFactory(temp).open(ModelSource.of(folder));
    provider.compute(AttentionRequest.of("the cat"));

    provider.close();
    provider.close();

    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> provider.compute(AttentionRequest.of("the cat")));
    assertEquals("the 'djl' provider for tiny-gpt2 is closed", e.getMessage());
  }

  @Test
  void vectorsAreRefusedWhenTheModelDoesNotExposeThem() throws Exception {
    Path folder = TinyGpt2.write(temp.resolve("tiny-gpt2"));
    ModelSource attentionOnly =
        ModelSource.of(folder)
            .withOption(ModelSource.ATTENTION_PATTERN, TinyGpt2.ATTENTION_PATTERN)
            .withOption(DjlProviderFactory.CAUSAL, "true");

    try (AttentionProvider provider = new DjlProviderFactory(temp).open(attentionOnly)) {
      assertEquals(
          Set.of(Capability.SENTENCE_PAIRS, Capability.TRUNCATION, Capability.CUSTOM_MODELS),
          provider.capabilities());
      assertEquals(true, provider.model().causal());
      AttentionException e =
          assertThrows(
              AttentionException.class,
              () ->
                  provider.compute(
                      AttentionRequest.builder()
                          .setTextA("the cat")
                          .optQueriesAndKeys(true)
                          .build()));
      assertEquals(Reason.UNSUPPORTED, e.reason());
      assertEquals(
          "tiny-gpt2 exposes no query and key vectors (the custom names found none). Ask without"
              + " vectors, or open the model with the options queryPattern and keyPattern to name"
              + " them.",
          e.getMessage());
    }
  }

  @Test
  void offlineModeHoldsDuringOpenAndIsRestoredAfterwards() throws Exception {
    String saved = System.getProperty(DjlOfflineMode.PROPERTY);
    boolean environment = System.getenv(DjlOfflineMode.ENVIRONMENT) != null;
    try {
      System.clearProperty(DjlOfflineMode.PROPERTY);
      List<String> seenDuringOpen = new ArrayList<>();
      try (AttentionProvider provider =
          new DjlProviderFactory()
              .open(
                  ModelSource.of(HfExports.folder("bert-tiny-hf-fixed")),
                  (stage, detail) ->
                      seenDuringOpen.add(System.getProperty(DjlOfflineMode.PROPERTY)))) {
        assertEquals(null, System.getProperty(DjlOfflineMode.PROPERTY), "restored after open");
        provider.compute(AttentionRequest.of("the cat"));
      }
      assertEquals(null, System.getProperty(DjlOfflineMode.PROPERTY), "restored after close");
      assertEquals(
          environment ? null : "true",
          seenDuringOpen.get(seenDuringOpen.size() - 1),
          "during open");

      System.setProperty(DjlOfflineMode.PROPERTY, "false");
      DjlOfflineMode scope = DjlOfflineMode.scope();
      assertEquals("false", System.getProperty(DjlOfflineMode.PROPERTY), "the user's choice");
      scope.close();
      assertEquals("false", System.getProperty(DjlOfflineMode.PROPERTY));
    } finally {
      if (saved == null) {
        System.clearProperty(DjlOfflineMode.PROPERTY);
      } else {
        System.setProperty(DjlOfflineMode.PROPERTY, saved);
      }
    }
  }

  @Test
  void overlappingScopesRestoreOnlyWhenTheLastEnds() {
    String saved = System.getProperty(DjlOfflineMode.PROPERTY);
    try {
      System.clearProperty(DjlOfflineMode.PROPERTY);
      DjlOfflineMode first = DjlOfflineMode.scope();
      DjlOfflineMode second = DjlOfflineMode.scope();
      first.close();
      first.close();
      String whileSecondOpen = System.getProperty(DjlOfflineMode.PROPERTY);
      second.close();

      assertEquals(
          System.getenv(DjlOfflineMode.ENVIRONMENT) == null ? "true" : null, whileSecondOpen);
      assertEquals(null, System.getProperty(DjlOfflineMode.PROPERTY));
    } finally {
      if (saved != null) {
        System.setProperty(DjlOfflineMode.PROPERTY, saved);
      }
    }
  }
}
