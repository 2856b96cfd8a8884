package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.swing.model.AttentionViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A cancelled or replaced request never paints over a newer result: {@link AttentionService} wired
 * to a real {@link AttentionViewModel} the way {@link MainWindow} wires them (results go to {@code
 * setData} on the EDT), with every change of the view model recorded.
 */
class NewestResultWinsTest {

  private final AttentionService service = new AttentionService(AttentionProviders.of(List.of()));
  private final AttentionViewModel view = new AttentionViewModel();

  /** Names of the data the view showed, in order; touched on the EDT only. */
  private final List<String> shown = new ArrayList<>();

  NewestResultWinsTest() {
    view.addChangeListener(e -> shown.add(view.data().model().name()));
  }

  @AfterEach
  void close() {
    service.close();
  }

  /** What MainWindow's listener does with a result. */
  private AttentionService.Listener showInView() {
    return new AttentionService.Listener() {
      @Override
      public void onProgress(String message) {}

      @Override
      public void onResult(AttentionData data) {
        view.setData(data);
      }

      @Override
      public void onFailure(String message) {}
    };
  }

  @Test
  void aSlowRequestFinishingAfterAFastNewerOneIsNeverShown() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch releaseSlow = new CountDownLatch(1);
    service.submit(
        (providers, progress) -> {
          slowStarted.countDown();
          assertTrue(releaseSlow.await(10, TimeUnit.SECONDS));
          return AttentionServiceTest.data("slow");
        },
        showInView());
    assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
    service.submit((providers, progress) -> AttentionServiceTest.data("fast"), showInView());
    releaseSlow.countDown();

    waitForWorkerAndEdt();

    assertEquals(List.of("fast"), onEdt(() -> List.copyOf(shown)));
    assertEquals("fast", onEdt(() -> view.data().model().name()));
  }

  @Test
  void underManyInterleavedSubmitsAndCancelsTheViewOnlyEverMovesForward() throws Exception {
    Random random = new Random(11);
    int last = -1;
    boolean cancelledAfterLast = false;
    for (int job = 0; job < 300; job++) {
      int number = job;
      int millis = random.nextInt(3);
      service.submit(
          (providers, progress) -> {
            Thread.sleep(millis);
            return AttentionServiceTest.data("job-" + number);
          },
          showInView());
      last = job;
      cancelledAfterLast = random.nextInt(10) == 0;
      if (cancelledAfterLast) {
        service.cancel();
      }
      if (random.nextInt(25) == 0) {
        // Now and then let everything run, so results do arrive while later jobs are queued.
        waitForWorkerAndEdt();
      }
    }
    waitForWorkerAndEdt();

    List<String> history = onEdt(() -> List.copyOf(shown));
    assertTrue(history.size() > 5, "some results were shown: " + history);
    for (int i = 1; i < history.size(); i++) {
      assertTrue(
          number(history.get(i)) > number(history.get(i - 1)), "shown out of order: " + history);
    }
    if (!cancelledAfterLast) {
      assertEquals("job-" + last, history.get(history.size() - 1));
    }
  }

  private static int number(String name) {
    return Integer.parseInt(name.substring("job-".length()));
  }

  private void waitForWorkerAndEdt() throws Exception {
    service.drained().get(30, TimeUnit.SECONDS);
    SwingUtilities.invokeAndWait(() -> {});
  }

  private static <T> T onEdt(java.util.concurrent.Callable<T> call) throws Exception {
    List<T> result = new ArrayList<>();
    Exception[] failure = new Exception[1];
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.add(call.call());
          } catch (Exception e) {
            failure[0] = e;
          }
        });
    if (failure[0] != null) {
      throw failure[0];
    }
    return result.get(0);
  }
}
