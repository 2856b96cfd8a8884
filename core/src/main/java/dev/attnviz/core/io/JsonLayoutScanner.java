package dev.attnviz.core.io;

import static dev.attnviz.core.io.JsonFormat.ATTENTION;
import static dev.attnviz.core.io.JsonFormat.FORMAT_ADVICE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The first pass over a JSON attention file: checks the format name and version, reads the model,
 * the tokens and the other small fields, and measures every tensor without keeping its numbers.
 *
 * <p>Fields may come in any order. When {@code "attention"} comes before {@code "format"} and
 * {@code "version"} (as with Python's {@code sort_keys=True}), it is skipped at first and measured
 * in a second walk once the version is known to be one this reader understands.
 */
final class JsonLayoutScanner {

  /** Opens a new parser at the start of the file. */
  @FunctionalInterface
  interface ParserSource {
    JsonParser open() throws IOException;
  }

  private String format;
  private String version;
  private ModelInfo model;
  private Integer sentenceBStart;
  private Truncation truncation;
  private List<JsonLayout.Kind> kinds;
  private boolean attentionSkipped;

  private JsonLayoutScanner() {}

  /** Scans the file that {@code source} opens. */
  static JsonLayout scan(ParserSource source) throws InvalidFileException, IOException {
    JsonLayoutScanner scanner = new JsonLayoutScanner();
    try (JsonParser parser = source.open()) {
      scanner.topLevel(parser);
    }
    scanner.checkFormatAndVersion();
    if (scanner.model == null) {
      throw missing("the top level", JsonFormat.MODEL);
    }
    if (scanner.attentionSkipped) {
      try (JsonParser parser = source.open()) {
        seekTopLevelField(parser, ATTENTION);
        scanner.kinds = attention(parser);
      }
    }
    if (scanner.kinds == null) {
      throw missing("the top level", ATTENTION);
    }
    return new JsonLayout(
        scanner.model, scanner.sentenceBStart, scanner.truncation, List.copyOf(scanner.kinds));
  }

  /**
   * Moves a parser at the start of the file to the value of a top-level field.
   *
   * @throws InvalidFileException if the field is not there (the file changed since it was scanned)
   */
  static void seekTopLevelField(JsonParser parser, String field)
      throws InvalidFileException, IOException {
    if (parser.nextToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean found = field.equals(parser.currentName());
        parser.nextToken();
        if (found) {
          return;
        }
        parser.skipChildren();
      }
    }
    throw changedWhileReading();
  }

  /** The failure for a file that no longer matches what the first pass saw. */
  static InvalidFileException changedWhileReading() {
    return new InvalidFileException(
        "the file changed while it was being read", "Open it again once it is completely written");
  }

  private void topLevel(JsonParser parser) throws InvalidFileException, IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new InvalidFileException(
          "the file is empty", "Choose a file saved by attnviz or numpy");
    }
    if (first != JsonToken.START_OBJECT) {
      throw new InvalidFileException(
          "the top level must be an object {\"format\": \"attnviz\", ...}, but is "
              + JsonFormat.describe(first),
          FORMAT_ADVICE);
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case JsonFormat.FORMAT -> format = JsonValues.string(parser);
        case JsonFormat.VERSION_FIELD -> {
          if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw JsonValues.wrongType(parser, "a whole number");
          }
          version = parser.getText();
        }
        case JsonFormat.MODEL -> model = model(parser);
        case JsonFormat.SENTENCE_B_START ->
            sentenceBStart = JsonValues.isNull(parser) ? null : JsonValues.integer(parser);
        case JsonFormat.TRUNCATION ->
            truncation = JsonValues.isNull(parser) ? null : truncation(parser);
        case ATTENTION -> {
          if (format != null && version != null) {
            checkFormatAndVersion();
            kinds = attention(parser);
          } else {
            parser.skipChildren();
            attentionSkipped = true;
          }
        }
          // Unknown fields are allowed: later writers may add optional information.
        default -> parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw new InvalidFileException(
          "there is more after the top-level object (at line "
              + parser.currentTokenLocation().getLineNr()
              + ")",
          "A file holds exactly one object; " + FORMAT_ADVICE);
    }
  }

  private void checkFormatAndVersion() throws InvalidFileException {
    if (format == null) {
      throw new InvalidFileException(
          "it has no \"format\" field, so it is not an attnviz attention file",
          "attnviz files start with {\"format\": \"attnviz\", \"version\": 1, ...}; "
              + FORMAT_ADVICE);
    }
    if (!format.equals(JsonFormat.FORMAT_NAME)) {
      throw new InvalidFileException(
          "its format is \"" + format + "\", not \"" + JsonFormat.FORMAT_NAME + "\"",
          "Open a file saved by attnviz, or convert it as " + FORMAT_ADVICE);
    }
    if (version == null) {
      throw missing("the top level", JsonFormat.VERSION_FIELD);
    }
    BigInteger number = new BigInteger(version);
    if (number.compareTo(BigInteger.valueOf(JsonFormat.VERSION)) > 0) {
      throw new InvalidFileException(
          "its version "
              + version
              + " is newer than this attnviz reads ("
              + JsonFormat.VERSION
              + ")",
          "Update attnviz to open it");
    }
    if (number.compareTo(BigInteger.valueOf(JsonFormat.VERSION)) < 0) {
      throw new InvalidFileException(
          "its version " + version + " does not exist; the first version is " + JsonFormat.VERSION,
          "Set \"version\": " + JsonFormat.VERSION + "; " + FORMAT_ADVICE);
    }
  }

  private static ModelInfo model(JsonParser parser) throws InvalidFileException, IOException {
    JsonValues.requireObject(parser, "an object with name, backend and causal");
    String where = JsonValues.where(parser);
    String name = null;
    String backend = null;
    Boolean causal = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case JsonFormat.MODEL_NAME -> name = JsonValues.string(parser);
        case JsonFormat.MODEL_BACKEND -> backend = JsonValues.string(parser);
        case JsonFormat.MODEL_CAUSAL -> causal = JsonValues.bool(parser);
        default -> parser.skipChildren();
      }
    }
    require(where, JsonFormat.MODEL_NAME, name);
    require(where, JsonFormat.MODEL_BACKEND, backend);
    require(where, JsonFormat.MODEL_CAUSAL, causal);
    try {
      return new ModelInfo(name, backend, causal);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(where, e, FORMAT_ADVICE);
    }
  }

  private static Truncation truncation(JsonParser parser) throws InvalidFileException, IOException {
    JsonValues.requireObject(parser, "an object with originalTokens and keptTokens, or null");
    String where = JsonValues.where(parser);
    Integer original = null;
    Integer kept = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case JsonFormat.ORIGINAL_TOKENS -> original = JsonValues.integer(parser);
        case JsonFormat.KEPT_TOKENS -> kept = JsonValues.integer(parser);
        default -> parser.skipChildren();
      }
    }
    require(where, JsonFormat.ORIGINAL_TOKENS, original);
    require(where, JsonFormat.KEPT_TOKENS, kept);
    try {
      return new Truncation(original, kept);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(where, e, FORMAT_ADVICE);
    }
  }

  private static List<JsonLayout.Kind> attention(JsonParser parser)
      throws InvalidFileException, IOException {
    JsonValues.requireArray(parser, "an array with one object per attention kind");
    List<JsonLayout.Kind> kinds = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      kinds.add(kind(parser));
    }
    return kinds;
  }

  private static JsonLayout.Kind kind(JsonParser parser) throws InvalidFileException, IOException {
    JsonValues.requireObject(parser, "an object with kind, queryTokens, keyTokens and weights");
    String where = JsonValues.where(parser);
    AttentionKind kind = null;
    List<String> queryTokens = null;
    List<String> keyTokens = null;
    List<Boolean> querySpecial = null;
    List<Boolean> keySpecial = null;
    int[] queryWords = null;
    int[] keyWords = null;
    long[] weights = null;
    long[] queries = null;
    long[] keys = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      boolean isNull = JsonValues.isNull(parser);
      switch (field) {
        case JsonFormat.KIND -> kind = attentionKind(parser);
        case JsonFormat.QUERY_TOKENS -> queryTokens = JsonValues.strings(parser);
        case JsonFormat.KEY_TOKENS -> keyTokens = JsonValues.strings(parser);
        case JsonFormat.QUERY_SPECIAL -> querySpecial = isNull ? null : JsonValues.booleans(parser);
        case JsonFormat.KEY_SPECIAL -> keySpecial = isNull ? null : JsonValues.booleans(parser);
        case JsonFormat.QUERY_WORDS -> queryWords = isNull ? null : JsonValues.integers(parser);
        case JsonFormat.KEY_WORDS -> keyWords = isNull ? null : JsonValues.integers(parser);
        case JsonFormat.WEIGHTS -> weights = JsonShapes.measure(parser, JsonFormat.WEIGHT_AXES);
        case JsonFormat.QUERIES ->
            queries = isNull ? null : JsonShapes.measure(parser, JsonFormat.VECTOR_AXES);
        case JsonFormat.KEYS ->
            keys = isNull ? null : JsonShapes.measure(parser, JsonFormat.VECTOR_AXES);
        default -> parser.skipChildren();
      }
    }
    require(where, JsonFormat.KIND, kind);
    require(where, JsonFormat.QUERY_TOKENS, queryTokens);
    require(where, JsonFormat.KEY_TOKENS, keyTokens);
    require(where, JsonFormat.WEIGHTS, weights);
    if ((queries == null) != (keys == null)) {
      throw new InvalidFileException(
          where
              + " has \""
              + (queries == null ? JsonFormat.KEYS : JsonFormat.QUERIES)
              + "\" but no \""
              + (queries == null ? JsonFormat.QUERIES : JsonFormat.KEYS)
              + "\"",
          "Give query and key vectors together, or neither");
    }
    return new JsonLayout.Kind(
        kind,
        tokens(
            where + "." + JsonFormat.QUERY_SPECIAL,
            where + "." + JsonFormat.QUERY_WORDS,
            queryTokens,
            querySpecial,
            queryWords),
        tokens(
            where + "." + JsonFormat.KEY_SPECIAL,
            where + "." + JsonFormat.KEY_WORDS,
            keyTokens,
            keySpecial,
            keyWords),
        weights,
        queries,
        keys);
  }

  private static AttentionKind attentionKind(JsonParser parser)
      throws InvalidFileException, IOException {
    String id = JsonValues.string(parser);
    try {
      return AttentionKind.fromId(id);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(JsonValues.where(parser), e, FORMAT_ADVICE);
    }
  }

  /** Tokens with the given details; what is not given is inferred from the strings. */
  private static Tokens tokens(
      String specialPath,
      String wordsPath,
      List<String> strings,
      List<Boolean> special,
      int[] words)
      throws InvalidFileException {
    Tokens inferred = Tokens.of(strings);
    if (special == null && words == null) {
      return inferred;
    }
    BitSet mask = inferred.specialMask();
    if (special != null) {
      if (special.size() != strings.size()) {
        throw new InvalidFileException(
            specialPath + " has " + special.size() + " entries for " + strings.size() + " tokens",
            "Give one true/false per token");
      }
      mask.clear();
      for (int i = 0; i < special.size(); i++) {
        mask.set(i, special.get(i));
      }
    }
    try {
      return Tokens.of(strings, mask, words == null ? inferred.wordIndexes() : words);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(wordsPath, e, FORMAT_ADVICE);
    }
  }

  private static void require(String where, String field, Object value)
      throws InvalidFileException {
    if (value == null) {
      throw missing(where, field);
    }
  }

  private static InvalidFileException missing(String where, String field) {
    return new InvalidFileException(
        where + " has no \"" + field + "\" field", "Add it; " + FORMAT_ADVICE);
  }
}
