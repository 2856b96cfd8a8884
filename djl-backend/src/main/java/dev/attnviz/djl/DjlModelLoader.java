package dev.attnviz.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.ProgressListener.Stage;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns a model's files into an open {@link DjlAttentionProvider}: graph rewrite (or the cached
 * one), ONNX Runtime session, tokenizer, and one test run that learns the head count and checks it
 * against {@code config.json}.
 */
final class DjlModelLoader {

  /** DJL's name for the ONNX Runtime engine. */
  static final String ENGINE = "OnnxRuntime";

  /** A short sentence every tokenizer can handle, run once at open to check the model. */
  static final String TEST_SENTENCE = "Hello world";

  private DjlModelLoader() {}

  /**
   * Opens a model.
   *
   * @param files the model's files
   * @param onnxSha256 the SHA-256 of the ONNX file
   * @param patterns tensor name patterns to try
   * @param cache where rewritten models are kept
   * @param progress hears the stages
   * @throws AttentionException with {@link Reason#MODEL_INVALID}, {@link Reason#NO_ATTENTION} or
   *     {@link Reason#MODEL_NOT_FOUND}
   */
  static DjlAttentionProvider load(
      ModelFiles files,
      String onnxSha256,
      List<TensorPatterns> patterns,
      PreparedModelCache cache,
      ProgressListener progress)
      throws AttentionException {
    return load(files, onnxSha256, patterns, cache, progress, OptionalInt.empty());
  }

  /**
   * Opens a model, with the user's token limit if the option {@code maxTokens} set one.
   *
   * @throws AttentionException as {@link #load(ModelFiles, String, List, PreparedModelCache,
   *     ProgressListener)}
   */
  static DjlAttentionProvider load(
      ModelFiles files,
      String onnxSha256,
      List<TensorPatterns> patterns,
      PreparedModelCache cache,
      ProgressListener progress,
      OptionalInt maxTokensOption)
      throws AttentionException {
    ModelConfig config = ModelConfig.read(files);
    PreparedModel prepared = cache.prepare(files.onnx(), onnxSha256, patterns, progress);
    progress.onStage(Stage.LOADING, files.name() + " into ONNX Runtime");
    Model model;
    try {
      model = loadModel(files, prepared);
    } catch (AttentionException first) {
      // A cached rewrite may be damaged on disk; rewrite it once before blaming the model.
      evict(cache, prepared);
      prepared = cache.prepare(files.onnx(), onnxSha256, patterns, progress);
      model = loadModel(files, prepared);
    }
    AttentionGraph graph = prepared.graph();
    HuggingFacePairTokenizer tokenizer;
    try {
      int limit = config.maxTokens(graph.positionLimit());
      tokenizer =
          HuggingFacePairTokenizer.open(
              files.tokenizer(),
              maxTokensOption.isPresent() ? Math.min(maxTokensOption.getAsInt(), limit) : limit);
    } catch (AttentionException | RuntimeException e) {
      model.close();
      throw e;
    }
    ModelInfo info = new ModelInfo(files.name(), DjlProviderFactory.NAME, graph.tensors().causal());
    DjlAttentionProvider provider = new DjlAttentionProvider(info, model, tokenizer, graph);
    try {
      progress.onStage(Stage.COMPUTING, "a test sentence");
      check(provider, config.heads(), files);
      return provider;
    } catch (AttentionException | RuntimeException e) {
      provider.close();
      throw e;
    }
  }

  private static Model loadModel(ModelFiles files, PreparedModel prepared)
      throws AttentionException {
    // CPU: the backend ships the CPU build of ONNX Runtime only.
    Model model = Model.newInstance(files.name(), Device.cpu(), ENGINE);
    try (OrtSession.SessionOptions options = SessionSettings.create()) {
      model.load(prepared.onnx(), null, SessionSettings.djlLoadOptions(options));
      return model;
    } catch (MalformedModelException | IOException | OrtException | RuntimeException e) {
      model.close();
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "ONNX Runtime cannot load "
              + files.onnx()
              + " ("
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
              + "). Export the model again with a recent exporter.",
          e);
    }
  }

  private static void evict(PreparedModelCache cache, PreparedModel prepared)
      throws AttentionException {
    try {
      cache.evict(prepared);
    } catch (IOException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "Cannot remove the damaged cached model " + prepared.onnx() + ": " + e.getMessage(),
          e);
    }
  }

  /** Runs the test sentence and checks the shapes against the config. */
  private static void check(
      DjlAttentionProvider provider, OptionalInt configHeads, ModelFiles files)
      throws AttentionException {
    AttentionData data;
    try {
      data =
          provider.compute(
              AttentionRequest.builder()
                  .setTextA(TEST_SENTENCE)
                  .optQueriesAndKeys(provider.graph().tensors().hasVectors())
                  .optOverflow(OverflowPolicy.TRUNCATE)
                  .build());
    } catch (AttentionException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          files.name() + " loads but fails on a test sentence: " + e.getMessage(),
          e);
    }
    int heads = data.primary().headCount();
    if (configHeads.isPresent() && configHeads.getAsInt() != heads) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          files.config().orElseThrow()
              + " says "
              + configHeads.getAsInt()
              + " attention heads but the attention tensors of "
              + files.onnx().getFileName()
              + " have "
              + heads
              + ". Use the config.json that belongs to this model.");
    }
  }
}
