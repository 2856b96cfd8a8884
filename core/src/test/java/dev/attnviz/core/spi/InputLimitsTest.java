package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Truncation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputLimitsTest {

  @Test
  void rejectsBlankText() {
    AttentionException e =
        assertThrows(
            AttentionException.class, () -> InputLimits.requireText(AttentionRequest.of(" \n\t")));

    assertEquals(Reason.INPUT_EMPTY, e.reason());
    assertEquals("The text is empty. Type a sentence to see its attention.", e.getMessage());
    assertDoesNotThrow(() -> InputLimits.requireText(AttentionRequest.of("x")));
  }

  @Test
  void inputThatFitsNeedsNoTruncation() throws Exception {
    assertEquals(
        Optional.empty(), InputLimits.checkLength(AttentionRequest.of("x"), 512, 512, "bert"));
  }

  @Test
  void overlongInputIsRejectedByDefault() {
    AttentionException e =
        assertThrows(
            AttentionException.class,
            () -> InputLimits.checkLength(AttentionRequest.of("x"), 600, 512, "bert-base-uncased"));

    assertEquals(Reason.INPUT_TOO_LONG, e.reason());
    assertEquals(
        "The input has 600 tokens but bert-base-uncased takes at most 512. Shorten the text, or"
            + " allow truncation to keep the first 512.",
        e.getMessage());
  }

  @Test
  void overlongInputIsTruncatedWhenAllowed() throws Exception {
    AttentionRequest request =
        AttentionRequest.builder().setTextA("x").optOverflow(OverflowPolicy.TRUNCATE).build();

    assertEquals(
        Optional.of(new Truncation(600, 512)), InputLimits.checkLength(request, 600, 512, "bert"));
  }

  @Test
  void fakeProviderFollowsTheLimits() throws Exception {
    try (AttentionProvider provider =
        new FakeProviderFactory().open(ModelSource.embeddedDefault())) {
      AttentionRequest longText =
          AttentionRequest.builder()
              .setTextA("one two three four five six seven eight")
              .optOverflow(OverflowPolicy.TRUNCATE)
              .build();

      assertEquals(
          new Truncation(10, FakeProviderFactory.MAX_TOKENS),
          provider.compute(longText).truncation().orElseThrow());
      assertEquals(
          Reason.INPUT_EMPTY,
          assertThrows(AttentionException.class, () -> provider.compute(AttentionRequest.of("")))
              .reason());
    }
  }
}
