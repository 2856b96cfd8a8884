package dev.attnviz.djl;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What exposing attention costs per input on all-MiniLM-L6-v2: the unmodified ONNX model against
 * the rewritten one (same token ids, outputs not read), and the provider's whole compute
 * (tokenizing, running, copying attention, and optionally vectors, into Java). The bare models run
 * as the provider's does: same ONNX Runtime settings, one predictor kept ({@link RawOnnxModel}).
 * See docs/performance/djl.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ComputeBenchmark {

  /** {@code short}: 20 tokens; {@code long}: 124 tokens. */
  @Param({"short", "long"})
  public String input;

  private RawOnnxModel unmodified;
  private RawOnnxModel rewritten;
  private AttentionProvider provider;
  private long[] ids;
  private List<String> modelOutputs;
  private AttentionRequest weights;
  private AttentionRequest weightsAndVectors;

  /** Opens both models and the provider on the embedded default. */
  @Setup
  public void open() throws Exception {
    Path cache = CacheRoot.root();
    DefaultModel.Files files = DefaultModel.files();
    EmbeddedModel.Unpacked model = files.unpacked();
    PreparedModel prepared = files.prepared();
    unmodified = new RawOnnxModel(model.onnx());
    rewritten = new RawOnnxModel(prepared.onnx());
    modelOutputs = prepared.graph().modelOutputs();
    provider = new DjlProviderFactory(cache).open(ModelSource.embeddedDefault());
    String text = input.equals("short") ? BenchmarkTexts.SHORT : BenchmarkTexts.LONG;
    weights = AttentionRequest.of(text);
    weightsAndVectors = AttentionRequest.builder().setTextA(text).optQueriesAndKeys(true).build();
    try (HuggingFacePairTokenizer tokenizer =
        HuggingFacePairTokenizer.open(
            model.folder().resolve(ModelFiles.TOKENIZER), provider.maxTokens())) {
      ids = tokenizer.encode(weights, EmbeddedModel.NAME).input().ids();
    }
  }

  /** Closes everything. */
  @TearDown
  public void close() {
    provider.close();
    rewritten.close();
    unmodified.close();
  }

  /** The model as exported: only its own outputs. */
  @Benchmark
  public Map<String, float[]> unmodifiedModel() throws Exception {
    return unmodified.run(ids, modelOutputs);
  }

  /**
   * The rewritten model, reading nothing: the graph cut down to the attention tensors, with them as
   * its outputs (see {@link GraphPruner}), without the provider's reading and checking.
   */
  @Benchmark
  public Map<String, float[]> rewrittenModel() throws Exception {
    return rewritten.run(ids, List.of());
  }

  /** The provider's compute of attention weights. */
  @Benchmark
  public AttentionData compute() throws Exception {
    return provider.compute(weights);
  }

  /** The provider's compute of attention weights, queries and keys. */
  @Benchmark
  public AttentionData computeWithVectors() throws Exception {
    return provider.compute(weightsAndVectors);
  }

  /**
   * {@link #compute()} as before issue 18: each output copied into a heap buffer by ONNX Runtime's
   * public read, then into the tensor (see {@link OutputFloats}).
   */
  @Benchmark
  public AttentionData computeCopying() throws Exception {
    return copying(weights);
  }

  /** {@link #computeWithVectors()} as before issue 18 (see {@link #computeCopying()}). */
  @Benchmark
  public AttentionData computeWithVectorsCopying() throws Exception {
    return copying(weightsAndVectors);
  }

  private AttentionData copying(AttentionRequest request) throws Exception {
    OutputFloats.copying = true;
    try {
      return provider.compute(request);
    } finally {
      OutputFloats.copying = false;
    }
  }
}
