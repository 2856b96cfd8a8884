package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenMappingTest {

  private static final Tokens PIECES =
      Tokens.of(List.of("[CLS]", "un", "##like", "[SEP]", "b", "[SEP]"));

  @Test
  void withoutSpecialKeepsTheOtherTokensInOrder() {
    TokenMapping mapping = TokenMapping.withoutSpecial(PIECES);

    assertEquals(3, mapping.size());
    assertEquals(6, mapping.originalCount());
    assertEquals(1, mapping.originalStart(0));
    assertEquals(2, mapping.originalEnd(0));
    assertEquals(4, mapping.originalStart(2));
    assertEquals(-1, mapping.indexOf(0), "[CLS] is dropped");
    assertEquals(1, mapping.indexOf(2));
    assertEquals(2, mapping.firstIndexFrom(3), "start of sentence B lands on b");
    assertEquals(3, mapping.firstIndexFrom(5), "nothing after the last [SEP]");
  }

  @Test
  void byWordMapsEachWordToItsPieces() {
    TokenMapping mapping = TokenMapping.byWord(PIECES);

    assertEquals(5, mapping.size());
    assertEquals(1, mapping.originalStart(1));
    assertEquals(3, mapping.originalEnd(1));
    assertEquals(1, mapping.indexOf(1));
    assertEquals(1, mapping.indexOf(2), "##like belongs to word 1");
    assertEquals(3, mapping.firstIndexFrom(4));
  }
}
