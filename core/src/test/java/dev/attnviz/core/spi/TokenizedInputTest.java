package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Tokens;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TokenizedInputTest {

  private static final List<String> PAIR =
      List.of("[CLS]", "new", "york", "[SEP]", "tor", "##to", "##ise", "city", "[SEP]");

  private static TokenizedInput pair() {
    BitSet special = new BitSet();
    special.set(0);
    special.set(3);
    special.set(8);
    return new TokenizedInput(
        PAIR,
        new long[] {101, 2047, 2259, 102, 1, 2, 3, 4, 102},
        new long[] {0, 0, 0, 0, 1, 1, 1, 1, 1},
        special,
        // Hugging Face word ids restart at 0 in sentence B; "new york" is one word here.
        new long[] {-1, 0, 0, -1, 0, 0, 0, 1, -1});
  }

  @Test
  void whatItHandsOutCannotChangeIt() {
    TokenizedInput input = pair();

    input.ids()[0] = -1;
    input.typeIds()[4] = 0;
    input.special().clear();
    input.wordIds()[1] = 9;

    assertEquals(pair(), input);
  }

  @Test
  void wordsFollowTheTokenizerAndRestartAtSentenceB() {
    Tokens tokens = pair().toTokens();

    assertArrayEquals(new int[] {0, 1, 1, 2, 3, 3, 3, 4, 5}, tokens.wordIndexes());
    assertTrue(tokens.isSpecial(8));
    assertEquals(PAIR, tokens.strings());
  }

  @Test
  void sentenceBStartsAtTheFirstTypeOne() {
    assertEquals(OptionalInt.of(4), pair().sentenceBStart());
    BitSet none = new BitSet();
    assertEquals(
        OptionalInt.empty(),
        new TokenizedInput(List.of("a"), new long[1], new long[1], none, new long[1])
            .sentenceBStart());
  }

  @Test
  void wordIdsOfSentenceBNeverJoinSentenceA() {
    TokenizedInput input =
        new TokenizedInput(
            List.of("a", "b"), new long[2], new long[] {0, 1}, new BitSet(), new long[] {0, 0});

    assertArrayEquals(new int[] {0, 1}, input.toTokens().wordIndexes());
  }

  @Test
  void rejectsArraysOfOtherLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TokenizedInput(
                    List.of("a", "b"), new long[2], new long[1], new BitSet(), new long[2]));

    assertEquals(
        "tokenizer output of 2 tokens has 2 ids, 1 type ids and 2 word ids", e.getMessage());
  }

  @Test
  void copiesItsArrays() {
    long[] ids = {1, 2};
    BitSet special = new BitSet();
    TokenizedInput input =
        new TokenizedInput(List.of("a", "b"), ids, new long[2], special, new long[2]);
    ids[0] = 99;
    special.set(0);

    assertEquals(1, input.ids()[0]);
    assertTrue(input.special().isEmpty());
    assertEquals(
        input,
        new TokenizedInput(
            List.of("a", "b"), new long[] {1, 2}, new long[2], new BitSet(), new long[2]));
    assertNotEquals(input, pair());
  }

  @Test
  void ofTurnsTheSpecialTokenMaskIntoFlags() {
    TokenizedInput input =
        TokenizedInput.of(
            new String[] {"[CLS]", "hi", "[SEP]"},
            new long[] {101, 7592, 102},
            new long[3],
            new long[] {1, 0, 1},
            new long[] {-1, 0, -1});

    assertEquals(List.of("[CLS]", "hi", "[SEP]"), input.tokens());
    assertArrayEquals(new long[] {101, 7592, 102}, input.ids());
    assertEquals(BitSet.valueOf(new long[] {0b101}), input.special());
    assertArrayEquals(new long[] {-1, 0, -1}, input.wordIds());
  }

  @Test
  void ofRejectsAMaskOfAnotherLength() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TokenizedInput.of(
                    new String[] {"a", "b"}, new long[2], new long[2], new long[1], new long[2]));

    assertEquals("tokenizer output of 2 tokens has a special-token mask of 1", e.getMessage());
  }
}
