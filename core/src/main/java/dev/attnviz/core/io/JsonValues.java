package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one typed value at the parser's current token, with a message naming the value's path when
 * the type is wrong. Every method expects the parser at the value's first token and leaves it at
 * its last.
 */
final class JsonValues {

  private JsonValues() {}

  /** The path of the current value, or "the top level". */
  static String where(JsonParser parser) {
    String path = JsonFormat.path(parser.getParsingContext());
    return path.isEmpty() ? "the top level" : path;
  }

  /** A failure for a value of the wrong type. */
  static InvalidFileException wrongType(JsonParser parser, String expected) {
    return new InvalidFileException(
        where(parser)
            + " must be "
            + expected
            + ", but is "
            + JsonFormat.describe(parser.currentToken()),
        JsonFormat.FORMAT_ADVICE);
  }

  static String string(JsonParser parser) throws InvalidFileException, IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw wrongType(parser, "a string");
    }
    return parser.getText();
  }

  static boolean bool(JsonParser parser) throws InvalidFileException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw wrongType(parser, "true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  static int integer(JsonParser parser) throws InvalidFileException, IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(parser, "a whole number");
    }
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw new InvalidFileException(
          where(parser) + " is " + parser.getText() + ", too large", JsonFormat.FORMAT_ADVICE);
    }
    return parser.getIntValue();
  }

  /** Whether the current token is {@code null}. */
  static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  static void requireObject(JsonParser parser, String what) throws InvalidFileException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw wrongType(parser, what);
    }
  }

  static void requireArray(JsonParser parser, String what) throws InvalidFileException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw wrongType(parser, what);
    }
  }

  /** Reads one value of a list. */
  @FunctionalInterface
  interface ValueReader<T> {
    T read(JsonParser parser) throws InvalidFileException, IOException;
  }

  /** Reads an array whose entries {@code entry} reads; {@code what} describes it for messages. */
  static <T> List<T> list(JsonParser parser, String what, ValueReader<T> entry)
      throws InvalidFileException, IOException {
    requireArray(parser, what);
    List<T> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(entry.read(parser));
    }
    return values;
  }

  static List<String> strings(JsonParser parser) throws InvalidFileException, IOException {
    return list(parser, "an array of strings", JsonValues::string);
  }

  static List<Boolean> booleans(JsonParser parser) throws InvalidFileException, IOException {
    return list(parser, "an array of true/false", JsonValues::bool);
  }

  static int[] integers(JsonParser parser) throws InvalidFileException, IOException {
    return list(parser, "an array of whole numbers", JsonValues::integer).stream()
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
