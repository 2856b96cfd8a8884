package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.core.Truncation;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenizedRequestTest {

  private static final TokenizedInput TWO_TOKENS =
      new TokenizedInput(List.of("a", "b"), new long[2], new long[2], new BitSet(), new long[2]);

  @Test
  void truncationMustDescribeTheInput() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TokenizedRequest(TWO_TOKENS, Optional.of(new Truncation(9, 3))));

    assertEquals("the truncation kept 3 tokens but the input has 2", e.getMessage());
    assertEquals(
        Optional.of(new Truncation(9, 2)),
        new TokenizedRequest(TWO_TOKENS, Optional.of(new Truncation(9, 2))).truncation());
  }
}
