package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionException;
import java.util.Set;

/**
 * Opens models of one inference backend. Found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/dev.attnviz.core.spi.AttentionProviderFactory}.
 *
 * <p>Constructors must be cheap and must not load native libraries; do that in {@link #open}.
 */
public interface AttentionProviderFactory {

  /** {@return a stable lower-case name, e.g. {@code "tensorflow"} or {@code "djl"}} */
  String name();

  /** {@return a one-line description for menus, e.g. "TensorFlow Java (SavedModel)"} */
  String description();

  /** {@return what models opened by this factory can do at most} */
  Set<Capability> capabilities();

  /** {@return a short name of the embedded default model, e.g. "bert-base-uncased"} */
  String defaultModelName();

  /**
   * Opens a model. Slow: call off the UI thread.
   *
   * @return the open model, which the caller must close
   * @param source the embedded default or a user-chosen path
   * @param progress hears the stages of the work; used only while this call runs, never kept by the
   *     provider (its computes report nothing through it)
   * @throws AttentionException with {@link AttentionException.Reason#MODEL_NOT_FOUND}, {@link
   *     AttentionException.Reason#MODEL_INVALID} or {@link AttentionException.Reason#NO_ATTENTION},
   *     and a message that says what to do
   */
  AttentionProvider open(ModelSource source, ProgressListener progress) throws AttentionException;

  /**
   * Opens a model without progress reports.
   *
   * @param source the embedded default or a user-chosen path
   * @return the open model, which the caller must close
   * @throws AttentionException as {@link #open(ModelSource, ProgressListener)} does
   */
  default AttentionProvider open(ModelSource source) throws AttentionException {
    return open(source, ProgressListener.NONE);
  }
}
