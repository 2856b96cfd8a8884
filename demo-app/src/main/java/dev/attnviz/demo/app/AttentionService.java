package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.GenerationListener;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.demo.HeapAdvice;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Loads models, computes attention and reads files off the Event Dispatch Thread, one job at a
 * time, and reports back on the EDT.
 *
 * <p>Only the newest request of a {@link Lane} counts: submitting a job or calling {@link
 * Lane#cancel()} supersedes every earlier one of that lane. A superseded job that has not started
 * never runs; one that is running (native inference cannot be interrupted) finishes in the
 * background, and its result is dropped, so an old result never replaces a newer one on screen.
 */
public final class AttentionService implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AttentionService.class.getName());

  /** Hears what happens to one job; every method is called on the EDT. */
  public interface Listener {
    /**
     * The job entered a stage; {@code message} is fit for a status bar.
     *
     * @param message what the job is doing, e.g. "Loading model..."
     */
    void onProgress(String message);

    /**
     * The job finished with data.
     *
     * @param data the attention the job computed or read; not null
     */
    void onResult(AttentionData data);

    /**
     * The job failed; the message is fit to show as is.
     *
     * @param message what went wrong and what to do
     */
    void onFailure(String message);
  }

  /** Work that produces attention data on the worker thread. */
  @FunctionalInterface
  public interface Job {
    /**
     * Runs the job; {@code providers} is only used from the worker thread.
     *
     * @param providers the open models, shared by all jobs
     * @param progress hears the stages of the work
     * @return the attention computed or read; not null
     * @throws Exception if the job fails; its message is shown to the user
     */
    AttentionData run(ProviderCache providers, ProgressListener progress) throws Exception;
  }

  private final ExecutorService worker = daemonThread("attnviz-compute");

  /**
   * Reads attention files: they need no model, so opening one never waits for a model that is
   * loading or computing on {@link #worker} (a file opened just after start waited seconds).
   */
  private final ExecutorService files = daemonThread("attnviz-files");

  private final ProviderCache providers;
  private final Lane main = new Lane();
  private final Lane prefetchLane = new Lane();

  /**
   * What {@link #prefetch} computed and no compute has taken yet. Only read and written on the
   * worker thread, which runs one job at a time, so it needs no lock.
   */
  private Prefetched prefetched;

  /** A result computed ahead of time, and what it was computed for. */
  private record Prefetched(
      String backend, ModelSource source, AttentionRequest request, AttentionData data) {
    boolean answers(String backend, ModelSource source, AttentionRequest request) {
      return this.backend.equals(backend)
          && this.source.equals(source)
          && this.request.equals(request);
    }
  }

  /** Set by {@link #close}: queued jobs of every lane are skipped from then on. */
  private volatile boolean closing;

  /** One daemon thread named {@code name}: the app may exit while a job still runs. */
  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * A service that opens models from {@code available}.
   *
   * @param available the providers whose models jobs may open
   */
  public AttentionService(AttentionProviders available) {
    this.providers = new ProviderCache(available);
  }

  /**
   * Computes attention for {@code request} with the model {@code source} of provider {@code
   * backend}, opening the model first if it is not open yet. Runs in the main lane.
   *
   * @param backend the provider's name, e.g. {@code "tensorflow"}
   * @param source the model to use
   * @param request the text and options to compute
   * @param listener hears the job's progress and outcome on the EDT; not null
   * @return the job's generation number
   */
  public long compute(
      String backend, ModelSource source, AttentionRequest request, Listener listener) {
    return main.compute(backend, source, request, listener);
  }

  /**
   * Opens the model and computes {@code request} ahead of time, in a lane of its own, so that the
   * next {@link #compute} of an equal request (same backend, model source and request) finds the
   * model open and takes this result instead of computing again. The app calls it at start, with
   * the remembered input, while its window is still being built. Whatever computes next takes or
   * drops the result, so it is held at most until then. {@code listener} hears this job's progress,
   * result and failure like any other; a failure is reported again by the compute that follows.
   *
   * @param backend the provider name
   * @param source the model
   * @param request what the first visualization will ask for
   * @param listener hears the job, on the EDT
   */
  public void prefetch(
      String backend, ModelSource source, AttentionRequest request, Listener listener) {
    prefetchLane.submit(
        (cache, progress) -> {
          AttentionProvider provider = cache.open(backend, source, progress);
          StartupTiming.mark("model ready");
          progress.onStage(ProgressListener.Stage.COMPUTING, provider.model().name());
          AttentionData data = provider.compute(request);
          prefetched = new Prefetched(backend, source, request, data);
          return data;
        },
        listener);
  }

  /**
   * The prefetched result if it answers this request, else null; either way the slot is emptied, so
   * an unused result does not hold its memory for long. Worker thread only.
   */
  private AttentionData takePrefetched(
      String backend, ModelSource source, AttentionRequest request) {
    Prefetched ready = prefetched;
    prefetched = null;
    return ready != null && ready.answers(backend, source, request) ? ready.data() : null;
  }

  /**
   * Reads attention with {@code read} in the main lane, superseding the main lane's earlier jobs,
   * on a thread of its own: it does not wait for a model that is loading or computing.
   *
   * @param read reads the attention, e.g. from a file; must not use a model
   * @param listener hears the outcome on the EDT; not null
   * @return the job's generation number, for {@link #isCurrent(long)}
   */
  public long read(Callable<AttentionData> read, Listener listener) {
    return main.read(read, listener);
  }

  /**
   * Runs {@code job} in the main lane, superseding the main lane's earlier jobs.
   *
   * @param job the work to run on the worker thread; not null
   * @param listener hears the job's progress and outcome on the EDT; not null
   * @return the job's generation number, for {@link #isCurrent(long)}
   */
  public long submit(Job job, Listener listener) {
    return main.submit(job, listener);
  }

  /** Supersedes every job of the main lane; their listeners hear nothing more. */
  public void cancel() {
    main.cancel();
  }

  /**
   * Whether {@code jobGeneration} is the main lane's newest job.
   *
   * @param jobGeneration a number that {@link #compute} or {@link #submit} returned
   * @return whether that job is the main lane's newest
   */
  public boolean isCurrent(long jobGeneration) {
    return main.isCurrent(jobGeneration);
  }

  /**
   * Returns a new lane: jobs that supersede only each other, e.g. a comparison computed beside the
   * main visualization. All lanes share the one worker and the open models.
   *
   * @return a new lane with no jobs
   */
  public Lane newLane() {
    return new Lane();
  }

  /**
   * A sequence of requests in which only the newest counts. Submitting or cancelling in one lane
   * never drops another lane's result.
   */
  public final class Lane {
    private final AtomicLong generation = new AtomicLong();

    /** The worker while it generates tokens for this lane, so that cancelling can stop it. */
    private Thread generating;

    private Lane() {}

    /**
     * Computes attention for {@code request} with the model {@code source} of provider {@code
     * backend}, opening the model first if it is not open yet.
     *
     * @param backend the provider's name, e.g. {@code "tensorflow"}
     * @param source the model to use
     * @param request the text and options to compute
     * @param listener hears the job's progress and outcome on the EDT; not null
     * @return the job's generation number
     */
    public long compute(
        String backend, ModelSource source, AttentionRequest request, Listener listener) {
      return submit(
          (cache, progress) -> {
            AttentionData early = takePrefetched(backend, source, request);
            if (early != null) {
              return early;
            }
            AttentionProvider provider = cache.open(backend, source, progress);
            StartupTiming.mark("model ready");
            progress.onStage(ProgressListener.Stage.COMPUTING, provider.model().name());
            if (request.maxNewTokens() == 0) {
              return provider.compute(request);
            }
            // Generation runs one model pass per token and checks for interruption between them,
            // so unlike a single pass it can stop when the user cancels.
            GenerationListener steps =
                (n, max, token) ->
                    progress.onStage(
                        ProgressListener.Stage.COMPUTING,
                        provider.model().name() + ", generated " + n + " of " + max + " tokens");
            synchronized (this) {
              generating = Thread.currentThread();
            }
            try {
              return provider.compute(request.toBuilder().optGenerationListener(steps).build());
            } finally {
              synchronized (this) {
                generating = null;
                // The worker serves the next job: it must not stay interrupted.
                Thread.interrupted();
              }
            }
          },
          listener);
    }

    /**
     * Runs {@code job} after the jobs before it, superseding this lane's earlier ones.
     *
     * @param job the work to run on the worker thread; not null
     * @param listener hears the job's progress and outcome on the EDT; not null
     * @return the job's generation number
     */
    public long submit(Job job, Listener listener) {
      Objects.requireNonNull(job, "job");
      Objects.requireNonNull(listener, "listener");
      long mine = generation.incrementAndGet();
      worker.execute(() -> runIfCurrent(mine, job, listener));
      return mine;
    }

    /**
     * Reads attention with {@code read} on the file thread, superseding this lane's earlier jobs,
     * which may still be running on the worker (their results are then dropped).
     *
     * @param read reads the attention; must not use a model
     * @param listener hears the outcome on the EDT; not null
     * @return the job's generation number
     */
    public long read(Callable<AttentionData> read, Listener listener) {
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(listener, "listener");
      long mine = generation.incrementAndGet();
      files.execute(() -> runIfCurrent(mine, (unused, progress) -> read.call(), listener));
      return mine;
    }

    /**
     * Supersedes every job of this lane; their listeners hear nothing more. A job that is
     * generating tokens stops after the current one.
     */
    public void cancel() {
      generation.incrementAndGet();
      synchronized (this) {
        if (generating != null) {
          generating.interrupt();
        }
      }
    }

    /**
     * Whether {@code jobGeneration} is this lane's newest job.
     *
     * @param jobGeneration a number that {@link #compute} or {@link #submit} returned
     * @return whether that job is this lane's newest
     */
    public boolean isCurrent(long jobGeneration) {
      return generation.get() == jobGeneration;
    }

    private void runIfCurrent(long mine, Job job, Listener listener) {
      if (closing || !isCurrent(mine)) {
        return;
      }
      ProgressListener progress =
          (stage, detail) ->
              deliver(mine, () -> listener.onProgress(StageMessages.of(stage, detail)));
      try {
        AttentionData data = job.run(providers, progress);
        deliver(mine, () -> listener.onResult(data));
      } catch (AttentionException e) {
        deliver(mine, () -> listener.onFailure(e.getMessage()));
      } catch (OutOfMemoryError e) {
        // What filled the heap belonged to this job and is garbage now: the app goes on. Without
        // this the worker thread died silently and the status said "Reading..." forever.
        LOG.log(System.Logger.Level.WARNING, "attention job ran out of memory", e);
        deliver(
            mine,
            () ->
                listener.onFailure(
                    "Not enough memory for this input. Try a shorter text or a smaller file, or"
                        + " start attnviz with more memory ("
                        + HeapAdvice.command()
                        + ")."));
      } catch (Exception | Error e) {
        // Not a user mistake: keep the details in the log, tell the user plainly.
        LOG.log(System.Logger.Level.ERROR, "attention job failed", e);
        deliver(mine, () -> listener.onFailure("Something went wrong: " + e));
      }
    }

    private void deliver(long mine, Runnable onEdt) {
      SwingUtilities.invokeLater(
          () -> {
            if (isCurrent(mine)) {
              onEdt.run();
            }
          });
    }
  }

  /**
   * Returns a future that completes once every job submitted so far has run; supersedes nothing.
   * Lets tests and shutdown code wait for the worker.
   */
  Future<?> drained() {
    return CompletableFuture.allOf(
        CompletableFuture.runAsync(() -> {}, worker), CompletableFuture.runAsync(() -> {}, files));
  }

  /**
   * Stops the worker and closes every open model; waits up to {@code timeoutSeconds} for a running
   * job. Idempotent: a second call only waits.
   *
   * @param timeoutSeconds the longest to wait for a running job, in seconds
   */
  public void close(long timeoutSeconds) {
    closing = true;
    files.shutdown();
    if (!worker.isShutdown()) {
      worker.execute(providers::close);
      worker.shutdown();
    }
    try {
      if (!worker.awaitTermination(timeoutSeconds, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "a model was still busy at exit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the worker and closes every open model, waiting up to 10 seconds. */
  @Override
  public void close() {
    close(10);
  }
}
