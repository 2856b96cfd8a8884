package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Discovery with {@link java.util.ServiceLoader}. The test factories are registered under {@code
 * spi-fixture/} rather than at the root of the test resources, so that the core test jar, which the
 * other modules put on their class path, never adds a fake provider to theirs; the tests reach them
 * through the context class loader, as {@link AttentionProviders#discover()} documents.
 */
class AttentionProvidersTest {

  private static AttentionProviders discoverWithFixture() {
    URL fixture = AttentionProvidersTest.class.getClassLoader().getResource("spi-fixture/");
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {fixture}, previous)) {
      thread.setContextClassLoader(loader);
      return AttentionProviders.discover();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void discoversRegisteredFactoriesSortedByName() {
    AttentionProviders providers = discoverWithFixture();

    assertEquals(List.of("another", "fake"), providers.names());
    assertInstanceOf(FakeProviderFactory.Another.class, providers.factories().get(0));
  }

  @Test
  void findsNothingOnTheBareCoreClassPath() {
    // Core has no backend; the fixture is not visible without its class loader.
    assertEquals(List.of(), AttentionProviders.discover().names());
  }

  @Test
  void looksNamesUpIgnoringCaseAndSpaces() throws Exception {
    assertEquals("fake", discoverWithFixture().get(" FAKE ").name());
  }

  @Test
  void unknownNameListsTheAvailableOnes() {
    AttentionException e =
        assertThrows(AttentionException.class, () -> discoverWithFixture().get("tensorflow"));

    assertEquals(Reason.PROVIDER_NOT_FOUND, e.reason());
    assertEquals(
        "No attention provider named 'tensorflow' (available: another, fake).", e.getMessage());
  }

  @Test
  void unknownNameWithNoProvidersSaysWhatToAdd() {
    AttentionException e =
        assertThrows(AttentionException.class, () -> AttentionProviders.of(List.of()).get("djl"));

    assertEquals(
        "No attention provider named 'djl' (none is on the class path; add attnviz-tensorflow or"
            + " attnviz-djl).",
        e.getMessage());
  }

  @Test
  void rejectsTwoFactoriesWithOneName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AttentionProviders.of(
                    List.of(new FakeProviderFactory(), new FakeProviderFactory())));

    assertEquals("two attention providers are named 'fake'", e.getMessage());
  }

  @Test
  void factoryListIsAnUnmodifiableCopy() {
    List<AttentionProviderFactory> list = new ArrayList<>(List.of(new FakeProviderFactory()));
    AttentionProviders providers = AttentionProviders.of(list);
    list.clear();

    assertEquals(List.of("fake"), providers.names());
    assertThrows(UnsupportedOperationException.class, () -> providers.factories().clear());
  }

  @Test
  void discoveredFactoryOpensAndComputes() throws Exception {
    List<String> stages = new ArrayList<>();
    AttentionProviderFactory factory = discoverWithFixture().get("fake");

    AttentionData data;
    try (AttentionProvider provider =
        factory.open(
            ModelSource.embeddedDefault(), (stage, detail) -> stages.add(stage + " " + detail))) {
      data = provider.compute(AttentionRequest.builder().setTextA("a b").optTextB("c").build());
    }

    assertEquals(List.of("LOADING fake-model"), stages);
    assertEquals(
        List.of("[CLS]", "a", "b", "[SEP]", "c", "[SEP]"), data.primary().queryTokens().strings());
    assertEquals(4, data.sentenceBStart().orElseThrow());
    assertTrue(data.primary().queryTokens().isSpecial(3));
  }
}
