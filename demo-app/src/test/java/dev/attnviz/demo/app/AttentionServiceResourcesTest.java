package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.LeakCheck;
import dev.attnviz.core.testing.ProcessResources;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Computing, cancelling and superseding over and over on a real model (the DJL provider's
 * all-MiniLM-L6-v2, the quickest to compute) leaves no memory and no threads behind, and closing
 * the service ends its worker. The build runs demo-app's tests with a fixed, pre-touched heap, so
 * resident memory measures native memory.
 */
class AttentionServiceResourcesTest {

  private static final int WARM_UP = 20;
  private static final int ROUNDS = 300;
  private static final String WORKER = "attnviz-compute";

  /**
   * A compute whose native arrays leaked would keep ~0.5 MB (6 layers × 12 heads × ~20² floats,
   * plus vectors): 150 MB over the rounds.
   */
  private static final long RESIDENT_BOUND = 64L << 20;

  /** Records which jobs' results and failures reached the EDT. */
  private static final class Recorder {
    final List<Integer> results = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    AttentionService.Listener job(int number) {
      return new AttentionService.Listener() {
        @Override
        public void onProgress(String message) {}

        @Override
        public void onResult(AttentionData data) {
          results.add(number);
        }

        @Override
        public void onFailure(String message) {
          failures.add(message);
        }
      };
    }
  }

  @Test
  void computingCancellingAndSupersedingRepeatedlyLeavesNothingBehind() throws Exception {
    AttentionService service = new AttentionService(AttentionProviders.discover());
    Recorder recorder = new Recorder();
    Random random = new Random(5);
    boolean[] lastCancelled = {false};

    LeakCheck.assertNoGrowth(
        "rounds of compute, cancel and supersede",
        WARM_UP,
        ROUNDS,
        RESIDENT_BOUND,
        () -> drain(service),
        i -> {
          compute(service, i, recorder);
          lastCancelled[0] = false;
          if (i < WARM_UP) {
            drain(service); // warm-up: every compute runs, and the model opens once
            return;
          }
          switch (random.nextInt(4)) {
            case 0 -> lastCancelled[0] = cancel(service);
            case 1 -> Thread.sleep(random.nextInt(30)); // cancelled or superseded midway
            default -> {} // superseded by the next round at once
          }
          if (random.nextInt(10) == 0) {
            Thread.sleep(random.nextInt(40));
            lastCancelled[0] = random.nextBoolean() ? cancel(service) : lastCancelled[0];
          }
        });

    assertEquals(List.of(), recorder.failures);
    int last = WARM_UP + ROUNDS - 1;
    if (!lastCancelled[0]) {
      assertEquals(last, recorder.results.get(recorder.results.size() - 1));
    }
    assertTrue(recorder.results.size() < WARM_UP + ROUNDS, "superseded results were dropped");

    service.close();
    for (int i = 0; i < 50 && ProcessResources.measure().javaThreads().containsKey(WORKER); i++) {
      Thread.sleep(100);
    }
    assertFalse(ProcessResources.measure().javaThreads().containsKey(WORKER), "the worker ended");
  }

  private static boolean cancel(AttentionService service) {
    service.cancel();
    return true;
  }

  private static void compute(AttentionService service, int number, Recorder recorder) {
    service.compute(
        "djl",
        ModelSource.embeddedDefault(),
        AttentionRequest.builder()
            .setTextA("Request " + number + " asks for the attention of about twenty tokens.")
            .optQueriesAndKeys(true)
            .build(),
        recorder.job(number));
  }

  private static void drain(AttentionService service) throws Exception {
    service.drained().get(2, TimeUnit.MINUTES);
    SwingUtilities.invokeAndWait(() -> {});
  }
}
