package dev.attnviz.core.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations that know JSON's shape: numbers replaced by edge values, field names swapped,
 * structural characters and values inserted, array elements duplicated or dropped (ragged arrays),
 * strings replaced by other types, odd encodings; plus the format-blind {@link ByteMutations}.
 */
final class JsonMutations {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]++|\\\\.)*+\"");

  private static final String[] NUMBERS = {
    "0",
    "-1",
    "1",
    "2",
    "1.0000001",
    "1.5",
    "-0.0",
    "0.5e",
    "1e39",
    "-1e39",
    "1e-50",
    "NaN",
    "Infinity",
    "-Infinity",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "99999999999999999999999999999",
    "1".repeat(1200),
    "0x10",
    "01",
    "1,",
  };

  private static final String[] FIELDS = {
    "format",
    "version",
    "model",
    "name",
    "backend",
    "causal",
    "sentenceBStart",
    "truncation",
    "originalTokens",
    "keptTokens",
    "attention",
    "kind",
    "queryTokens",
    "keyTokens",
    "querySpecial",
    "keySpecial",
    "queryWords",
    "keyWords",
    "weights",
    "queries",
    "keys",
    "",
    "x"
  };

  private static final String[] SNIPPETS = {
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "[]",
    "{}",
    "\"x\"",
    "1",
    "[[[[",
    "]]]]",
    "\"self\"",
    "\"cross\"",
    "\"encoder\"",
    ",\"kind\":\"decoder\"",
    "{\"a\":",
    "\\u0000",
    "\uFEFF"
  };

  private JsonMutations() {}

  /** One to three mutations chosen at random. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] out = seed;
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      out = once(out, random);
    }
    return out;
  }

  private static byte[] once(byte[] in, Random random) {
    String text = new String(in, StandardCharsets.UTF_8);
    return switch (random.nextInt(10)) {
      case 0 -> bytes(replaceOne(text, NUMBER, random, pick(NUMBERS, random)));
      case 1 -> bytes(replaceOne(text, NUMBER, random, pick(NUMBERS, random)));
      case 2 -> bytes(renameField(text, random));
      case 3 -> bytes(insertAt(text, random, pick(SNIPPETS, random)));
      case 4 -> bytes(duplicateElement(text, random));
      case 5 -> bytes(dropElement(text, random));
      case 6 ->
          bytes(replaceOne(text, STRING, random, pick(new String[] {"1", "null", "[]"}, random)));
      case 7 -> bytes(insertAt(text, random, deep(random)));
      case 8 -> encoding(in, random);
      default -> ByteMutations.any(in, random);
    };
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String pick(String[] choices, Random random) {
    return choices[random.nextInt(choices.length)];
  }

  /** Replaces one match of {@code pattern}, chosen at random, with {@code replacement}. */
  private static String replaceOne(
      String text, Pattern pattern, Random random, String replacement) {
    List<int[]> matches = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      matches.add(new int[] {m.start(), m.end()});
    }
    if (matches.isEmpty()) {
      return text;
    }
    int[] chosen = matches.get(random.nextInt(matches.size()));
    return text.substring(0, chosen[0]) + replacement + text.substring(chosen[1]);
  }

  private static String renameField(String text, Random random) {
    return replaceOne(
        text,
        Pattern.compile("\"(" + String.join("|", List.of(FIELDS).subList(0, 21)) + ")\"(?=\\s*:)"),
        random,
        "\"" + pick(FIELDS, random) + "\"");
  }

  private static String insertAt(String text, Random random, String snippet) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + snippet + text.substring(at);
  }

  /** Very deep nesting, or a very long string or number. */
  private static String deep(Random random) {
    int n = 1 + random.nextInt(3000);
    return switch (random.nextInt(3)) {
      case 0 -> "[".repeat(n) + "]".repeat(random.nextInt(n + 1));
      case 1 -> "\"" + "a".repeat(n * 10) + "\"";
      default -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
    };
  }

  /** Copies one bracketed array next to itself: a row or matrix too many. */
  private static String duplicateElement(String text, Random random) {
    int[] span = arraySpan(text, random);
    if (span == null) {
      return text;
    }
    String element = text.substring(span[0], span[1]);
    return text.substring(0, span[1]) + "," + element + text.substring(span[1]);
  }

  /** Removes one number or array from an array: a row or entry too few. */
  private static String dropElement(String text, Random random) {
    if (random.nextBoolean()) {
      int[] span = arraySpan(text, random);
      if (span != null && span[1] < text.length() && text.charAt(span[1]) == ',') {
        return text.substring(0, span[0]) + text.substring(span[1] + 1);
      }
      return text;
    }
    return replaceOne(text, Pattern.compile(",\\s*" + NUMBER.pattern()), random, "");
  }

  /** Start and end of the array opened at a random {@code [}, or null. */
  private static int[] arraySpan(String text, Random random) {
    List<Integer> opens = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '[') {
        opens.add(i);
      }
    }
    if (opens.isEmpty()) {
      return null;
    }
    int start = opens.get(random.nextInt(opens.size()));
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return new int[] {start, i + 1};
      }
    }
    return null;
  }

  /** A byte order mark, invalid UTF-8, UTF-16 or a NUL where a reader may not expect it. */
  private static byte[] encoding(byte[] in, Random random) {
    byte[][] odd = {
      {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
      {(byte) 0xc3},
      {(byte) 0xff, (byte) 0xfe},
      {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
      {0}
    };
    if (random.nextInt(4) == 0) {
      return new String(in, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
    }
    return ByteMutations.splice(
        in, random.nextInt(in.length + 1), 0, odd[random.nextInt(odd.length)]);
  }
}
