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

  /** {@return the stable name of the provider that opened this model, e.g. {@code "tensorflow"}} */
  String providerName();

  /** {@return the open model: its name, family and where it came from} */
  ModelInfo model();

  /** {@return what this model can do; a subset of the factory's capabilities} */
  Set<Capability> capabilities();

  /** {@return the most tokens (special tokens included) one input may have} */
  int maxTokens();

  /**
   * Computes the attention of one input.
   *
   * @param request the text (or pair) and options; not null
   * @return the attention of every kind the model has, with its tokens; never null
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
