package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.core.testing.AttentionAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Empty and overlong input on the embedded BERT-base uncased (at most 128 tokens). */
@ExtendWith(DefaultModelExtension.class)
class DefaultModelInputTest {

  /** 200 words, each one token: 202 tokens with [CLS] and [SEP]. */
  private static final String LONG_TEXT = "word ".repeat(200);

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t"})
  void emptyTextIsRefused(String text, AttentionProvider provider) {
    AttentionException e =
        assertThrows(AttentionException.class, () -> provider.compute(AttentionRequest.of(text)));

    assertEquals(Reason.INPUT_EMPTY, e.reason());
    assertEquals("The text is empty. Type a sentence to see its attention.", e.getMessage());
  }

  @Test
  void tooLongTextIsRejectedByDefault(AttentionProvider provider) {
    AttentionException e =
        assertThrows(
            AttentionException.class, () -> provider.compute(AttentionRequest.of(LONG_TEXT)));

    assertEquals(Reason.INPUT_TOO_LONG, e.reason());
    assertEquals(
        "The input has 202 tokens but bert-base-uncased takes at most 128. Shorten the text, or"
            + " allow truncation to keep the first 128.",
        e.getMessage());
  }

  @Test
  void tooLongTextIsTruncatedWhenAllowed(AttentionProvider provider) throws AttentionException {
    AttentionData data =
        provider.compute(
            AttentionRequest.builder()
                .setTextA(LONG_TEXT)
                .optOverflow(OverflowPolicy.TRUNCATE)
                .build());

    assertEquals(202, data.truncation().orElseThrow().originalTokenCount());
    assertEquals(128, data.truncation().orElseThrow().keptTokenCount());
    Tokens tokens = data.primary().queryTokens();
    assertEquals(128, tokens.size());
    assertEquals("[CLS]", tokens.get(0));
    assertEquals("word", tokens.get(126));
    assertEquals("[SEP]", tokens.get(127));
    AttentionAssertions.assertRowsSumToOne(data, 1e-5);
  }

  @Test
  void aTooLongPairIsTruncatedLongestFirst(AttentionProvider provider) throws AttentionException {
    AttentionData data =
        provider.compute(
            AttentionRequest.builder()
                .setTextA(LONG_TEXT)
                .optTextB("the turtle slowly crawled")
                .optOverflow(OverflowPolicy.TRUNCATE)
                .build());

    assertEquals(207, data.truncation().orElseThrow().originalTokenCount());
    assertEquals(128, data.primary().queryTokens().size());
    // Sentence A (200 tokens) is cut, the short sentence B keeps all four: 1 + 121 + 1 + 4 + 1.
    assertEquals(123, data.sentenceBStart().orElseThrow());
    assertEquals("the", data.primary().queryTokens().get(123));
    AttentionAssertions.assertRowsSumToOne(data, 1e-5);
  }

  @Test
  void inputOfExactlyTheMaximumIsNotTruncated(AttentionProvider provider)
      throws AttentionException {
    AttentionData data = provider.compute(AttentionRequest.of("word ".repeat(126)));

    assertEquals(128, data.primary().queryTokens().size());
    assertTrue(data.truncation().isEmpty());
  }
}
