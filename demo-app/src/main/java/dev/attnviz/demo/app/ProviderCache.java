package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps the models the user opened, at most one per provider, so switching backends back and forth
 * does not reload them. Opening another model of the same provider closes the previous one (models
 * can take gigabytes of native memory). Not thread-safe: used by one worker thread.
 */
public final class ProviderCache implements AutoCloseable {

  private record Entry(ModelSource source, AttentionProvider provider) {}

  private final AttentionProviders available;
  private final Map<String, Entry> open = new HashMap<>();

  /**
   * A cache over the providers in {@code available}.
   *
   * @param available the providers to open models with
   */
  public ProviderCache(AttentionProviders available) {
    this.available = available;
  }

  /**
   * Returns the open model, opening it (and closing the provider's previous model) if needed.
   *
   * @param backend the provider's name
   * @param source the model
   * @param progress hears the stages of opening the model, if it is opened
   * @return the open model; the cache closes it, not the caller
   * @throws AttentionException if there is no such provider or the model cannot be opened
   */
  public AttentionProvider open(String backend, ModelSource source, ProgressListener progress)
      throws AttentionException {
    Entry entry = open.get(backend);
    if (entry != null && entry.source().equals(source)) {
      return entry.provider();
    }
    if (entry != null) {
      open.remove(backend);
      entry.provider().close();
    }
    AttentionProvider provider = available.get(backend).open(source, progress);
    open.put(backend, new Entry(source, provider));
    return provider;
  }

  /** {@return the number of open models} */
  public int openCount() {
    return open.size();
  }

  /** Closes every open model. */
  @Override
  public void close() {
    open.values().forEach(entry -> entry.provider().close());
    open.clear();
  }
}
