package dev.attnviz.core;

import static dev.attnviz.core.TokensTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.SentenceFilter.Range;
import dev.attnviz.core.testing.SyntheticAttention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceFilterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "all, 0, 9, 0, 9",
    "aa, 0, 4, 0, 4",
    "ab, 0, 4, 4, 9",
    "ba, 4, 9, 0, 4",
    "bb, 4, 9, 4, 9"
  })
  void rowsAndColumnsOfEachFilter(
      String id, int rowStart, int rowEnd, int columnStart, int columnEnd) {
    SentenceFilter filter = SentenceFilter.fromId(id);

    assertEquals(new Range(rowStart, rowEnd), filter.rows(9, 4));
    assertEquals(new Range(columnStart, columnEnd), filter.columns(9, 4));
    assertEquals(id, filter.id());
  }

  @Test
  void appliesOnlyToPairsAndTheirOwnTokens() {
    AttentionData pair = SyntheticAttention.pair(false);
    AttentionData single = SyntheticAttention.single(false);

    assertTrue(SentenceFilter.A_TO_B.applies(pair, pair.primary()));
    assertFalse(SentenceFilter.ALL.applies(pair, pair.primary()));
    assertFalse(SentenceFilter.A_TO_B.applies(single, single.primary()));
    assertEquals(new Range(0, 4), SentenceFilter.A_TO_B.rows(pair, pair.primary()));
    assertEquals(new Range(4, 9), SentenceFilter.A_TO_B.columns(pair, pair.primary()));
    assertEquals(new Range(0, 8), SentenceFilter.B_TO_B.rows(single, single.primary()));
  }

  @Test
  void rangesValidate() {
    Range range = new Range(2, 5);

    assertEquals(3, range.length());
    assertTrue(range.contains(2));
    assertFalse(range.contains(5));
    assertEquals("invalid range [3, 2)", message(() -> new Range(3, 2)));
    assertEquals(
        "sentence B start 10 outside 0..9", message(() -> SentenceFilter.A_TO_A.rows(9, 10)));
    assertEquals(
        "unknown sentence filter 'xy'; expected one of all, aa, ab, ba, bb",
        message(() -> SentenceFilter.fromId("xy")));
    assertEquals("A \u2192 B", SentenceFilter.A_TO_B.label());
  }
}
