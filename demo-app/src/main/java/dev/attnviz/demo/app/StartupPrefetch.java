package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the remembered model and computes the remembered input while the window is still being
 * built, so that the window's first visualization finds both ready (see {@link
 * AttentionService#prefetch}). The request is derived from the settings alone, by the same rules
 * the input strip applies to them when it is built (no target, no generation, no model options); if
 * the two ever differ, the first visualization simply computes again.
 *
 * <p>Until the window follows it ({@link #follow}), the job's progress is kept; then the latest
 * message, and every later one, goes to the window while the job lasts, so the status bar says
 * "Loading the model…" rather than a bare "Starting…".
 */
final class StartupPrefetch implements AttentionService.Listener {

  private static final System.Logger LOG = System.getLogger(StartupPrefetch.class.getName());

  private String lastMessage;
  private boolean done;
  private Consumer<String> status;

  private StartupPrefetch() {}

  /**
   * What the window's first visualization will ask for, derived from the settings alone.
   *
   * @param factory the remembered backend
   * @param source the remembered model of that backend
   * @param request the remembered input and options
   */
  record Plan(AttentionProviderFactory factory, ModelSource source, AttentionRequest request) {
    /** {@return the backend's name} */
    String backend() {
      return factory.name();
    }
  }

  /**
   * The first visualization's request, or empty if the remembered backend is not available or the
   * remembered text is blank: the window then reports that itself.
   */
  static Optional<Plan> plan(AttentionProviders providers, AppSettings settings) {
    Optional<AttentionProviderFactory> factory = providers.find(settings.backend());
    RecentInput input = settings.currentInput();
    if (factory.isEmpty() || input.textA().isBlank()) {
      return Optional.empty();
    }
    String path = settings.modelPaths().get(factory.get().name());
    ModelSource source =
        path == null ? ModelSource.embeddedDefault() : ModelSource.of(Path.of(path));
    boolean vectors =
        factory.get().capabilities().contains(Capability.QUERY_KEY_VECTORS)
            && settings.queriesAndKeys();
    AttentionRequest request =
        AttentionRequest.builder()
            .setTextA(input.textA().strip())
            .optTextB(input.textB().strip())
            .optQueriesAndKeys(vectors)
            .optOverflow(settings.truncate() ? OverflowPolicy.TRUNCATE : OverflowPolicy.REJECT)
            .build();
    return Optional.of(new Plan(factory.get(), source, request));
  }

  /** Starts the job of {@code plan} on {@code service}'s worker. */
  static StartupPrefetch start(AttentionService service, Plan plan) {
    StartupPrefetch prefetch = new StartupPrefetch();
    service.prefetch(plan.backend(), plan.source(), plan.request(), prefetch);
    return prefetch;
  }

  /**
   * From now on, shows this job's progress through {@code status} (on the EDT) while the job lasts,
   * starting with its latest message.
   */
  void follow(Consumer<String> status) {
    this.status = status;
    if (!done && lastMessage != null) {
      status.accept(lastMessage);
    }
  }

  @Override
  public void onProgress(String message) {
    lastMessage = message;
    if (!done && status != null) {
      status.accept(message);
    }
  }

  @Override
  public void onResult(AttentionData data) {
    done = true;
  }

  @Override
  public void onFailure(String message) {
    // The window's own request opens the model again and shows the failure where it belongs.
    done = true;
    LOG.log(System.Logger.Level.DEBUG, "opening the model at start failed: {0}", message);
  }
}
