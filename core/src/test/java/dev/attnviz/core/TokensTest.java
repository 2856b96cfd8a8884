package dev.attnviz.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void infersWordPieceWords() {
    Tokens tokens = Tokens.of(List.of("[CLS]", "the", "tor", "##to", "##ise", "[SEP]", "##x"));

    assertArrayEquals(new int[] {0, 1, 2, 2, 2, 3, 4}, tokens.wordIndexes());
    assertEquals(5, tokens.wordCount());
    assertTrue(tokens.isSpecial(0));
    assertTrue(tokens.isSpecial(5));
    assertFalse(tokens.isSpecial(1));
    assertEquals(2, tokens.wordStart(2));
    assertEquals(5, tokens.wordEnd(2));
  }

  @Test
  void infersByteLevelBpeWords() {
    Tokens tokens = Tokens.of(List.of("<s>", "The", "\u0120tort", "oise", "\u0120ran", "</s>"));

    assertArrayEquals(new int[] {0, 1, 2, 2, 3, 4}, tokens.wordIndexes());
    assertTrue(tokens.isSpecial(0));
    assertTrue(tokens.isSpecial(5));
  }

  @Test
  void infersSentencePieceWords() {
    Tokens tokens = Tokens.of(List.of("\u2581Das", "\u2581Ha", "us", "\u2581ist", "</s>"));

    assertArrayEquals(new int[] {0, 1, 1, 2, 3}, tokens.wordIndexes());
    assertTrue(tokens.isSpecial(4));
    assertTrue(tokens.hasSpecial());
  }

  @Test
  void knowsTheCommonSpecialTokens() {
    Tokens tokens = Tokens.of(List.of("<|endoftext|>", "[MASK]", "<pad>", "hello"));

    assertEquals(0b0111, tokens.specialMask().toLongArray()[0]);
    assertFalse(Tokens.of(List.of("hello")).hasSpecial());
  }

  @Test
  void acceptsExplicitWordsAndFlags() {
    BitSet special = new BitSet();
    special.set(0);

    Tokens tokens = Tokens.of(List.of("<bos>", "New", "York"), special, new int[] {0, 1, 1});

    assertEquals(2, tokens.wordCount());
    assertEquals(1, tokens.wordOf(2));
  }

  @Test
  void rejectsInvalidExplicitWords() {
    List<String> strings = List.of("a", "b", "c");

    assertEquals(
        "wordOf must start at 0 and grow by 0 or 1 per token, but wordOf[0] = 1 follows -1",
        message(() -> Tokens.of(strings, new BitSet(), new int[] {1, 1, 2})));
    assertEquals(
        "wordOf must start at 0 and grow by 0 or 1 per token, but wordOf[2] = 3 follows 1",
        message(() -> Tokens.of(strings, new BitSet(), new int[] {0, 1, 3})));
    assertEquals(
        "wordOf must start at 0 and grow by 0 or 1 per token, but wordOf[2] = 0 follows 1",
        message(() -> Tokens.of(strings, new BitSet(), new int[] {0, 1, 0})));
    assertEquals(
        "wordOf has 2 entries for 3 tokens",
        message(() -> Tokens.of(strings, new BitSet(), new int[] {0, 1})));
    BitSet tooFar = new BitSet();
    tooFar.set(3);
    assertEquals(
        "special marks token 3 but there are 3",
        message(() -> Tokens.of(strings, tooFar, new int[] {0, 1, 2})));
  }

  @Test
  void isImmutable() {
    List<String> strings = new ArrayList<>(List.of("[CLS]", "a"));
    BitSet special = new BitSet();
    special.set(0);
    int[] words = {0, 1};
    Tokens tokens = Tokens.of(strings, special, words);

    strings.set(1, "b");
    special.set(1);
    words[1] = 0;
    tokens.specialMask().set(1);
    tokens.wordIndexes()[1] = 0;

    assertEquals(List.of("[CLS]", "a"), tokens.strings());
    assertFalse(tokens.isSpecial(1));
    assertEquals(1, tokens.wordOf(1));
    assertThrows(UnsupportedOperationException.class, () -> tokens.strings().set(0, "x"));
  }

  @Test
  void checksIndexes() {
    Tokens tokens = Tokens.of(List.of("a", "b"));

    assertThrows(IndexOutOfBoundsException.class, () -> tokens.isSpecial(2));
    assertThrows(IndexOutOfBoundsException.class, () -> tokens.wordOf(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> tokens.wordStart(2));
    assertThrows(IndexOutOfBoundsException.class, () -> tokens.prefix(3));
  }

  @Test
  void prefixKeepsFlagsAndWords() {
    Tokens tokens = Tokens.of(List.of("[CLS]", "tor", "##to", "##ise"));

    Tokens prefix = tokens.prefix(3);

    assertEquals(List.of("[CLS]", "tor", "##to"), prefix.strings());
    assertTrue(prefix.isSpecial(0));
    assertEquals(prefix.wordOf(1), prefix.wordOf(2));
  }

  @Test
  void equalityIncludesFlagsAndWords() {
    List<String> strings = List.of("a", "b");
    Tokens inferred = Tokens.of(strings);

    assertEquals(inferred, Tokens.of(strings, new BitSet(), new int[] {0, 1}));
    assertEquals(inferred.hashCode(), Tokens.of(strings).hashCode());
    assertNotEquals(inferred, Tokens.of(strings, new BitSet(), new int[] {0, 0}));
    BitSet special = new BitSet();
    special.set(1);
    assertNotEquals(inferred, Tokens.of(strings, special, new int[] {0, 1}));
  }

  @Test
  void rejectsNullTokens() {
    List<String> withNull = new ArrayList<>();
    withNull.add(null);

    assertThrows(NullPointerException.class, () -> Tokens.of(withNull));
  }

  static String message(Runnable failing) {
    return assertThrows(IllegalArgumentException.class, failing::run).getMessage();
  }
}
