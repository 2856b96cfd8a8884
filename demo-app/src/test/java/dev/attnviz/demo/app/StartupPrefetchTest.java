package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The model opened and the input computed at start, before the window exists, are what the window's
 * first visualization takes: one open and one compute, not two. Needs a display for the window
 * (./run-tests.sh runs tests under xvfb).
 */
class StartupPrefetchTest {

  private final CountingProviderFactory counting = new CountingProviderFactory();

  /** Records the result a compute delivered on the EDT. */
  static final class Result extends CompletableFuture<AttentionData>
      implements AttentionService.Listener {
    @Override
    public void onProgress(String message) {}

    @Override
    public void onResult(AttentionData data) {
      complete(data);
    }

    @Override
    public void onFailure(String message) {
      completeExceptionally(new AssertionError(message));
    }
  }

  private static AttentionRequest request(String text) {
    return AttentionRequest.builder().setTextA(text).optQueriesAndKeys(true).build();
  }

  @Test
  void aComputeOfThePrefetchedRequestTakesItsResult() throws Exception {
    try (AttentionService service =
        new AttentionService(AttentionProviders.of(List.of(counting)))) {
      Result early = new Result();
      service.prefetch(
          CountingProviderFactory.NAME, ModelSource.embeddedDefault(), request("a b c"), early);
      Result first = new Result();
      service.compute(
          CountingProviderFactory.NAME, ModelSource.embeddedDefault(), request("a b c"), first);
      assertSame(early.get(10, TimeUnit.SECONDS), first.get(10, TimeUnit.SECONDS));
      assertEquals(1, counting.opens.get());
      assertEquals(List.of(request("a b c")), counting.computed);

      // Taken once: the same request again is computed again, as any later request is.
      Result again = new Result();
      service.compute(
          CountingProviderFactory.NAME, ModelSource.embeddedDefault(), request("a b c"), again);
      assertNotNull(again.get(10, TimeUnit.SECONDS));
      assertEquals(2, counting.computed.size());
      assertEquals(1, counting.opens.get(), "the model stays open");
    }
  }

  @Test
  void anotherRequestIsComputedAndTheEarlyResultDropped() throws Exception {
    try (AttentionService service =
        new AttentionService(AttentionProviders.of(List.of(counting)))) {
      service.prefetch(
          CountingProviderFactory.NAME,
          ModelSource.embeddedDefault(),
          request("a b"),
          new Result());
      Result other = new Result();
      service.compute(
          CountingProviderFactory.NAME, ModelSource.embeddedDefault(), request("x y z"), other);
      assertEquals(3, other.get(10, TimeUnit.SECONDS).primary().queryTokens().size());
      Result first = new Result();
      service.compute(
          CountingProviderFactory.NAME, ModelSource.embeddedDefault(), request("a b"), first);
      first.get(10, TimeUnit.SECONDS);
      assertEquals(
          List.of(request("a b"), request("x y z"), request("a b")),
          counting.computed,
          "the early result was dropped by the compute that did not use it");
    }
  }
}
