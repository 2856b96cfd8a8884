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
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options that compute attention with a provider: backend, model and input. */
final class ComputeOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

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
      names = "--target",
      paramLabel = "TEXT",
      description = "Encoder-decoder models: the text the decoder gets (e.g. a translation).")
  String target;

  @Option(
      names = "--generate",
      paramLabel = "N",
      description =
          "Generate up to N tokens greedily (models with a language-model head), then show the"
              + " attention of the whole sequence.")
  int generate;

  @Option(
      names = "--model-option",
      paramLabel = "KEY=VALUE",
      description =
          "A model option, repeatable: attentionPattern, queryPattern, keyPattern, causal,"
              + " tokenizer, maxTokens, and the backend's own (docs/MODELS.md).")
  Map<String, String> modelOptions = new LinkedHashMap<>();

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
    for (Map.Entry<String, String> option : modelOptions.entrySet()) {
      source = source.withOption(option.getKey(), option.getValue());
    }
    if (target != null && generate > 0) {
      throw new ParameterException(
          mixee.commandLine(),
          "Give either --target or --generate, not both: the decoder gets the target text, or what"
              + " the model generates.");
    }
    if (generate < 0) {
      throw new ParameterException(
          mixee.commandLine(),
          "--generate takes a number of tokens of at least 1, not " + generate + ".");
    }
    AttentionRequest request =
        AttentionRequest.builder()
            .setTextA(text)
            .optTextB(textB)
            .optTarget(target)
            .optMaxNewTokens(generate)
            .optQueriesAndKeys(queriesAndKeys || forceQueriesAndKeys)
            .optOverflow(truncate ? OverflowPolicy.TRUNCATE : OverflowPolicy.REJECT)
            .build();
    try (AttentionProvider provider = factory.open(source)) {
      return provider.compute(request);
    }
  }
}
