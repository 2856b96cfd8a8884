package dev.attnviz.tensorflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelOptions;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.SavedModelBundle;

/**
 * Provider {@value #NAME}: attention, queries and keys from TensorFlow SavedModels with TensorFlow
 * Java. The embedded default is Google's BERT-base uncased (12 layers of 12 heads, at most 128
 * tokens), unpacked on first use into {@code ~/.cache/attnviz} (see the system property {@code
 * attnviz.cache} and the environment variable {@code ATTNVIZ_CACHE}).
 *
 * <p>A user model is a SavedModel folder ({@code saved_model.pb}, {@code variables/}) whose serving
 * signature takes {@code input_ids} (and optionally {@code input_mask}/{@code attention_mask} and
 * {@code segment_ids}/{@code token_type_ids}), with a {@code tokenizer.json} or a BERT {@code
 * vocab.txt} in the folder or its {@code assets/}. Attention is found by operation names (Google
 * BERT and Hugging Face TF exports), or by the {@link ModelSource#ATTENTION_PATTERN}, {@link
 * ModelSource#QUERY_PATTERN} and {@link ModelSource#KEY_PATTERN} options. More options: {@value
 * #OPTION_TAGS}, {@value #OPTION_SIGNATURE}, {@value #OPTION_LOWER_CASE}, {@value
 * #OPTION_MAX_TOKENS}.
 *
 * <p>The constructor is cheap; TensorFlow's native library loads in {@link #open}.
 */
public final class TensorFlowProviderFactory implements AttentionProviderFactory {

  /** The provider name. */
  public static final String NAME = "tensorflow";

  /** Option: the SavedModel tags to load, comma-separated (default {@code serve}). */
  public static final String OPTION_TAGS = "tags";

  /** Option: the signature key to read inputs from (default {@code serving_default}). */
  public static final String OPTION_SIGNATURE = "signature";

  /**
   * Option: {@code true} for an uncased model (lower-case and strip accents), {@code false} for a
   * cased one, when the tokenizer is built from {@code vocab.txt}. Default: {@code doLowerCase} in
   * {@code assets/model.json}, else {@code true}.
   */
  public static final String OPTION_LOWER_CASE = "lowerCase";

  /**
   * Option: the most tokens of one input, for models whose signature takes any length (default:
   * {@code maxSequenceLength} in {@code assets/model.json}, else 512).
   */
  public static final String OPTION_MAX_TOKENS = ModelSource.MAX_TOKENS;

  private static final int DEFAULT_MAX_TOKENS = 512;

  /** Creates the factory; cheap, as {@link java.util.ServiceLoader} requires. */
  public TensorFlowProviderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "TensorFlow Java (SavedModel)";
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(
        Capability.QUERY_KEY_VECTORS,
        Capability.SENTENCE_PAIRS,
        Capability.TRUNCATION,
        Capability.CUSTOM_MODELS);
  }

  @Override
  public String defaultModelName() {
    return EmbeddedModel.NAME;
  }

  /**
   * Opens the embedded BERT-base uncased or a SavedModel folder. Slow (seconds; the first open of
   * the default also unpacks 440 MB): call off the UI thread.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} (folder or tokenizer missing),
   *     {@link Reason#MODEL_INVALID} (not loadable, unusable signature or option) or {@link
   *     Reason#NO_ATTENTION} (no attention tensors found; the message lists the patterns tried)
   */
  @Override
  public AttentionProvider open(ModelSource source, ProgressListener progress)
      throws AttentionException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    ModelOptions options =
        ModelOptions.parse(source, NAME, Set.of(OPTION_TAGS, OPTION_SIGNATURE, OPTION_LOWER_CASE));
    List<TensorPatterns> patterns = TensorPatterns.forOptions(options);
    Path folder;
    String modelName;
    if (source.isEmbeddedDefault()) {
      folder = EmbeddedModel.unpack(TensorFlowProviderFactory.class.getClassLoader(), progress);
      modelName = EmbeddedModel.NAME;
    } else {
      folder = source.path().orElseThrow();
      SavedModelFolder.check(folder);
      modelName = modelName(folder);
    }
    progress.onStage(ProgressListener.Stage.LOADING, folder.toString());
    SavedModelBundle bundle = SavedModelFolder.load(folder, tags(source));
    try {
      SavedModelFolder.checkVariables(folder, bundle.graph());
      ServingSignature signature =
          ServingSignature.read(bundle.metaGraphDef(), source.option(OPTION_SIGNATURE), modelName);
      AttentionGraph graph =
          AttentionGraph.scan(
              bundle.graph(), bundle.metaGraphDef(), signature, patterns, modelName);
      int maxTokens = maxTokens(signature, options, folder);
      HuggingFacePairTokenizer tokenizer =
          ModelTokenizer.open(
              folder, options.tokenizer(), options.bool(OPTION_LOWER_CASE), maxTokens);
      return new TensorFlowAttentionProvider(
          modelName, bundle, signature, graph, tokenizer, maxTokens);
    } catch (AttentionException | RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  /** The folder name; for TF Serving's numbered version folders, the name of the parent too. */
  static String modelName(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    String name = absolute.getFileName() == null ? "model" : absolute.getFileName().toString();
    Path parent = absolute.getParent();
    if (name.matches("\\d+") && parent != null && parent.getFileName() != null) {
      return parent.getFileName() + "/" + name;
    }
    return name;
  }

  private static List<String> tags(ModelSource source) {
    return Arrays.stream(source.option(OPTION_TAGS).orElse("serve").split(","))
        .map(String::trim)
        .filter(tag -> !tag.isEmpty())
        .toList();
  }

  private static int maxTokens(ServingSignature signature, ModelOptions options, Path folder)
      throws AttentionException {
    if (signature.fixedLength() > 0) {
      return signature.fixedLength();
    }
    if (options.maxTokens().isPresent()) {
      return options.maxTokens().getAsInt();
    }
    return maxSequenceLength(folder).orElse(DEFAULT_MAX_TOKENS);
  }

  private static Optional<Integer> maxSequenceLength(Path folder) throws AttentionException {
    Path modelJson = folder.resolve("assets").resolve("model.json");
    if (!Files.isRegularFile(modelJson)) {
      return Optional.empty();
    }
    try {
      JsonNode length = new ObjectMapper().readTree(modelJson.toFile()).get("maxSequenceLength");
      return length != null && length.canConvertToInt() && length.intValue() >= 2
          ? Optional.of(length.intValue())
          : Optional.empty();
    } catch (IOException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID, "Cannot read " + modelJson + ": " + e.getMessage(), e);
    }
  }
}
