package dev.attnviz.demo.cli;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.OverflowPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options that compute attention with a provider: backend, model and input. */
final class ComputeOptions {

  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description = "Attention provider: tensorflow or djl (default: ${DEFAULT-VALUE}).",
      defaultValue = "tensorflow")
  String backend;

  @Option(
      names = "--model",
      paramLabel = "PATH",
      description = "Model folder or file (default: the backend's embedded model).")
  Path model;

  @Option(names = "--text", paramLabel = "TEXT", description = "The sentence (sentence A).")
  String text;

  @Option(names = "--text-b", paramLabel = "TEXT", description = "Sentence B of a pair.")
  String textB;

  @Option(
      names = "--queries-keys",
      description = "Also compute query and key vectors (for the neuron view).")
  boolean queriesAndKeys;

  @Option(
      names = "--truncate",
      description = "Cut input longer than the model takes, instead of failing.")
  boolean truncate;

  /** Whether any input text was given. */
  boolean hasText() {
    return text != null;
  }

  /** Opens the model and computes the attention of the input. */
  AttentionData compute(boolean forceQueriesAndKeys) throws AttentionException {
    AttentionProviderFactory factory = AttentionProviders.discover().get(backend);
    ModelSource source = model == null ? ModelSource.embeddedDefault() : ModelSource.of(model);
    AttentionRequest request =
        AttentionRequest.builder()
            .setTextA(text)
            .optTextB(textB)
            .optQueriesAndKeys(queriesAndKeys || forceQueriesAndKeys)
            .optOverflow(truncate ? OverflowPolicy.TRUNCATE : OverflowPolicy.REJECT)
            .build();
    try (AttentionProvider provider = factory.open(source)) {
      return provider.compute(request);
    }
  }
}
