package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The inputs of a BERT-like model, read from a SavedModel signature: token ids, and optionally the
 * attention mask and segment (token type) ids, each a {@code [batch, length]} integer tensor.
 *
 * @param key the signature's key, e.g. {@code serving_default}
 * @param ids tensor name of the token ids, e.g. {@code input_ids:0}
 * @param mask tensor name of the attention mask, if the model takes one
 * @param segments tensor name of the segment ids, if the model takes them (needed for pairs)
 * @param longInputs whether the inputs are int64 rather than int32
 * @param fixedLength the sequence length the signature demands, or -1 if any length goes
 * @param outputs every output of the signature: its key to its tensor name
 */
record ServingSignature(
    String key,
    String ids,
    Optional<String> mask,
    Optional<String> segments,
    boolean longInputs,
    int fixedLength,
    Map<String, String> outputs) {

  /** The signature key TensorFlow Serving uses when none is named. */
  static final String DEFAULT_KEY = "serving_default";

  private static final Set<String> IDS = Set.of("input_ids", "input_word_ids", "ids");
  private static final Set<String> MASK = Set.of("input_mask", "attention_mask", "mask");
  private static final Set<String> SEGMENTS =
      Set.of("segment_ids", "token_type_ids", "input_type_ids", "type_ids");

  /** Names of every fed input. */
  List<String> fedInputs() {
    return Stream.of(Optional.of(ids), mask, segments).flatMap(Optional::stream).toList();
  }

  /**
   * Reads the signature {@code requestedKey}, or {@link #DEFAULT_KEY} (or the only signature) if
   * none is requested.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} saying what does not fit
   */
  static ServingSignature read(MetaGraphDef graph, Optional<String> requestedKey, String model)
      throws AttentionException {
    Map<String, SignatureDef> signatures = graph.getSignatureDefMap();
    if (signatures.isEmpty()) {
      throw invalid(
          model
              + " has no signature, so its inputs are unknown. Save it with a serving"
              + " signature that takes input_ids (and input_mask, segment_ids).");
    }
    String key =
        requestedKey.orElse(
            signatures.size() == 1 && !signatures.containsKey(DEFAULT_KEY)
                ? signatures.keySet().iterator().next()
                : DEFAULT_KEY);
    SignatureDef signature = signatures.get(key);
    if (signature == null) {
      throw invalid(
          model
              + " has no signature '"
              + key
              + "'; it has "
              + signatures.keySet()
              + ". Name one in the ModelSource option '"
              + TensorFlowProviderFactory.OPTION_SIGNATURE
              + "'.");
    }
    String ids = null;
    String mask = null;
    String segments = null;
    Boolean longInputs = null;
    int fixedLength = -1;
    for (Map.Entry<String, TensorInfo> input : new TreeMap<>(signature.getInputsMap()).entrySet()) {
      String name = input.getKey();
      TensorInfo info = input.getValue();
      if (IDS.contains(name)) {
        ids = info.getName();
        fixedLength = length(info.getTensorShape());
      } else if (MASK.contains(name)) {
        mask = info.getName();
      } else if (SEGMENTS.contains(name)) {
        segments = info.getName();
      } else {
        throw invalid(
            "Signature '"
                + key
                + "' of "
                + model
                + " takes an input '"
                + name
                + "' that this provider cannot fill. It fills token ids "
                + IDS
                + ", attention masks "
                + MASK
                + " and segment ids "
                + SEGMENTS
                + ".");
      }
      boolean isLong = info.getDtype() == DataType.DT_INT64;
      if (!isLong && info.getDtype() != DataType.DT_INT32) {
        throw invalid(
            "Input '"
                + name
                + "' of "
                + model
                + " has type "
                + info.getDtype()
                + "; token inputs must be int32 or int64.");
      }
      if (longInputs != null && longInputs != isLong) {
        throw invalid("The inputs of " + model + " mix int32 and int64; that is not supported.");
      }
      longInputs = isLong;
    }
    if (ids == null) {
      throw invalid(
          "Signature '"
              + key
              + "' of "
              + model
              + " has no token-id input; its inputs "
              + "are "
              + signature.getInputsMap().keySet()
              + ", expected one of "
              + IDS
              + ".");
    }
    Map<String, String> outputs = new TreeMap<>();
    signature.getOutputsMap().forEach((name, info) -> outputs.put(name, info.getName()));
    return new ServingSignature(
        key,
        ids,
        Optional.ofNullable(mask),
        Optional.ofNullable(segments),
        longInputs,
        fixedLength,
        Map.copyOf(outputs));
  }

  /** The fixed sequence length of a {@code [batch, length]} shape, or -1 if it is open. */
  private static int length(TensorShapeProto shape) throws AttentionException {
    if (shape.getUnknownRank()) {
      return -1;
    }
    if (shape.getDimCount() != 2) {
      throw invalid(
          "The token-id input has "
              + shape.getDimCount()
              + " dimensions; expected 2: [batch, tokens].");
    }
    long length = shape.getDim(1).getSize();
    return length > 0 ? Math.toIntExact(length) : -1;
  }

  private static AttentionException invalid(String message) {
    return new AttentionException(Reason.MODEL_INVALID, message);
  }
}
