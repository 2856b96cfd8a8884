package dev.attnviz.core.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the dictionary of a {@code .npy} header, a Python literal such as {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (12, 12, 8, 8), }}, followed by spaces and a newline.
 *
 * <p>Deliberately strict: it accepts exactly the three keys NumPy writes, quoted strings, {@code
 * True}/{@code False} and tuples of non-negative integers, and nothing else. Anything that would
 * need Python to evaluate (or unpickle) is refused.
 */
final class NpyHeaderParser {

  /** The parsed dictionary. */
  record Fields(String descr, boolean fortranOrder, long[] shape) {}

  private static final String ADVICE =
      "The array header is not one NumPy writes; save the array again with numpy.savez";

  private final String text;
  private final String where;
  private int pos;

  private NpyHeaderParser(String text, String where) {
    this.text = text;
    this.where = where;
  }

  /**
   * Parses a header dictionary.
   *
   * @param where the array, for messages, e.g. {@code "attention.npy"}
   */
  static Fields parse(String text, String where) throws InvalidFileException {
    return new NpyHeaderParser(text, where).dictionary();
  }

  private Fields dictionary() throws InvalidFileException {
    skipSpaces();
    expect('{');
    Map<String, Object> values = new HashMap<>();
    skipSpaces();
    while (peek() != '}') {
      String key = string();
      if (!List.of("descr", "fortran_order", "shape").contains(key)) {
        throw fail(
            "unexpected key '" + key + "' (only descr, fortran_order and shape are allowed)");
      }
      skipSpaces();
      expect(':');
      skipSpaces();
      Object value =
          switch (key) {
            case "descr" -> descr();
            case "fortran_order" -> bool();
            default -> tuple();
          };
      if (values.put(key, value) != null) {
        throw fail("the key '" + key + "' appears twice");
      }
      skipSpaces();
      if (peek() == ',') {
        pos++;
        skipSpaces();
      } else if (peek() != '}') {
        throw fail("expected ',' or '}' at position " + pos);
      }
    }
    pos++;
    // NumPy pads the header with spaces and ends it with a newline; nothing else may follow.
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\0') {
        throw fail("unexpected text after the dictionary");
      }
    }
    for (String key : List.of("descr", "fortran_order", "shape")) {
      if (!values.containsKey(key)) {
        throw fail("the key '" + key + "' is missing");
      }
    }
    return new Fields(
        (String) values.get("descr"),
        (Boolean) values.get("fortran_order"),
        (long[]) values.get("shape"));
  }

  private String descr() throws InvalidFileException {
    if (peek() == '[') {
      throw new InvalidFileException(
          where + " is a structured array (record data type), which attnviz does not read",
          "Save each field as its own plain array");
    }
    return string();
  }

  private String string() throws InvalidFileException {
    char quote = peek();
    if (quote != '\'' && quote != '"') {
      throw fail("expected a quoted string at position " + pos);
    }
    int end = text.indexOf(quote, pos + 1);
    if (end < 0) {
      throw fail("a string is not closed");
    }
    String value = text.substring(pos + 1, end);
    if (value.indexOf('\\') >= 0) {
      throw fail("escape sequences are not allowed in the header");
    }
    pos = end + 1;
    return value;
  }

  private Boolean bool() throws InvalidFileException {
    if (text.startsWith("True", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("False", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    throw fail("fortran_order must be True or False");
  }

  private long[] tuple() throws InvalidFileException {
    expect('(');
    List<Long> dims = new ArrayList<>();
    skipSpaces();
    while (peek() != ')') {
      dims.add(integer());
      skipSpaces();
      if (peek() == ',') {
        pos++;
        skipSpaces();
      } else if (peek() != ')') {
        throw fail("expected ',' or ')' in the shape at position " + pos);
      }
    }
    pos++;
    if (dims.size() > 32) {
      throw fail("the shape has " + dims.size() + " dimensions");
    }
    return dims.stream().mapToLong(Long::longValue).toArray();
  }

  private long integer() throws InvalidFileException {
    int start = pos;
    long value = 0;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      int digit = text.charAt(pos++) - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw new InvalidFileException(
            where + " declares a dimension too large to exist: " + text.substring(start, pos),
            "The file is damaged; save the array again");
      }
      value = value * 10 + digit;
    }
    if (pos == start) {
      throw fail("the shape must hold non-negative integers (position " + pos + ")");
    }
    // Python 2 wrote long integers with an L suffix, e.g. (3L, 4L).
    if (peek() == 'L') {
      pos++;
    }
    return value;
  }

  private void expect(char c) throws InvalidFileException {
    if (peek() != c) {
      throw fail("expected '" + c + "' at position " + pos);
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private InvalidFileException fail(String what) {
    return new InvalidFileException(where + " has an invalid header: " + what, ADVICE);
  }
}
