package dev.attnviz.djl;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.ProgressListener.Stage;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Opens sequence models ({@link SequenceProvider}): decides from the folder and {@code config.json}
 * whether a model is one, finds its attention per kind, and checks that every input can be filled.
 */
final class SequenceModelLoader {

  /** optimum's file names for the two halves of an encoder-decoder model. */
  static final String ENCODER_FILE = "encoder_model.onnx";

  static final String DECODER_FILE = "decoder_model.onnx";

  private SequenceModelLoader() {}

  /** Whether {@code folder} holds optimum's two-file layout. */
  static boolean isTwoFileLayout(Path folder) {
    return Files.isDirectory(folder)
        && Files.isRegularFile(folder.resolve(ENCODER_FILE))
        && Files.isRegularFile(folder.resolve(DECODER_FILE));
  }

  /**
   * The folder of optimum's layout that {@code path} is, or holds one of the two files of: a user
   * who picks {@code decoder_model.onnx} means the model it belongs to.
   */
  static Optional<Path> twoFileFolder(Path path) {
    if (isTwoFileLayout(path)) {
      return Optional.of(path);
    }
    Path name = path.getFileName();
    Path parent = path.toAbsolutePath().getParent();
    boolean half =
        name != null
            && (name.toString().equals(ENCODER_FILE) || name.toString().equals(DECODER_FILE));
    return half && parent != null && isTwoFileLayout(parent)
        ? Optional.of(parent)
        : Optional.empty();
  }

  /** Whether a single-graph model is a sequence model, by its config. */
  static boolean isSequenceModel(SequenceConfig config) {
    return config.encoderDecoder() || config.languageModel();
  }

  /**
   * Opens a one-graph model ({@code files.onnx()}) or, with {@code decoderOnnx}, optimum's layout
   * ({@code files.onnx()} is then the encoder).
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} or {@link Reason#NO_ATTENTION}
   */
  static SequenceProvider open(
      String name,
      Path mainOnnx,
      Path decoderOnnx,
      Path tokenizerFile,
      SequenceConfig config,
      int maxTokens,
      ProgressListener progress)
      throws AttentionException {
    progress.onStage(Stage.LOADING, name + " into ONNX Runtime");
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      SequenceProvider.Part first;
      SequenceProvider.Part decoder = null;
      if (decoderOnnx != null) {
        first = part(mainOnnx, SequenceFamilies.ENCODER_FILE, opened);
        decoder = part(decoderOnnx, SequenceFamilies.DECODER_FILE, opened);
      } else if (config.encoderDecoder()) {
        first = part(mainOnnx, SequenceFamilies.ONE_GRAPH, opened);
      } else {
        first = part(mainOnnx, SequenceFamilies.DECODER_ONLY, opened);
      }
      HuggingFacePairTokenizer tokenizer = HuggingFacePairTokenizer.open(tokenizerFile, maxTokens);
      opened.add(tokenizer);
      String family =
          first
              .kinds()
              .values()
              .iterator()
              .next()
              .family()
              .replaceAll(" (encoder|decoder|cross)$", "");
      ModelInfo info =
          new ModelInfo(
              name, DjlProviderFactory.NAME, first.kinds().containsKey(AttentionKind.SELF));
      return new SequenceProvider(info, tokenizer, first, decoder, config, family);
    } catch (AttentionException | RuntimeException e) {
      for (AutoCloseable resource : opened) {
        try {
          resource.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static SequenceProvider.Part part(
      Path onnx, Map<AttentionKind, List<TensorPatterns>> families, List<AutoCloseable> opened)
      throws AttentionException {
    OnnxSignature.check(onnx);
    ModelProto model = GraphRewriter.read(onnx);
    List<AttentionTensorFinder.Node> nodes = GraphRewriter.nodes(model.getGraph());
    String fileName = onnx.getFileName().toString();
    Map<AttentionKind, AttentionTensors> kinds = new EnumMap<>(AttentionKind.class);
    List<String> tensors = new ArrayList<>();
    for (Map.Entry<AttentionKind, List<TensorPatterns>> kind : families.entrySet()) {
      AttentionTensors found = AttentionTensorFinder.find(nodes, kind.getValue(), fileName);
      kinds.put(kind.getKey(), found);
      tensors.addAll(found.all());
    }
    String firstOutput = model.getGraph().getOutput(0).getName();
    OnnxSession session = OnnxSession.open(onnx, model, tensors);
    opened.add(session);
    List<String> unknown =
        session.inputs().stream().filter(i -> !SequenceProvider.FILLABLE.contains(i)).toList();
    if (!unknown.isEmpty()) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          fileName
              + " has inputs this provider cannot fill: "
              + String.join(", ", unknown)
              + ". It fills "
              + SequenceProvider.FILLABLE.stream().sorted().collect(Collectors.joining(", "))
              + ". Export the model without past key values (use_cache=False).");
    }
    return new SequenceProvider.Part(session, kinds, firstOutput);
  }
}
