package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenWindowTest {

  private static final double[][] WEIGHTS = {
    {0.5, 0.25, 0.25, 0}, {0.5, 0, 0, 0.5}, {0, 0.1, 0.3, 0.6}, {0, 0, 0, 1}
  };

  private static AttentionData fourTokens() {
    return TestAttention.data(
        TestAttention.selfOneHead(List.of("[CLS]", "a", "b", "[SEP]"), WEIGHTS));
  }

  @Test
  void keepsTheBlockOfTheWindowAsItIs() {
    AttentionData window = TokenWindow.of(fourTokens(), 1, 3);

    Attention attention = window.primary();
    assertEquals(List.of("a", "b"), attention.queryTokens().strings());
    assertEquals(List.of("a", "b"), attention.keyTokens().strings());
    // Rows [0, 0] and [0.1, 0.3]: not re-normalized, the weight outside the window is left out.
    assertArrayEquals(new float[] {0, 0, 0.1f, 0.3f}, attention.weights().toArray(), 1e-7f);
    assertEquals(window.model(), fourTokens().model());
  }

  @Test
  void aWindowPastTheEndIsClippedAndSpecialTokensStaySpecial() {
    Attention attention = TokenWindow.of(fourTokens(), 2, 100).primary();

    assertEquals(List.of("b", "[SEP]"), attention.queryTokens().strings());
    assertTrue(attention.queryTokens().isSpecial(1));
    assertArrayEquals(new float[] {0.3f, 0.6f, 0, 1}, attention.weights().toArray(), 1e-7f);
  }

  @Test
  void anEmptyWindowOrOneStartingPastTheEndIsRefused() {
    assertEquals(
        "token 4 is past the end: there are 4 tokens (0 to 3)",
        assertThrows(IllegalArgumentException.class, () -> TokenWindow.of(fourTokens(), 4, 8))
            .getMessage());
    assertEquals(
        "a token window needs 0 <= first <= last, got 2 to 1",
        assertThrows(IllegalArgumentException.class, () -> TokenWindow.of(fourTokens(), 2, 2))
            .getMessage());
  }
}
