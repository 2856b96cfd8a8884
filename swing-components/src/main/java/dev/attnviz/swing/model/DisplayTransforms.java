package dev.attnviz.swing.model;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.analysis.SpecialTokens;
import dev.attnviz.core.analysis.WordAggregation;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javax.swing.SwingUtilities;

/**
 * The view model's display transforms, computed where the model says: at once on the calling
 * thread, or on an executor with only the newest request's result delivered (on the Event Dispatch
 * Thread), so that ticking an option on a long input never holds the EDT.
 */
final class DisplayTransforms {

  /** The options one display data was made with. */
  record Options(boolean hide, boolean words) {
    /** Neither option: the data as it is. */
    static final Options NONE = new Options(false, false);

    /** Whether these options change the data at all. */
    boolean transforms() {
      return hide || words;
    }
  }

  private Executor executor;
  private long newest;

  /** Where requests run: null (the default) at once on the calling thread. */
  void setExecutor(Executor newExecutor) {
    executor = newExecutor;
  }

  /** Whether requests run in the background. */
  boolean isAsynchronous() {
    return executor != null;
  }

  /** Forgets every pending request: its result will not be delivered. */
  void cancel() {
    newest++;
  }

  /**
   * Computes {@code data} under {@code options} in the background and hands the result to {@code
   * done} on the EDT, unless a newer request or {@link #cancel()} came first.
   */
  void request(AttentionData data, Options options, BiConsumer<Options, AttentionData> done) {
    long request = ++newest;
    executor.execute(
        () -> {
          AttentionData shown = apply(data, options);
          SwingUtilities.invokeLater(
              () -> {
                if (request == newest) {
                  done.accept(options, shown);
                }
              });
        });
  }

  /** {@code data} with special tokens hidden, then words joined, as {@code options} say. */
  static AttentionData apply(AttentionData data, Options options) {
    AttentionData shown = data;
    if (options.hide() && canHideSpecialTokens(data)) {
      shown = SpecialTokens.hide(shown);
    }
    if (options.words()) {
      shown = WordAggregation.aggregate(shown);
    }
    return shown;
  }

  /** Whether every attention keeps at least one query and one key token without special ones. */
  static boolean canHideSpecialTokens(AttentionData data) {
    for (Attention attention : data.attentions()) {
      if (allSpecial(attention.queryTokens()) || allSpecial(attention.keyTokens())) {
        return false;
      }
    }
    return true;
  }

  private static boolean allSpecial(Tokens tokens) {
    return tokens.specialMask().cardinality() == tokens.size();
  }
}
