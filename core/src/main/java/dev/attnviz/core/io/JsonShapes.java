package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Measures a nested array of numbers such as the weights {@code [layer][head][query][key]} without
 * keeping its numbers, and checks on the way that it is rectangular and holds only numbers. The
 * numbers are not even converted: this pass only walks the tokens.
 */
final class JsonShapes {

  private JsonShapes() {}

  /**
   * Walks the nested array at the parser's current token ({@code [}) to its end.
   *
   * @param axes the nesting as written in messages, e.g. {@code [layer][head][query][key]}; its
   *     number of brackets is the depth
   * @return the size of each level; levels below an empty array count 0
   * @throws InvalidFileException naming the path of the first array whose length differs from its
   *     siblings', or of the first value that is not a number
   */
  static long[] measure(JsonParser parser, String axes) throws InvalidFileException, IOException {
    int depth = (int) axes.chars().filter(c -> c == '[').count();
    JsonValues.requireArray(parser, "an array nested " + depth + " deep: " + axes);
    long[] shape = new long[depth];
    Arrays.fill(shape, -1);
    level(parser, 0, shape, axes);
    for (int i = 0; i < depth; i++) {
      shape[i] = Math.max(0, shape[i]);
    }
    return shape;
  }

  private static void level(JsonParser parser, int level, long[] shape, String axes)
      throws InvalidFileException, IOException {
    long count = 0;
    for (JsonToken token = parser.nextToken();
        token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (level + 1 < shape.length) {
        if (token != JsonToken.START_ARRAY) {
          throw nesting(parser, "an array", axes);
        }
        level(parser, level + 1, shape, axes);
      } else if (token == null || !token.isNumeric()) {
        throw nesting(parser, "a number", axes);
      }
      count++;
    }
    if (shape[level] < 0) {
      shape[level] = count;
    } else if (shape[level] != count) {
      // At the closing bracket the context is the parent's, which points at this array.
      throw new InvalidFileException(
          JsonValues.where(parser)
              + " has "
              + count
              + (count == 1 ? " entry" : " entries")
              + ", expected "
              + shape[level],
          "Every array at one level must have the same length: " + axes + " (see docs/FORMAT.md)");
    }
  }

  private static InvalidFileException nesting(JsonParser parser, String expected, String axes) {
    return new InvalidFileException(
        JsonValues.where(parser)
            + " must be "
            + expected
            + ", but is "
            + JsonFormat.describe(parser.currentToken())
            + " (the nesting is "
            + axes
            + ")",
        JsonFormat.FORMAT_ADVICE);
  }
}
