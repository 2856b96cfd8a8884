package dev.attnviz.core.spi;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.ModelInfo;
import java.util.Set;

/**
 * An open model that computes attention. Holds native resources until {@link #close()}.
 *
 * <p>Implementations are safe to call from several threads at once: they either run computes in
 * parallel or serialize them. Calling {@link #compute} after {@link #close()} throws {@link
 * IllegalStateException}.
 */
public interface AttentionProvider extends AutoCloseable {

  /** The stable name of the provider that opened this model, e.g. {@code "tensorflow"}. */
  String providerName();

  /** The open model. */
  ModelInfo model();

  /** What this model can do; a subset of the factory's capabilities. */
  Set<Capability> capabilities();

  /** The most tokens (special tokens included) one input may have. */
  int maxTokens();

  /**
   * Computes the attention of one input.
   *
   * @throws AttentionException with {@link AttentionException.Reason#INPUT_EMPTY}, {@link
   *     AttentionException.Reason#INPUT_TOO_LONG}, {@link AttentionException.Reason#UNSUPPORTED}
   *     (e.g. a pair for a model without pairs) or {@link
   *     AttentionException.Reason#INFERENCE_FAILED}
   */
  AttentionData compute(AttentionRequest request) throws AttentionException;

  /** Releases native resources. Idempotent. */
  @Override
  void close();
}
