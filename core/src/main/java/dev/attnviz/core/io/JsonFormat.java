package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

/**
 * Names and settings shared by the JSON reader and writer; the format is described in {@code
 * docs/FORMAT.md}.
 */
final class JsonFormat {

  static final String FORMAT_NAME = "attnviz";
  static final int VERSION = 1;

  static final String FORMAT = "format";
  static final String VERSION_FIELD = "version";
  static final String MODEL = "model";
  static final String MODEL_NAME = "name";
  static final String MODEL_BACKEND = "backend";
  static final String MODEL_CAUSAL = "causal";
  static final String SENTENCE_B_START = "sentenceBStart";
  static final String TRUNCATION = "truncation";
  static final String ORIGINAL_TOKENS = "originalTokens";
  static final String KEPT_TOKENS = "keptTokens";
  static final String ATTENTION = "attention";
  static final String KIND = "kind";
  static final String QUERY_TOKENS = "queryTokens";
  static final String KEY_TOKENS = "keyTokens";
  static final String QUERY_SPECIAL = "querySpecial";
  static final String KEY_SPECIAL = "keySpecial";
  static final String QUERY_WORDS = "queryWords";
  static final String KEY_WORDS = "keyWords";
  static final String WEIGHTS = "weights";
  static final String QUERIES = "queries";
  static final String KEYS = "keys";

  /** The nesting of the weights, for messages. */
  static final String WEIGHT_AXES = "[layer][head][query][key]";

  /** The nesting of query and key vectors, for messages. */
  static final String VECTOR_AXES = "[layer][head][token][dim]";

  /** Advice for files that do not follow the format. */
  static final String FORMAT_ADVICE = "docs/FORMAT.md describes the fields and shapes";

  /**
   * The factory for both directions. Reading accepts Python's {@code NaN} and {@code Infinity} so
   * that they are reported as bad values with their position rather than as a syntax error, and
   * refuses duplicate fields. Writing never closes the caller's stream.
   */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private JsonFormat() {}

  /**
   * The path of the value the context is at, e.g. {@code attention[0].weights[3][1]}; empty at the
   * top level.
   */
  static String path(JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return "";
    }
    String parent = path(context.getParent());
    // A container whose first entry is not read yet stands for the container itself.
    if (context.inArray()) {
      return context.hasCurrentIndex() ? parent + "[" + context.getCurrentIndex() + "]" : parent;
    }
    if (!context.hasCurrentName()) {
      return parent;
    }
    return parent.isEmpty() ? context.getCurrentName() : parent + "." + context.getCurrentName();
  }

  /** What a token is, for messages: "an array", "a string", ... */
  static String describe(JsonToken token) {
    if (token == null) {
      return "missing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
