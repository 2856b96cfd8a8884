package dev.attnviz.core.io;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the arrays of an {@code .npz} archive into {@link AttentionData}; the layout is described
 * in {@code docs/FORMAT.md}. Headers are read and checked first, then the memory is checked, and
 * only then are the numbers read, straight into their tensors.
 */
final class NpzReader {

  /** The backend recorded for attention imported from NumPy. */
  static final String BACKEND = "numpy";

  private static final String ADVICE =
      "Fix the arrays and save the file again; docs/FORMAT.md lists the arrays and shapes";

  /** The arrays that make up one attention kind. */
  private record KindArrays(
      AttentionKind kind, String prefix, String queryTokensKey, String keyTokensKey) {

    String weights() {
      return prefix + "attention";
    }

    String queries() {
      return prefix + "queries";
    }

    String keys() {
      return prefix + "keys";
    }
  }

  private static final KindArrays SELF = new KindArrays(AttentionKind.SELF, "", "tokens", "tokens");

  private static final List<KindArrays> ENCODER_DECODER =
      List.of(
          new KindArrays(AttentionKind.ENCODER, "encoder_", "encoder_tokens", "encoder_tokens"),
          new KindArrays(AttentionKind.DECODER, "decoder_", "decoder_tokens", "decoder_tokens"),
          new KindArrays(AttentionKind.CROSS, "cross_", "decoder_tokens", "encoder_tokens"));

  /**
   * Far longer than any token a tokenizer makes (NumPy sizes a string array by its longest
   * element), and short enough that a file of thousands of them cannot take minutes to decode.
   */
  static final int MAX_TOKEN_CHARS = 65_536;

  /**
   * Mapped floats above which the values of a dump are checked per head when first looked at rather
   * than at open: 2^26 floats (256 MB) take about a tenth of a second to check, so a file below
   * this is still refused at open when a weight is wrong, and a larger one opens at once.
   */
  static final long DEFER_CHECKS_ABOVE = 1L << 26;

  private final MemoryBudget budget;
  private final long deferChecksAbove;

  NpzReader(MemoryBudget budget) {
    this(budget, DEFER_CHECKS_ABOVE);
  }

  /**
   * A reader that defers the value checks of dumps with more than {@code deferChecksAbove} mapped
   * floats.
   */
  NpzReader(MemoryBudget budget, long deferChecksAbove) {
    this.budget = budget;
    this.deferChecksAbove = deferChecksAbove;
  }

  /**
   * Reads the archive.
   *
   * @param tokensFile a sidecar file of tokens for a self-attention archive without {@code tokens},
   *     or null
   */
  AttentionData read(Path file, Path tokensFile) throws InvalidFileException, IOException {
    try (NpzArchive archive = NpzArchive.open(file)) {
      List<KindArrays> kinds = kindsPresent(archive, tokensFile != null);
      Map<String, NpyArray> tensors = openTensors(archive, kinds);
      // Every size is checked against the others and against memory before anything is decoded:
      // the tokens first of all, since a few thousand huge strings can fill any heap.
      Map<String, NpyArray> tokenArrays =
          tokensFile == null ? openTokenArrays(archive, kinds, tensors) : Map.of();
      // Stored float32 arrays are mapped, not copied: they take no heap, whatever their size.
      Map<String, Tensor4D> mapped = new HashMap<>();
      long bytes = 0;
      long mappedFloats = 0;
      for (NpyArray tensor : tensors.values()) {
        Shape4 shape = fourDimensions(tensor);
        Tensor4D map =
            archive.mapFloats(
                tensor, (int) shape.d0(), (int) shape.d1(), (int) shape.d2(), (int) shape.d3());
        if (map != null) {
          mapped.put(tensor.name(), map);
          mappedFloats += map.elementCount();
        } else {
          requireOneArray(tensor, shape);
          bytes += shape.elements() * Float.BYTES;
        }
      }
      for (NpyArray tokens : tokenArrays.values()) {
        bytes = saturatedAdd(bytes, tokens.stringMemoryBytes());
      }
      budget.require(bytes, "the attention in this file");
      Map<String, Tokens> tokens = readTokens(tokenArrays, tokensFile);
      AttentionData.Builder data = AttentionData.builder().setModel(model(archive, file));
      boolean defer = mappedFloats > deferChecksAbove;
      for (KindArrays arrays : kinds) {
        data.addAttention(attention(arrays, tensors, mapped, tokens, defer));
      }
      if (archive.has("sentence_b_start")) {
        data.optSentenceBStart(sentenceBStart(archive.open("sentence_b_start")));
      }
      try {
        return ReadDataChecks.checked(data.build(), ADVICE);
      } catch (IllegalArgumentException e) {
        throw new InvalidFileException(e.getMessage(), ADVICE, e);
      }
    }
  }

  private static long saturatedAdd(long a, long b) {
    return b < 0 || a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
  }

  private static List<KindArrays> kindsPresent(NpzArchive archive, boolean tokensFileGiven)
      throws InvalidFileException {
    List<KindArrays> encoderDecoder = new ArrayList<>();
    for (KindArrays arrays : ENCODER_DECODER) {
      if (archive.has(arrays.weights())) {
        encoderDecoder.add(arrays);
      }
    }
    boolean self = archive.has(SELF.weights());
    if (self && !encoderDecoder.isEmpty()) {
      throw new InvalidFileException(
          "it holds both 'attention' and encoder/decoder/cross attention arrays",
          "Save 'attention' for an encoder-only or decoder-only model, or 'encoder_attention',"
              + " 'decoder_attention' and 'cross_attention' for an encoder-decoder model");
    }
    if (!self && encoderDecoder.isEmpty()) {
      throw new InvalidFileException(
          "it has no array named 'attention' (it holds: "
              + (archive.keys().isEmpty() ? "no arrays" : String.join(", ", archive.keys()))
              + ")",
          "Save the weights with np.savez(path, attention=..., tokens=...) as docs/FORMAT.md shows");
    }
    if (tokensFileGiven && !self) {
      throw new InvalidFileException(
          "a tokens file was given, but it only applies to 'attention' archives",
          "Save 'encoder_tokens' and 'decoder_tokens' in the .npz instead");
    }
    if (tokensFileGiven && archive.has(SELF.queryTokensKey())) {
      throw new InvalidFileException(
          "it holds a 'tokens' array and a tokens file was given too",
          "Open it without the tokens file, or save it without 'tokens'");
    }
    return self ? List.of(SELF) : encoderDecoder;
  }

  private static Map<String, NpyArray> openTensors(NpzArchive archive, List<KindArrays> kinds)
      throws InvalidFileException, IOException {
    Map<String, NpyArray> tensors = new HashMap<>();
    for (KindArrays arrays : kinds) {
      List<String> keys = new ArrayList<>(List.of(arrays.weights()));
      if (archive.has(arrays.queries()) != archive.has(arrays.keys())) {
        throw new InvalidFileException(
            "it has '"
                + (archive.has(arrays.queries()) ? arrays.queries() : arrays.keys())
                + "' but not '"
                + (archive.has(arrays.queries()) ? arrays.keys() : arrays.queries())
                + "'",
            "Save query and key vectors together, or neither");
      }
      if (archive.has(arrays.queries())) {
        keys.add(arrays.queries());
        keys.add(arrays.keys());
      }
      for (String key : keys) {
        NpyArray array = archive.open(key);
        fourDimensions(array);
        array.requireDeclaredData();
        tensors.put(key, array);
      }
    }
    return tensors;
  }

  /** The shape of a float array as {@code [layer][head][row][column]}. */
  private record Shape4(long d0, long d1, long d2, long d3) {
    long elements() {
      return d0 * d1 * d2 * d3;
    }

    long[] toArray() {
      return new long[] {d0, d1, d2, d3};
    }
  }

  /**
   * Maps {@code [layers][heads][rows][columns]}, {@code [layers][1][heads][rows][columns]} (NumPy's
   * stack of a Hugging Face tuple) or {@code [1][layers][heads][rows][columns]} onto four
   * dimensions. A batch axis of size 1 does not change the order of the elements.
   */
  private static Shape4 fourDimensions(NpyArray array) throws InvalidFileException {
    long[] s = array.header().shape();
    if (s.length == 4) {
      return checkedShape(array, new Shape4(s[0], s[1], s[2], s[3]));
    }
    if (s.length == 5 && s[1] == 1) {
      return checkedShape(array, new Shape4(s[0], s[2], s[3], s[4]));
    }
    if (s.length == 5 && s[0] == 1) {
      return checkedShape(array, new Shape4(s[1], s[2], s[3], s[4]));
    }
    String axes =
        array.name().endsWith("attention")
            ? "[layers][heads][queries][keys]"
            : "[layers][heads][tokens][size]";
    if (s.length == 5) {
      throw new InvalidFileException(
          array.where()
              + " has shape "
              + array.header().shapeText()
              + ", a batch of "
              + s[1]
              + " inputs",
          "Save the attention of one input: index the batch axis, e.g. "
              + array.name()
              + "[:, 0], before saving");
    }
    throw new InvalidFileException(
        array.where()
            + " has shape "
            + array.header().shapeText()
            + " but must have 4 dimensions "
            + axes
            + " (or 5 with a batch axis of size 1)",
        "Stack one array per layer, e.g. np.stack([a.numpy() for a in outputs.attentions])");
  }

  /**
   * Checks what any tensor needs, mapped or copied: dimensions that Java can index and one {@code
   * [layer][head]} matrix that fits one Java array. The whole tensor may be larger than one array
   * when it is mapped ({@link #requireOneArray} checks the copied ones).
   */
  private static Shape4 checkedShape(NpyArray array, Shape4 shape) throws InvalidFileException {
    try {
      Tensor4D.checkedSize(shape.d0(), shape.d1(), shape.d2(), shape.d3());
    } catch (IllegalArgumentException whole) {
      // Too large for one array: still readable if mapped, when each dimension and each matrix is.
      boolean matrixFits = true;
      try {
        Tensor4D.checkedSize(1, 1, shape.d2(), shape.d3());
      } catch (IllegalArgumentException matrix) {
        matrixFits = false;
      }
      if (!matrixFits || shape.d0() > Integer.MAX_VALUE || shape.d1() > Integer.MAX_VALUE) {
        throw InvalidFileException.wrap(array.where(), whole, "Save fewer layers or tokens");
      }
    }
    return shape;
  }

  /** Fails, with what to save instead, if an array that must be copied is too large for it. */
  private static void requireOneArray(NpyArray array, Shape4 shape) throws InvalidFileException {
    try {
      Tensor4D.checkedSize(shape.d0(), shape.d1(), shape.d2(), shape.d3());
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(array.where(), e, copyAdvice(array));
    }
  }

  /**
   * What makes a large array readable: only stored float32 arrays are mapped from the disk; the
   * others are copied into the heap.
   */
  static String copyAdvice(NpyArray array) {
    if (array.deflated()) {
      return "Save it uncompressed with np.savez (not np.savez_compressed) and as float32:"
          + " attnviz then maps it from the disk instead of copying it into memory";
    }
    if (array.header().dtype().itemSize() != Float.BYTES || array.header().fortranOrder()) {
      return "Save it as C-ordered float32 (np.ascontiguousarray(a, dtype=np.float32)):"
          + " attnviz then maps it from the disk instead of copying it into memory";
    }
    return "Save fewer layers or tokens";
  }

  /**
   * Opens the token arrays and checks their headers: a list, as many tokens as the attention has
   * rows (queries) and columns (keys), and data the archive really holds.
   */
  private static Map<String, NpyArray> openTokenArrays(
      NpzArchive archive, List<KindArrays> kinds, Map<String, NpyArray> tensors)
      throws InvalidFileException, IOException {
    Map<String, NpyArray> arrays = new HashMap<>();
    for (KindArrays kind : kinds) {
      NpyArray weights = tensors.get(kind.weights());
      Shape4 shape = fourDimensions(weights);
      tokenArray(archive, arrays, kind.queryTokensKey(), weights, shape.d2(), "rows (queries)");
      tokenArray(archive, arrays, kind.keyTokensKey(), weights, shape.d3(), "columns (keys)");
    }
    return arrays;
  }

  private static void tokenArray(
      NpzArchive archive,
      Map<String, NpyArray> arrays,
      String key,
      NpyArray weights,
      long expected,
      String axis)
      throws InvalidFileException, IOException {
    NpyArray array = arrays.get(key);
    if (array == null) {
      if (!archive.has(key)) {
        throw new InvalidFileException(
            "'" + weights.name() + "' needs the array '" + key + "', which is missing",
            "Save the tokens with np.savez(..., "
                + key
                + "=np.array(tokens, dtype=str))"
                + (key.equals("tokens") ? ", or give a tokens file with one token per line" : ""));
      }
      array = archive.open(key);
      long[] shape = array.header().shape();
      if (!(shape.length == 1 || (shape.length == 2 && shape[0] == 1))) {
        throw new InvalidFileException(
            array.where()
                + " has shape "
                + array.header().shapeText()
                + " but must be a list of tokens",
            "Save one input's tokens: np.array(tokens, dtype=str) with shape (n,)");
      }
      array.requireStrings();
      long chars =
          array.header().dtype().itemSize() / (array.header().dtype().kind() == 'U' ? 4 : 1);
      if (chars > MAX_TOKEN_CHARS) {
        throw new InvalidFileException(
            array.where()
                + " holds strings of up to "
                + chars
                + " characters ('"
                + array.header().dtype().descr()
                + "'), but a token is at most "
                + MAX_TOKEN_CHARS,
            "Save the model's tokens, one per attention row");
      }
      array.requireDeclaredData();
      arrays.put(key, array);
    }
    long count = array.header().elementCount();
    if (count != expected) {
      throw new InvalidFileException(
          array.where()
              + " holds "
              + count
              + " tokens but "
              + weights.where()
              + " has "
              + expected
              + " "
              + axis
              + " (shape "
              + weights.header().shapeText()
              + ")",
          ADVICE);
    }
  }

  private static Map<String, Tokens> readTokens(Map<String, NpyArray> arrays, Path tokensFile)
      throws InvalidFileException, IOException {
    Map<String, Tokens> tokens = new HashMap<>();
    if (tokensFile != null) {
      tokens.put(SELF.queryTokensKey(), Tokens.of(TokensFile.read(tokensFile)));
      return tokens;
    }
    for (Map.Entry<String, NpyArray> array : arrays.entrySet()) {
      tokens.put(array.getKey(), Tokens.of(array.getValue().readStrings()));
    }
    return tokens;
  }

  private Attention attention(
      KindArrays arrays,
      Map<String, NpyArray> tensors,
      Map<String, Tensor4D> mapped,
      Map<String, Tokens> tokens,
      boolean deferValueChecks)
      throws InvalidFileException, IOException {
    Attention.Builder builder =
        Attention.builder(arrays.kind())
            .setQueryTokens(tokens.get(arrays.queryTokensKey()))
            .setKeyTokens(tokens.get(arrays.keyTokensKey()))
            .setWeights(tensor(arrays.weights(), tensors, mapped));
    if (tensors.containsKey(arrays.queries())) {
      builder.optVectors(
          tensor(arrays.queries(), tensors, mapped), tensor(arrays.keys(), tensors, mapped));
    }
    if (deferValueChecks) {
      builder.deferValueChecks();
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidFileException(e.getMessage(), ADVICE, e);
    }
  }

  private Tensor4D tensor(String key, Map<String, NpyArray> tensors, Map<String, Tensor4D> mapped)
      throws InvalidFileException, IOException {
    Tensor4D map = mapped.get(key);
    return map != null ? map : readTensor(tensors.get(key));
  }

  private Tensor4D readTensor(NpyArray array) throws InvalidFileException, IOException {
    Shape4 shape = fourDimensions(array);
    Tensor4D.Builder builder = budget.allocate(shape.toArray(), array.where(), copyAdvice(array));
    array.readFloats(
        builder, (int) shape.d0(), (int) shape.d1(), (int) shape.d2(), (int) shape.d3());
    return builder.build();
  }

  private static ModelInfo model(NpzArchive archive, Path file)
      throws InvalidFileException, IOException {
    String name = fileStem(file);
    if (archive.has("model_name")) {
      name = archive.open("model_name").readString();
    }
    boolean causal = archive.has("causal") && archive.open("causal").readBoolean();
    try {
      return new ModelInfo(name, BACKEND, causal);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap("model_name.npy", e, "Save the model's name");
    }
  }

  private static String fileStem(Path file) {
    String name = file.getFileName().toString();
    String stem = name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
    return stem.isBlank() ? name : stem;
  }

  private static int sentenceBStart(NpyArray array) throws InvalidFileException, IOException {
    long value = array.readInteger();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new InvalidFileException(
          array.where() + " is " + value + ", not a token index",
          "Save the index of the first token of sentence B");
    }
    return (int) value;
  }
}
