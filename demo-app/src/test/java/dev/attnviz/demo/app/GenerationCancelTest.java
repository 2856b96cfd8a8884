package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Generation in the app: each token is reported as progress, and after Cancel the worker is ready
 * for the next job (not left interrupted). That an interrupt stops generation after the current
 * token is the provider's {@code GenerationTest}.
 */
class GenerationCancelTest {

  private static final String BACKEND = "djl";
  private static final int MANY = 500;

  private final AttentionService service = new AttentionService(AttentionProviders.discover());

  @AfterEach
  void close() {
    service.close();
  }

  /** Records what a listener heard. */
  private static final class Recorder implements AttentionService.Listener {
    final List<String> progress = new CopyOnWriteArrayList<>();
    final List<AttentionData> results = new CopyOnWriteArrayList<>();
    final CountDownLatch generating = new CountDownLatch(1);

    @Override
    public void onProgress(String message) {
      progress.add(message);
      if (message.contains("generated")) {
        generating.countDown();
      }
    }

    @Override
    public void onResult(AttentionData data) {
      results.add(data);
    }

    @Override
    public void onFailure(String message) {
      progress.add("failure " + message);
    }
  }

  @Test
  void cancelStopsGenerationAndTheNextJobRuns() throws Exception {
    ModelSource model = ModelSource.of(HfExports.folder("gpt2-tiny-lm"));
    Recorder first = new Recorder();
    service.compute(
        BACKEND,
        model,
        AttentionRequest.builder().setTextA("The cat sat").optMaxNewTokens(MANY).build(),
        first);
    assertTrue(first.generating.await(60, TimeUnit.SECONDS), "progress: " + first.progress);
    service.cancel();

    Recorder second = new Recorder();
    service.compute(BACKEND, model, AttentionRequest.of("The cat sat"), second);
    service.drained().get(60, TimeUnit.SECONDS);
    SwingUtilities.invokeAndWait(() -> {});

    assertEquals(List.of(), first.results, "a cancelled generation delivers nothing");
    assertEquals(1, second.results.size(), "then the next job runs: " + second.progress);
    assertEquals(3, second.results.get(0).primary().queryTokens().size());
  }
}
