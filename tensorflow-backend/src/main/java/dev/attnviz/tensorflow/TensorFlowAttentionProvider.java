package dev.attnviz.tensorflow;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.spi.AbstractAttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.TokenizedRequest;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;

/**
 * An open SavedModel that computes attention, plus queries and keys when the graph has them.
 *
 * <p>Thread-safe: computes run in parallel (a TensorFlow session accepts concurrent runs, and
 * encoding does not change the tokenizer). A read-write lock lets {@link #close()} wait until
 * running computes finish, so native memory is never freed under a running compute.
 */
final class TensorFlowAttentionProvider extends AbstractAttentionProvider {

  private final SavedModelBundle bundle;
  private final ServingSignature signature;
  private final AttentionGraph graph;
  private final HuggingFacePairTokenizer tokenizer;
  private final int maxTokens;
  private final Set<Capability> capabilities;

  /** Runs inside every compute, under the lifecycle lock: a seam for lifecycle tests. */
  private volatile Runnable computeStarted = () -> {};

  TensorFlowAttentionProvider(
      String modelName,
      SavedModelBundle bundle,
      ServingSignature signature,
      AttentionGraph graph,
      HuggingFacePairTokenizer tokenizer,
      int maxTokens) {
    super(new ModelInfo(modelName, TensorFlowProviderFactory.NAME, false));
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
  protected String family() {
    return graph.family();
  }

  @Override
  protected TokenizedRequest tokenize(AttentionRequest request) throws AttentionException {
    computeStarted.run();
    return tokenizer.encode(request, model().name());
  }

  @Override
  protected List<Attention.Builder> run(TokenizedRequest encoded, AttentionRequest request)
      throws AttentionException {
    return List.of(run(encoded.input(), request.queriesAndKeys()));
  }

  private Attention.Builder run(TokenizedInput input, boolean vectors) throws AttentionException {
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
        return copy(result, input, length, vectors);
      }
    } catch (RuntimeException e) {
      // TensorFlow reports bad input (e.g. a token id beyond the embedding table) as one of its
      // own runtime exceptions; none may reach the user unwrapped.
      throw new AttentionException(
          Reason.INFERENCE_FAILED,
          "TensorFlow failed to compute the attention of "
              + model().name()
              + " on this input of "
              + tokens
              + " tokens: "
              + firstLine(e)
              + ". If it names an index out of range, the tokenizer does not belong to this"
              + " model: use the model's own tokenizer.json or vocab.txt.",
          e);
    }
  }

  /** TensorFlow's messages go on with node listings over many lines; the first says what failed. */
  private static String firstLine(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  private Attention.Builder copy(Result result, TokenizedInput input, int length, boolean vectors) {
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
    return attention;
  }

  /** Releases the tokenizer and the TensorFlow session, after running computes finish. */
  @Override
  protected void release() {
    try {
      tokenizer.close();
    } finally {
      bundle.close();
    }
  }

  @Override
  public String toString() {
    return "TensorFlowAttentionProvider[" + model().name() + ", " + graph.layerCount() + " layers]";
  }
}
