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
import dev.attnviz.core.spi.TokenizedRequest;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An open ONNX model whose graph exposes its attention.
 *
 * <p>Thread-safe, computes run in parallel: each compute borrows a predictor of its own from a
 * small pool (a DJL predictor serves one thread at a time; each run gets a fresh native memory
 * scope, closed when the run ends), ONNX Runtime sessions and Hugging Face tokenizers may be used
 * from several threads at once. {@link #close()} waits for computes in progress, then closes the
 * predictors, the tokenizer and the model.
 */
final class DjlAttentionProvider implements AttentionProvider {

  /**
   * Idle predictors kept for reuse. More threads may compute at once; the extra predictors are
   * closed after their compute. An idle predictor holds no native memory, only a few Java objects.
   */
  static final int MAX_IDLE_PREDICTORS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final ModelInfo info;
  private final Model model;
  private final PairTokenizer tokenizer;
  private final AttentionGraph graph;
  private final ReusePool<Predictor<AttentionTranslator.Run, RawAttention>> predictors;
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
    AttentionTranslator translator = new AttentionTranslator(graph);
    this.predictors =
        new ReusePool<>(
            () -> model.newPredictor(translator), Predictor::close, MAX_IDLE_PREDICTORS);
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

  /** The predictors kept for reuse, for tests that check nothing leaks. */
  ReusePool<?> predictors() {
    return predictors;
  }

  @Override
  public AttentionData compute(AttentionRequest request) throws AttentionException {
    Objects.requireNonNull(request, "request");
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the '" + info.name() + "' attention provider is closed");
      }
      if (request.queriesAndKeys() && !graph.tensors().hasVectors()) {
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
      TokenizedRequest encoded = tokenizer.encode(request, info.name());
      RawAttention raw = run(encoded, request.queriesAndKeys());
      Attention.Builder attention =
          Attention.builder(AttentionKind.SELF)
              .setTokens(encoded.input().toTokens())
              .setWeights(raw.weights());
      if (request.queriesAndKeys()) {
        attention.optVectors(raw.queries().orElseThrow(), raw.keys().orElseThrow());
      }
      AttentionData.Builder data = AttentionData.builder().setModel(info);
      try {
        data.addAttention(attention.build());
      } catch (IllegalArgumentException e) {
        // The outputs were read as they are; only a broken model makes NaN or out-of-range ones.
        throw new AttentionException(
            Reason.INFERENCE_FAILED,
            info.name()
                + " computed attention that is not a probability ("
                + e.getMessage()
                + "). If the model was opened with the option "
                + ModelSource.ATTENTION_PATTERN
                + ", name the Softmax outputs with it; otherwise its weights may be damaged:"
                + " export or download the model again.",
            e);
      }
      encoded.input().sentenceBStart().ifPresent(data::optSentenceBStart);
      encoded.truncation().ifPresent(data::optTruncation);
      return data.build();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private RawAttention run(TokenizedRequest encoded, boolean vectors) throws AttentionException {
    Predictor<AttentionTranslator.Run, RawAttention> predictor = predictors.take();
    boolean reusable = false;
    try {
      RawAttention raw = predictor.predict(new AttentionTranslator.Run(encoded.input(), vectors));
      reusable = true;
      return raw;
    } catch (TranslateException | EngineException | IllegalStateException e) {
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          info.name()
              + " failed on this input of "
              + encoded.input().size()
              + " tokens: "
              + rootMessage(e),
          e);
    } finally {
      // A predictor that failed is closed rather than trusted with the next compute.
      if (reusable) {
        predictors.giveBack(predictor);
      } else {
        predictors.discard(predictor);
      }
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
      // No compute runs (the write lock waits for them), so every predictor is idle.
      try {
        predictors.close();
      } finally {
        tokenizer.close();
        model.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }
}
