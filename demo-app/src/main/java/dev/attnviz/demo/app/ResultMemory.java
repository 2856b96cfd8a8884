package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Saves each computed result for the next start ({@link SavedResults}) on a background thread of
 * its own, so that neither the EDT nor the compute worker waits for the disk. A failure costs one
 * log line: the app works the same without a saved result.
 */
final class ResultMemory {

  /** Saves nothing. */
  static final ResultMemory NONE =
      new ResultMemory(SavedResults.off(), AttentionProviders.of(List.of()));

  private static final System.Logger LOG = System.getLogger(ResultMemory.class.getName());

  private final SavedResults saved;
  private final AttentionProviders providers;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "attnviz-saved-result");
            thread.setDaemon(true);
            // Behind the model loading and painting, which the user waits for.
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
          });

  /** The save not yet started, if any; the writer runs the newest one. */
  private final AtomicReference<Runnable> pending = new AtomicReference<>();

  ResultMemory(SavedResults saved, AttentionProviders providers) {
    this.saved = saved;
    this.providers = providers;
  }

  /** {@return the store written to} */
  SavedResults store() {
    return saved;
  }

  /** Saves {@code data} as the result of computing {@code request} with that model, later. */
  void remember(String backend, ModelSource source, AttentionRequest request, AttentionData data) {
    Optional<AttentionProviderFactory> factory = providers.find(backend);
    if (!saved.enabled() || factory.isEmpty()) {
      return;
    }
    Runnable save =
        () -> {
          try {
            String key = SavedResultKey.of(factory.get(), source, request);
            // The same key computes the same numbers: a start that showed this result saved it.
            if (saved.find(key).isEmpty()) {
              saved.save(key, data);
            }
          } catch (IOException | IllegalArgumentException e) {
            LOG.log(
                System.Logger.Level.WARNING,
                "cannot save the result for the next start: {0}",
                e.getMessage());
          }
        };
    // Only the newest result is kept, so a save still waiting is replaced, not queued behind:
    // computing several long inputs in a row writes the last one once.
    if (pending.getAndSet(save) == null) {
      writer.execute(
          () -> {
            Runnable newest = pending.getAndSet(null);
            if (newest != null) {
              newest.run();
            }
          });
    }
  }

  /** Waits for the saves asked so far (tests). */
  void drain() throws Exception {
    writer.submit(() -> {}).get();
  }
}
