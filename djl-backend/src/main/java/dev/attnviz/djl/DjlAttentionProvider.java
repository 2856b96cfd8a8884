package dev.attnviz.djl;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.TokenizedInput;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An open ONNX model whose graph exposes its attention.
 *
 * <p>Thread-safe, computes run in parallel: each compute creates its own predictor (and so its own
 * native memory scope), ONNX Runtime sessions and Hugging Face tokenizers may be used from several
 * threads at once. {@link #close()} waits for computes in progress.
 */
final class DjlAttentionProvider implements AttentionProvider {

  private final ModelInfo info;
  private final Model model;
  private final PairTokenizer tokenizer;
  private final AttentionGraph graph;
  private final AttentionTranslator weightsOnly;
  private final AttentionTranslator withVectors;
  private final Set<Capability> capabilities;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  /**
   * Wraps a loaded model; the provider owns and closes {@code model} and {@code tokenizer}.
   *
   * @param info the model's name, this backend, and whether it is causal
   * @param model the rewritten model, loaded in ONNX Runtime
   * @param tokenizer the model's tokenizer
   * @param graph the rewritten graph's description
   */
  DjlAttentionProvider(ModelInfo info, Model model, PairTokenizer tokenizer, AttentionGraph graph) {
    this.info = info;
    this.model = model;
    this.tokenizer = tokenizer;
    this.graph = graph;
    this.weightsOnly = new AttentionTranslator(graph, false);
    this.withVectors = graph.tensors().hasVectors() ? new AttentionTranslator(graph, true) : null;
    EnumSet<Capability> can =
        EnumSet.of(Capability.SENTENCE_PAIRS, Capability.TRUNCATION, Capability.CUSTOM_MODELS);
    if (graph.tensors().hasVectors()) {
      can.add(Capability.QUERY_KEY_VECTORS);
    }
    this.capabilities = Set.copyOf(can);
  }

  @Override
  public String providerName() {
    return DjlProviderFactory.NAME;
  }

  @Override
  public ModelInfo model() {
    return info;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public int maxTokens() {
    return tokenizer.maxTokens();
  }

  /** The rewritten graph's description (tensor names, inputs). */
  AttentionGraph graph() {
    return graph;
  }

  @Override
  public AttentionData compute(AttentionRequest request) throws AttentionException {
    Objects.requireNonNull(request, "request");
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the '" + info.name() + "' attention provider is closed");
      }
      if (request.queriesAndKeys() && withVectors == null) {
        throw new AttentionException(
            Reason.UNSUPPORTED,
            info.name()
                + " exposes no query and key vectors ("
                + graph.tensors().family()
                + " patterns found none). Open it with the options "
                + ModelSource.QUERY_PATTERN
                + " and "
                + ModelSource.KEY_PATTERN
                + " to name them.");
      }
      PairTokenizer.Encoded encoded = tokenizer.encode(request, info.name());
      RawAttention raw = run(encoded, request.queriesAndKeys());
      Attention.Builder attention =
          Attention.builder(AttentionKind.SELF)
              .setTokens(encoded.input().toTokens())
              .setWeights(raw.weights());
      if (request.queriesAndKeys()) {
        attention.optVectors(raw.queries().orElseThrow(), raw.keys().orElseThrow());
      }
      AttentionData.Builder data = AttentionData.builder().setModel(info);
      data.addAttention(attention.build());
      encoded.input().sentenceBStart().ifPresent(data::optSentenceBStart);
      encoded.truncation().ifPresent(data::optTruncation);
      return data.build();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private RawAttention run(PairTokenizer.Encoded encoded, boolean vectors)
      throws AttentionException {
    try (Predictor<TokenizedInput, RawAttention> predictor =
        model.newPredictor(vectors ? withVectors : weightsOnly)) {
      return predictor.predict(encoded.input());
    } catch (TranslateException | EngineException | IllegalStateException e) {
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          info.name()
              + " failed on this input of "
              + encoded.input().size()
              + " tokens: "
              + rootMessage(e),
          e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }

  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      tokenizer.close();
      model.close();
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
