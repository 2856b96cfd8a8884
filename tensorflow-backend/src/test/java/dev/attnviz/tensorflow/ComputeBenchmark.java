package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.nio.file.Path;
import java.util.Optional;
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
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * One compute of the embedded BERT-base uncased, against a bare session run of the same SavedModel
 * that fetches only the signature's {@code sequence_output}. The bare run gets pre-tokenized input;
 * the computes tokenize, run and copy attention (and vectors) into results.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 6, time = 5)
public class ComputeBenchmark {

  @Param({"20", "120"})
  int tokens;

  private TensorFlowAttentionProvider provider;
  private HuggingFacePairTokenizer tokenizer;
  private TokenizedInput input;
  private AttentionRequest weightsOnly;
  private AttentionRequest withVectors;
  private String sequenceOutput;

  @Setup
  public void open() throws AttentionException {
    provider =
        (TensorFlowAttentionProvider)
            new TensorFlowProviderFactory().open(ModelSource.embeddedDefault());
    Path folder = EmbeddedModel.unpack(getClass().getClassLoader(), ProgressListener.NONE);
    tokenizer =
        ModelTokenizer.open(folder, Optional.empty(), Optional.empty(), provider.maxTokens());
    weightsOnly = BenchInputs.request(tokens, false);
    withVectors = BenchInputs.request(tokens, true);
    input = tokenizer.encode(weightsOnly, "bench").input();
    if (Math.abs(input.size() - tokens) > 2) {
      throw new IllegalStateException("the input has " + input.size() + " tokens, not ~" + tokens);
    }
    sequenceOutput = provider.signature().outputs().get("sequence_output");
  }

  @TearDown
  public void close() {
    tokenizer.close();
    provider.close();
  }

  @Benchmark
  public float bareSequenceOutput() {
    Session session = provider.session();
    ServingSignature signature = provider.signature();
    try (InputFeed feed = InputFeed.of(signature, input, signature.fixedLength());
        Result result = feed.feedInto(session.runner()).fetch(sequenceOutput).run()) {
      return ((TFloat32) result.get(0)).getFloat(0, 0, 0);
    }
  }

  @Benchmark
  public AttentionData attention() throws AttentionException {
    return provider.compute(weightsOnly);
  }

  @Benchmark
  public AttentionData attentionQueriesAndKeys() throws AttentionException {
    return provider.compute(withVectors);
  }
}
