package dev.attnviz.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.attnviz.core.Tensor4D;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The second pass over a JSON attention file: parses the numbers of every tensor straight into its
 * pre-allocated {@link Tensor4D.Builder}, one row at a time. The first pass has checked the
 * structure; if it is different now, the file changed in between.
 */
final class JsonTensorFiller {

  /** A tensor to fill and its shape. */
  record Target(Tensor4D.Builder builder, long[] shape) {}

  private JsonTensorFiller() {}

  /**
   * Fills the tensors of every element of {@code "attention"}.
   *
   * @param parser at the {@code [} of the top-level {@code "attention"} array
   * @param targets per element, in file order: the tensors to fill by field name ({@code weights},
   *     {@code queries}, {@code keys})
   */
  static void fill(JsonParser parser, List<Map<String, Target>> targets)
      throws InvalidFileException, IOException {
    expect(parser.currentToken(), JsonToken.START_ARRAY);
    for (Map<String, Target> element : targets) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        Target target = element.get(parser.currentName());
        JsonToken value = parser.nextToken();
        if (target == null || value == JsonToken.VALUE_NULL) {
          parser.skipChildren();
        } else {
          fillTensor(parser, target);
        }
      }
    }
    expect(parser.nextToken(), JsonToken.END_ARRAY);
  }

  private static void fillTensor(JsonParser parser, Target target)
      throws InvalidFileException, IOException {
    long[] shape = target.shape();
    float[] row = new float[(int) shape[3]];
    expect(parser.currentToken(), JsonToken.START_ARRAY);
    for (int i0 = 0; i0 < shape[0]; i0++) {
      expect(parser.nextToken(), JsonToken.START_ARRAY);
      for (int i1 = 0; i1 < shape[1]; i1++) {
        expect(parser.nextToken(), JsonToken.START_ARRAY);
        for (int i2 = 0; i2 < shape[2]; i2++) {
          expect(parser.nextToken(), JsonToken.START_ARRAY);
          for (int i3 = 0; i3 < row.length; i3++) {
            JsonToken token = parser.nextToken();
            if (token == null || !token.isNumeric()) {
              throw JsonLayoutScanner.changedWhileReading();
            }
            // Parsed as float directly (not via double), so written floats read back exactly.
            row[i3] = parser.getFloatValue();
          }
          expect(parser.nextToken(), JsonToken.END_ARRAY);
          target.builder().setRow(i0, i1, i2, row, 0);
        }
        expect(parser.nextToken(), JsonToken.END_ARRAY);
      }
      expect(parser.nextToken(), JsonToken.END_ARRAY);
    }
    expect(parser.nextToken(), JsonToken.END_ARRAY);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws InvalidFileException {
    if (actual != expected) {
      throw JsonLayoutScanner.changedWhileReading();
    }
  }
}
