package dev.attnviz.core.spi;

/**
 * Hears what a provider is doing during slow work, so a UI can say it. Called on the provider's
 * thread; implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = (stage, detail) -> {};

  /** The phases of opening a model and computing attention. */
  enum Stage {
    /** Unpacking an embedded model into the cache. */
    UNPACKING,
    /** Preparing the model once, e.g. rewriting its graph to expose attention. */
    PREPARING,
    /** Loading the model into the inference engine. */
    LOADING,
    /**
     * Tokenizing and running the model: reported by callers around a compute, or by an {@code open}
     * that runs a test input.
     */
    COMPUTING
  }

  /**
   * Reports that a stage started.
   *
   * @param stage the stage
   * @param detail a short human-readable detail, e.g. a path; may be empty, never null
   */
  void onStage(Stage stage, String detail);
}
