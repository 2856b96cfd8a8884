package dev.attnviz.tensorflow;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * An open SavedModel that computes attention, plus queries and keys when the graph has them.
 *
 * <p>Thread-safe: computes run in parallel (a TensorFlow session accepts concurrent runs, and
 * encoding does not change the tokenizer). A read-write lock lets {@link #close()} wait until
 * running computes finish, so native memory is never freed under a running compute.
 */
final class TensorFlowAttentionProvider implements AttentionProvider {

  private final ModelInfo model;
  private final SavedModelBundle bundle;
  private final ServingSignature signature;
  private final AttentionGraph graph;
  private final ModelTokenizer tokenizer;
  private final int maxTokens;
  private final Set<Capability> capabilities;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  /** Runs inside every compute, under the lifecycle lock: a seam for lifecycle tests. */
  private volatile Runnable computeStarted = () -> {};

  TensorFlowAttentionProvider(
      String modelName,
      SavedModelBundle bundle,
      ServingSignature signature,
      AttentionGraph graph,
      ModelTokenizer tokenizer,
      int maxTokens) {
    this.model = new ModelInfo(modelName, TensorFlowProviderFactory.NAME, false);
    this.bundle = bundle;
    this.signature = signature;
    this.graph = graph;
    this.tokenizer = tokenizer;
    this.maxTokens = maxTokens;
    this.capabilities = capabilitiesOf(signature, graph);
  }

  private static Set<Capability> capabilitiesOf(ServingSignature signature, AttentionGraph graph) {
    Set<Capability> capabilities = EnumSet.of(Capability.TRUNCATION);
    if (graph.hasVectors()) {
      capabilities.add(Capability.QUERY_KEY_VECTORS);
    }
    if (signature.segments().isPresent()) {
      capabilities.add(Capability.SENTENCE_PAIRS);
    }
    return Set.copyOf(capabilities);
  }

  @Override
  public String providerName() {
    return TensorFlowProviderFactory.NAME;
  }

  @Override
  public ModelInfo model() {
    return model;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public int maxTokens() {
    return maxTokens;
  }

  /** The session, for benchmarks that compare against a bare run; valid until {@link #close()}. */
  Session session() {
    return bundle.session();
  }

  /** The signature the provider feeds, for benchmarks. */
  ServingSignature signature() {
    return signature;
  }

  /** The tensors the provider fetches, for benchmarks. */
  AttentionGraph graph() {
    return graph;
  }

  /** Lets a test see that a compute is running (and so holds the lifecycle lock). */
  void onComputeStarted(Runnable hook) {
    this.computeStarted = hook;
  }

  @Override
  public AttentionData compute(AttentionRequest request) throws AttentionException {
    Objects.requireNonNull(request, "request");
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(
            "the '" + providerName() + "' provider for " + model.name() + " is closed");
      }
      checkSupported(request);
      computeStarted.run();
      TokenizedRequest encoded = tokenizer.encode(request, model.name());
      AttentionData.Builder data =
          AttentionData.builder()
              .setModel(model)
              .addAttention(run(encoded.input(), request.queriesAndKeys()));
      encoded.input().sentenceBStart().ifPresent(data::optSentenceBStart);
      encoded.truncation().ifPresent(data::optTruncation);
      return data.build();
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void checkSupported(AttentionRequest request) throws AttentionException {
    if (request.textB().isPresent() && !capabilities.contains(Capability.SENTENCE_PAIRS)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          model.name()
              + " takes no segment ids, so it cannot tell two sentences apart. Enter one text.");
    }
    if (request.queriesAndKeys() && !capabilities.contains(Capability.QUERY_KEY_VECTORS)) {
      throw new AttentionException(
          Reason.UNSUPPORTED,
          "No query and key tensors were found in "
              + model.name()
              + " (looked for the "
              + graph.family()
              + " names). Ask without vectors, or name them with the ModelSource options"
              + " queryPattern and keyPattern.");
    }
  }

  private Attention run(TokenizedInput input, boolean vectors) throws AttentionException {
    int tokens = input.size();
    int length = signature.fixedLength() > 0 ? signature.fixedLength() : tokens;
    try (InputFeed feed = InputFeed.of(signature, input, length)) {
      Session.Runner runner = feed.feedInto(bundle.session().runner());
      graph.attention().forEach(runner::fetch);
      if (vectors) {
        graph.queries().forEach(runner::fetch);
        graph.keys().forEach(runner::fetch);
      }
      try (Result result = runner.run()) {
        try {
          return copy(result, input, length, vectors);
        } catch (IllegalArgumentException e) {
          throw notProbabilities(e);
        }
      }
    } catch (TensorFlowException | IllegalStateException e) {
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          "TensorFlow failed to compute the attention of " + model.name() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * The outputs were copied as they are: NaN or values outside [0, 1] mean the tensors are not
   * attention probabilities (a pattern naming the wrong ones) or the weights are damaged.
   */
  private AttentionException notProbabilities(IllegalArgumentException e) {
    return new AttentionException(
        Reason.INFERENCE_FAILED,
        model.name()
            + " computed attention that is not a probability ("
            + e.getMessage()
            + "). If the model was opened with the option "
            + ModelSource.ATTENTION_PATTERN
            + ", name the Softmax outputs with it; otherwise its weights may be damaged.",
        e);
  }

  private Attention copy(Result result, TokenizedInput input, int length, boolean vectors) {
    int layers = graph.layerCount();
    int tokens = input.size();
    List<String> names = graph.attention();
    int heads = TensorCopier.headCount(result.get(0), names.get(0), length);
    Tensor4D.Builder weights = Tensor4D.builder(layers, heads, tokens, tokens);
    for (int l = 0; l < layers; l++) {
      TensorCopier.copyAttention(result.get(l), names.get(l), l, length, tokens, heads, weights);
    }
    Attention.Builder attention =
        Attention.builder(AttentionKind.SELF)
            .setTokens(input.toTokens())
            .setWeights(weights.build());
    if (vectors) {
      int headSize = TensorCopier.hiddenSize(result.get(layers)) / heads;
      Tensor4D.Builder queries = Tensor4D.builder(layers, heads, tokens, headSize);
      Tensor4D.Builder keys = Tensor4D.builder(layers, heads, tokens, headSize);
      for (int l = 0; l < layers; l++) {
        TensorCopier.copyVectors(
            result.get(layers + l),
            graph.queries().get(l),
            l,
            length,
            tokens,
            heads,
            headSize,
            queries);
        TensorCopier.copyVectors(
            result.get(2 * layers + l),
            graph.keys().get(l),
            l,
            length,
            tokens,
            heads,
            headSize,
            keys);
      }
      attention.optVectors(queries.build(), keys.build());
    }
    return attention.build();
  }

  /** Releases the tokenizer and the TensorFlow session, after running computes finish. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        tokenizer.close();
      } finally {
        bundle.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "TensorFlowAttentionProvider[" + model.name() + ", " + graph.layerCount() + " layers]";
  }
}
