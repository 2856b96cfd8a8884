package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * The cost of attention extraction measured in rounds that run every variant back to back, so that
 * load from other processes on a shared machine hits all variants alike (JMH runs each variant for
 * a minute on its own, and a neighbour's burst can land on one of them).
 *
 * <p>Variants per input size: {@code bare} (session run fetching only {@code sequence_output}),
 * {@code fetchOnly} (session run fetching the attention, query and key tensors, nothing copied),
 * {@code attention} and {@code attentionQueriesAndKeys} (full computes: tokenize, run, copy, build
 * the result). Prints medians and the median of per-round ratios; writes a TSV to {@code args[0]}.
 * Further arguments replace the input sizes (default: 20 and 120 tokens), in the order given.
 */
public final class PairedOverheadBench {

  private static final int WARM_UP_ROUNDS = 15;
  private static final int ROUNDS = 40;
  private static final List<String> VARIANTS =
      List.of("bare", "fetchOnly", "attention", "attentionQueriesAndKeys");

  private PairedOverheadBench() {}

  public static void main(String[] args) throws AttentionException, IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (TensorFlowAttentionProvider provider =
            (TensorFlowAttentionProvider)
                new TensorFlowProviderFactory().open(ModelSource.embeddedDefault());
        HuggingFacePairTokenizer tokenizer =
            ModelTokenizer.open(
                EmbeddedModel.unpack(
                    PairedOverheadBench.class.getClassLoader(), ProgressListener.NONE),
                Optional.empty(),
                Optional.empty(),
                provider.maxTokens());
        PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out))) {
      tsv.println("tokens\tvariant\tmedian_ms\tmedian_ratio_to_bare");
      int[] sizes =
          args.length > 1
              ? Arrays.stream(args).skip(1).mapToInt(Integer::parseInt).toArray()
              : new int[] {20, 120};
      for (int tokens : sizes) {
        double[][] millis = measure(provider, tokenizer, tokens);
        for (int v = 0; v < VARIANTS.size(); v++) {
          double[] ratios = new double[ROUNDS];
          for (int r = 0; r < ROUNDS; r++) {
            ratios[r] = millis[v][r] / millis[0][r];
          }
          String line =
              String.format(
                  Locale.ROOT,
                  "%d\t%s\t%.1f\t%.3f",
                  tokens,
                  VARIANTS.get(v),
                  median(millis[v]),
                  median(ratios));
          tsv.println(line);
          System.out.println(line);
        }
      }
    }
  }

  private static double[][] measure(
      TensorFlowAttentionProvider provider, HuggingFacePairTokenizer tokenizer, int tokens)
      throws AttentionException {
    AttentionRequest weights = BenchInputs.request(tokens, false);
    AttentionRequest vectors = BenchInputs.request(tokens, true);
    TokenizedInput input = tokenizer.encode(weights, "bench").input();
    double[][] millis = new double[VARIANTS.size()][ROUNDS];
    for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
      for (int step = 0; step < VARIANTS.size(); step++) {
        // Rotate the order so no variant always runs first after a pause.
        int v = (step + Math.floorMod(round, VARIANTS.size())) % VARIANTS.size();
        long start = System.nanoTime();
        switch (v) {
          case 0 -> bare(provider, input);
          case 1 -> fetchOnly(provider, input);
          case 2 -> provider.compute(weights);
          default -> provider.compute(vectors);
        }
        if (round >= 0) {
          millis[v][round] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    return millis;
  }

  private static void bare(TensorFlowAttentionProvider provider, TokenizedInput input) {
    run(provider, input, List.of(provider.signature().outputs().get("sequence_output")));
  }

  private static void fetchOnly(TensorFlowAttentionProvider provider, TokenizedInput input) {
    AttentionGraph graph = provider.graph();
    run(
        provider,
        input,
        Stream.of(graph.attention(), graph.queries(), graph.keys()).flatMap(List::stream).toList());
  }

  private static void run(
      TensorFlowAttentionProvider provider, TokenizedInput input, List<String> fetches) {
    Session session = provider.session();
    ServingSignature signature = provider.signature();
    try (InputFeed feed = InputFeed.of(signature, input, signature.fixedLength())) {
      Session.Runner runner = feed.feedInto(session.runner());
      fetches.forEach(runner::fetch);
      try (Result result = runner.run()) {
        if (result.size() != fetches.size()) {
          throw new IllegalStateException("fetched " + result.size() + " of " + fetches.size());
        }
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
