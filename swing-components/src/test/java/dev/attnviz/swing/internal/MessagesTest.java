package dev.attnviz.swing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle and the code agree: every key the code passes to {@link Messages} is in {@code
 * Messages.properties}, every key there is used, and each value suits the method that reads it
 * (plain text for {@code text}, a {@link MessageFormat} pattern for {@code format}). The keys are
 * read from the main sources: every string literal inside a {@code Messages.text(...)} or {@code
 * Messages.format(...)} call that looks like a key ({@code word.word}).
 */
class MessagesTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern CALL = Pattern.compile("Messages\\.(text|format)\\(");
  private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
  private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
  private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

  private final Set<String> textKeys = new TreeSet<>();
  private final Set<String> formatKeys = new TreeSet<>();
  private final Properties bundle = bundle();

  MessagesTest() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(this::collectKeys);
    }
  }

  @Test
  void everyKeyTheCodeUsesIsInTheBundle() {
    assertTrue(textKeys.size() + formatKeys.size() > 100, "the scan finds the keys");
    Set<String> missing = new TreeSet<>(textKeys);
    missing.addAll(formatKeys);
    missing.removeAll(bundle.stringPropertyNames());
    assertEquals(Set.of(), missing, "keys used in the code but not in Messages.properties");
  }

  @Test
  void everyKeyInTheBundleIsUsed() {
    Set<String> unused = new TreeSet<>(bundle.stringPropertyNames());
    unused.removeAll(textKeys);
    unused.removeAll(formatKeys);
    assertEquals(Set.of(), unused, "keys in Messages.properties that no code reads");
  }

  @Test
  void plainTextsHaveNoPatternSyntaxAndPatternsQuoteApostrophesTwice() {
    Set<String> both = new TreeSet<>(textKeys);
    both.retainAll(formatKeys);
    assertEquals(Set.of(), both, "a key is either plain text or a pattern, not both");
    for (String key : textKeys) {
      String value = bundle.getProperty(key, "");
      assertTrue(
          !ARGUMENT.matcher(value).find() && !value.contains("''"),
          key + " is read as plain text but looks like a pattern: " + value);
    }
    for (String key : formatKeys) {
      String value = bundle.getProperty(key, "");
      assertTrue(
          !LONE_QUOTE.matcher(value).find(),
          key + " is a MessageFormat pattern: write an apostrophe twice: " + value);
      new MessageFormat(value, Locale.ROOT); // throws on a malformed pattern
    }
  }

  @Test
  void formatWritesNumbersTheSameInEveryLocaleAndTextReadsPlainValues() {
    assertEquals(
        "Token 'cat' (index 12345) is locked.",
        Messages.format(Locale.GERMANY, "describe.locked", "cat", 12345));
    assertEquals("Head view", Messages.text(Locale.ROOT, "headView.name"));
    assertEquals(
        "This data has no query and key vectors: compute with 'queries and keys' on, or load a"
            + " file that has them",
        Messages.text(Locale.ROOT, "neuron.noVectors"));
  }

  /** Adds the key literals of every Messages call in {@code file}. */
  private void collectKeys(Path file) {
    String source;
    try {
      source = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher call = CALL.matcher(source);
    while (call.find()) {
      Set<String> keys = call.group(1).equals("text") ? textKeys : formatKeys;
      Matcher key = KEY.matcher(arguments(source, call.end()));
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
  }

  /** The text from {@code start} to the parenthesis that closes the call opened just before. */
  private static String arguments(String source, int start) {
    int depth = 1;
    int i = start;
    boolean inString = false;
    for (; i < source.length() && depth > 0; i++) {
      char c = source.charAt(i);
      if (c == '\\' && inString) {
        i++;
      } else if (c == '\'' && !inString) {
        i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
      } else if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')') {
        depth--;
      }
    }
    return source.substring(start, i);
  }

  private static Properties bundle() {
    Properties properties = new Properties();
    try (InputStream in =
        MessagesTest.class.getResourceAsStream("/dev/attnviz/swing/Messages.properties")) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
