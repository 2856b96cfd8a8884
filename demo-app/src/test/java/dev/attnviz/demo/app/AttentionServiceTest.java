package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.spi.AttentionProviders;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttentionServiceTest {

  private final AttentionService service = new AttentionService(AttentionProviders.of(List.of()));

  @AfterEach
  void close() {
    service.close();
  }

  /** Records what a listener heard, on the EDT. */
  private static final class Recorder implements AttentionService.Listener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onProgress(String message) {
      events.add("progress " + message);
    }

    @Override
    public void onResult(AttentionData data) {
      assertTrue(SwingUtilities.isEventDispatchThread());
      events.add("result " + data.model().name());
    }

    @Override
    public void onFailure(String message) {
      events.add("failure " + message);
    }
  }

  @Test
  void aReplacedRequestNeverDeliversOverTheNewerOne() throws Exception {
    CountDownLatch oldStarted = new CountDownLatch(1);
    CountDownLatch releaseOld = new CountDownLatch(1);
    Recorder old = new Recorder();
    Recorder newer = new Recorder();
    service.submit(
        (providers, progress) -> {
          oldStarted.countDown();
          releaseOld.await(10, TimeUnit.SECONDS);
          return data("old");
        },
        old);
    assertTrue(oldStarted.await(10, TimeUnit.SECONDS));
    long newest = service.submit((providers, progress) -> data("new"), newer);
    releaseOld.countDown();
    waitForWorkerAndEdt();
    assertEquals(List.of(), old.events, "the superseded job said nothing");
    assertEquals(List.of("result new"), newer.events);
    assertTrue(service.isCurrent(newest));
  }

  @Test
  void aFileOpenedWhileAModelComputesIsShownAtOnceAndTheComputeDropped() throws Exception {
    CountDownLatch computeStarted = new CountDownLatch(1);
    CountDownLatch releaseCompute = new CountDownLatch(1);
    Recorder compute = new Recorder();
    Recorder file = new Recorder();
    service.submit(
        (providers, progress) -> {
          computeStarted.countDown();
          releaseCompute.await(10, TimeUnit.SECONDS);
          return data("computed");
        },
        compute);
    assertTrue(computeStarted.await(10, TimeUnit.SECONDS));

    long opened = service.read(() -> data("file"), file);
    for (int i = 0; i < 200 && file.events.isEmpty(); i++) {
      Thread.sleep(25);
      SwingUtilities.invokeAndWait(() -> {});
    }
    assertEquals(List.of("result file"), file.events, "shown while the compute still runs");
    releaseCompute.countDown();
    waitForWorkerAndEdt();

    assertEquals(List.of(), compute.events, "the older compute said nothing");
    assertTrue(service.isCurrent(opened));
  }

  @Test
  void cancelDropsTheRunningJobsResult() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recorder recorder = new Recorder();
    service.submit(
        (providers, progress) -> {
          started.countDown();
          release.await(10, TimeUnit.SECONDS);
          return data("late");
        },
        recorder);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    service.cancel();
    release.countDown();
    waitForWorkerAndEdt();
    assertEquals(List.of(), recorder.events);
  }

  @Test
  void lanesNeverSupersedeEachOther() throws Exception {
    AttentionService.Lane compare = service.newLane();
    Recorder mainRecorder = new Recorder();
    Recorder compareRecorder = new Recorder();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    compare.submit(
        (providers, progress) -> {
          started.countDown();
          release.await(10, TimeUnit.SECONDS);
          return data("compared");
        },
        compareRecorder);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    service.submit((providers, progress) -> data("main"), mainRecorder);
    compare.submit((providers, progress) -> data("compared again"), compareRecorder);
    release.countDown();
    waitForWorkerAndEdt();
    assertEquals(List.of("result main"), mainRecorder.events);
    assertEquals(
        List.of("result compared again"),
        compareRecorder.events,
        "within a lane only the newest counts; the main lane did not drop it");
  }

  @Test
  void closingSkipsQueuedJobsOfEveryLane() throws Exception {
    AttentionService closing = new AttentionService(AttentionProviders.of(List.of()));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Recorder first = new Recorder();
    Recorder queued = new Recorder();
    closing.submit(
        (providers, progress) -> {
          started.countDown();
          release.await(10, TimeUnit.SECONDS);
          return data("first");
        },
        first);
    closing.newLane().submit((providers, progress) -> data("queued"), queued);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    // Closing without waiting: the running job is still blocked, the queued one not started.
    closing.close(0);
    release.countDown();
    closing.close(10);
    SwingUtilities.invokeAndWait(() -> {});
    assertEquals(List.of(), queued.events, "a job queued before close never ran");
  }

  @Test
  void failuresArriveAsPlainMessages() throws Exception {
    Recorder recorder = new Recorder();
    service.submit(
        (providers, progress) -> {
          throw new AttentionException(
              AttentionException.Reason.INPUT_EMPTY, "The text is empty. Type a sentence.");
        },
        recorder);
    waitForWorkerAndEdt();
    assertEquals(List.of("failure The text is empty. Type a sentence."), recorder.events);
  }

  /**
   * Issue 17: a file whose tokens filled the heap killed the worker thread without a word, and the
   * status said "Reading..." forever. The next job must run too.
   */
  @Test
  void runningOutOfMemoryIsAMessageAndTheWorkerGoesOn() throws Exception {
    Recorder failed = new Recorder();
    Recorder next = new Recorder();
    service.submit(
        (providers, progress) -> {
          throw new OutOfMemoryError("Java heap space");
        },
        failed);
    waitForWorkerAndEdt();
    service.submit((providers, progress) -> data("after"), next);
    waitForWorkerAndEdt();

    assertEquals(1, failed.events.size(), failed.events::toString);
    assertTrue(
        failed.events.get(0).startsWith("failure Not enough memory"), failed.events::toString);
    // The advice must be more than the heap in use (issue 18: "-Xmx4g" was said to a 6.3 GB heap).
    long heapGigabytes = Runtime.getRuntime().maxMemory() >> 30;
    java.util.regex.Matcher advice =
        java.util.regex.Pattern.compile("-Xmx(\\d+)g").matcher(failed.events.get(0));
    assertTrue(advice.find(), failed.events::toString);
    assertTrue(Long.parseLong(advice.group(1)) > heapGigabytes, failed.events::toString);
    assertEquals(List.of("result after"), next.events);
  }

  @Test
  void unknownBackendIsReportedWithTheAvailableNames() throws Exception {
    Recorder recorder = new Recorder();
    service.compute(
        "nope",
        dev.attnviz.core.spi.ModelSource.embeddedDefault(),
        dev.attnviz.core.spi.AttentionRequest.of("text"),
        recorder);
    waitForWorkerAndEdt();
    assertEquals(1, recorder.events.size());
    assertTrue(recorder.events.get(0).startsWith("failure No attention provider named 'nope'"));
  }

  private void waitForWorkerAndEdt() throws Exception {
    service.drained().get(10, TimeUnit.SECONDS);
    // Deliveries were queued on the EDT before the drain marker ran; flush them.
    SwingUtilities.invokeAndWait(() -> {});
  }

  /** A tiny result whose model is called {@code name}. */
  static AttentionData data(String name) {
    Tokens tokens = Tokens.of(List.of("a", "b"));
    Attention attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(tokens)
            .setWeights(Tensor4D.copyOf(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 1, 1, 2, 2))
            .build();
    return AttentionData.builder()
        .setModel(new ModelInfo(name, "test", false))
        .addAttention(attention)
        .build();
  }
}
