package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.Truncation;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.OverflowPolicy;
import dev.attnviz.core.testing.AttentionAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the embedded model's provider treats short, long, empty and paired input. */
class DefaultModelInputTest {

  /** "word0 word1 ...": each word is one token in MiniLM's WordPiece vocabulary ("word", "##0"). */
  private static String words(int count, String word) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(word).append(' ');
    }
    return text.toString().trim();
  }

  private static AttentionRequest truncating(String textA, String textB) {
    return AttentionRequest.builder()
        .setTextA(textA)
        .optTextB(textB)
        .optOverflow(OverflowPolicy.TRUNCATE)
        .build();
  }

  @Test
  void limitIsThe512PositionsOfTheGraph() throws Exception {
    assertEquals(512, DefaultModel.provider().maxTokens());
  }

  @Test
  void shortInputIsNotPaddedToTheTokenizerFilesFixedLength() throws Exception {
    AttentionData data = DefaultModel.provider().compute(AttentionRequest.of("Hi"));

    assertEquals(List.of("[CLS]", "hi", "[SEP]"), data.primary().queryTokens().strings());
    assertEquals(3, data.primary().weights().dim3());
  }

  @Test
  void inputLongerThanTheTokenizerFilesTruncationLengthIsKeptWhole() throws Exception {
    AttentionData data = DefaultModel.provider().compute(AttentionRequest.of(words(300, "cat")));

    assertEquals(302, data.primary().queryTokens().size());
    assertTrue(data.truncation().isEmpty());
  }

  @Test
  void tokensKnowSpecialTokensAndWords() throws Exception {
    Tokens tokens =
        DefaultModel.provider()
            .compute(AttentionRequest.of("Tokenization rabbits"))
            .primary()
            .queryTokens();

    assertEquals("[CLS]", tokens.get(0));
    assertTrue(tokens.isSpecial(0));
    assertTrue(tokens.isSpecial(tokens.size() - 1));
    assertFalse(tokens.isSpecial(1));
    assertEquals(List.of("[CLS]", "token", "##ization", "rabbits", "[SEP]"), tokens.strings());
    assertEquals(tokens.wordOf(1), tokens.wordOf(2), "pieces of 'tokenization' form one word");
    assertEquals(4, tokens.wordCount(), "[CLS], tokenization, rabbits, [SEP]");
  }

  @Test
  void vectorsOnlyWhenAskedFor() throws Exception {
    AttentionData data = DefaultModel.provider().compute(AttentionRequest.of("The cat sat"));

    assertFalse(data.hasVectors());
  }

  @Test
  void emptyTextIsRejectedWithTheSharedMessage() throws Exception {
    AttentionProvider provider = DefaultModel.provider();
    for (String text : List.of("", "   \n\t")) {
      AttentionException e =
          assertThrows(AttentionException.class, () -> provider.compute(AttentionRequest.of(text)));
      assertEquals(AttentionException.Reason.INPUT_EMPTY, e.reason());
      assertEquals("The text is empty. Type a sentence to see its attention.", e.getMessage());
    }
  }

  @Test
  void overlongInputIsRejectedUnlessTruncationIsAllowed() throws Exception {
    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> DefaultModel.provider().compute(AttentionRequest.of(words(600, "cat"))));

    assertEquals(AttentionException.Reason.INPUT_TOO_LONG, e.reason());
    assertEquals(
        "The input has 602 tokens but all-minilm-l6-v2 takes at most 512. Shorten the text, or"
            + " allow truncation to keep the first 512.",
        e.getMessage());
  }

  @Test
  void overlongInputIsCutToTheLimitAndSaysSo() throws Exception {
    AttentionData data = DefaultModel.provider().compute(truncating(words(600, "cat"), null));

    assertEquals(new Truncation(602, 512), data.truncation().orElseThrow());
    Tokens tokens = data.primary().queryTokens();
    assertEquals(512, tokens.size());
    assertEquals("[CLS]", tokens.get(0));
    assertEquals("[SEP]", tokens.get(511));
    AttentionAssertions.assertRowsSumToOne(data, 1e-5);
  }

  @Test
  void overlongPairLosesTokensFromTheLongerSentenceFirst() throws Exception {
    AttentionData data =
        DefaultModel.provider().compute(truncating(words(600, "cat"), "the dog ran"));

    assertEquals(new Truncation(606, 512), data.truncation().orElseThrow());
    Tokens tokens = data.primary().queryTokens();
    assertEquals(512, tokens.size());
    int b = data.sentenceBStart().orElseThrow();
    assertEquals(List.of("the", "dog", "ran", "[SEP]"), tokens.strings().subList(b, 512));
  }
}
