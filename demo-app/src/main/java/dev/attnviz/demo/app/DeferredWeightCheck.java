package dev.attnviz.demo.app;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * Checks, off the event dispatch thread, the weights of a large dump opened with deferred checks
 * ({@link Attention#checksDeferred()}): the views show it at once, and the window says that its
 * weights are being checked until this reports. One daemon thread per check; a result for data no
 * longer shown is ignored by the caller.
 */
final class DeferredWeightCheck {

  private DeferredWeightCheck() {}

  /** Whether {@code data} has weights that were not checked when it was read. */
  static boolean needed(AttentionData data) {
    return data.attentions().stream().anyMatch(Attention::checksDeferred);
  }

  /**
   * Checks every head of {@code data} and reports the first problem (or none) to {@code done} on
   * the event dispatch thread.
   */
  static void start(AttentionData data, Consumer<Optional<String>> done) {
    Thread thread =
        new Thread(
            () -> {
              Optional<String> problem =
                  data.attentions().stream()
                      .map(Attention::firstProblem)
                      .flatMap(Optional::stream)
                      .findFirst();
              SwingUtilities.invokeLater(() -> done.accept(problem));
            },
            "attnviz-weight-check");
    thread.setDaemon(true);
    thread.start();
  }
}
