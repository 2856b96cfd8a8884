package dev.attnviz.djl;

import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AbstractAttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.TokenizedRequest;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An open ONNX model whose graph exposes its attention.
 *
 * <p>Thread-safe, computes run in parallel: each compute borrows a predictor of its own from a
 * small pool (a DJL predictor serves one thread at a time; each run gets a fresh native memory
 * scope, closed when the run ends), ONNX Runtime sessions and Hugging Face tokenizers may be used
 * from several threads at once. {@link #close()} waits for computes in progress, then closes the
 * predictors, the tokenizer and the model.
 */
final class DjlAttentionProvider extends AbstractAttentionProvider {

  /**
   * Idle predictors kept for reuse. More threads may compute at once; the extra predictors are
   * closed after their compute. An idle predictor holds no native memory, only a few Java objects.
   */
  static final int MAX_IDLE_PREDICTORS = Math.max(2, Runtime.getRuntime().availableProcessors());

  private final Model model;
  private final HuggingFacePairTokenizer tokenizer;
  private final AttentionGraph graph;
  private final ReusePool<Predictor<AttentionTranslator.Run, RawAttention>> predictors;
  private final Set<Capability> capabilities;

  /**
   * Wraps a loaded model; the provider owns and closes {@code model} and {@code tokenizer}.
   *
   * @param info the model's name, this backend, and whether it is causal
   * @param model the rewritten model, loaded in ONNX Runtime
   * @param tokenizer the model's tokenizer
   * @param graph the rewritten graph's description
   */
  DjlAttentionProvider(
      ModelInfo info, Model model, HuggingFacePairTokenizer tokenizer, AttentionGraph graph) {
    super(info);
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
  protected String family() {
    return graph.tensors().family();
  }

  @Override
  protected TokenizedRequest tokenize(AttentionRequest request) throws AttentionException {
    return tokenizer.encode(request, model().name());
  }

  @Override
  protected List<Attention.Builder> run(TokenizedRequest encoded, AttentionRequest request)
      throws AttentionException {
    RawAttention raw = run(encoded, request.queriesAndKeys());
    Attention.Builder attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(encoded.input().toTokens())
            .setWeights(raw.weights());
    if (request.queriesAndKeys()) {
      attention.optVectors(raw.queries().orElseThrow(), raw.keys().orElseThrow());
    }
    return List.of(attention);
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
          model().name()
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
  protected void release() {
    // No compute runs (the skeleton's write lock waits for them), so every predictor is idle.
    try {
      predictors.close();
    } finally {
      tokenizer.close();
      model.close();
    }
  }
}
