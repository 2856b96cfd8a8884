package dev.attnviz.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.Truncation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RequestTokenizerTest {

  private static final int MAX_TOKENS = 5;

  private static final AttentionRequest TRUNCATE =
      AttentionRequest.builder()
          .setTextA("a long text")
          .optOverflow(OverflowPolicy.TRUNCATE)
          .build();

  private static final AttentionRequest REJECT = AttentionRequest.of("a long text");

  /** {@code n} tokens: {@code [CLS]}, words, {@code [SEP]}, as a tokenizer would give them. */
  private static TokenizedInput input(int n) {
    String[] tokens = new String[n];
    long[] ids = new long[n];
    long[] mask = new long[n];
    long[] wordIds = new long[n];
    for (int i = 0; i < n; i++) {
      boolean special = i == 0 || i == n - 1;
      tokens[i] = special ? (i == 0 ? "[CLS]" : "[SEP]") : "w" + i;
      ids[i] = 100 + i;
      mask[i] = special ? 1 : 0;
      wordIds[i] = special ? -1 : i - 1;
    }
    return TokenizedInput.of(tokens, ids, new long[n], mask, wordIds);
  }

  /** A tokenizer function that gives {@code result} and records the requests it was given. */
  private static Function<AttentionRequest, TokenizedInput> giving(
      TokenizedInput result, List<AttentionRequest> calls) {
    return request -> {
      calls.add(request);
      return result;
    };
  }

  private static Function<AttentionRequest, TokenizedInput> neverCalled() {
    return request -> {
      throw new AssertionError("the truncating tokenizer was called for " + request);
    };
  }

  /** Tokenizes {@code request} for a bert model with these tokenizer functions. */
  private static TokenizedRequest tokenize(
      AttentionRequest request,
      Function<AttentionRequest, TokenizedInput> whole,
      Function<AttentionRequest, TokenizedInput> truncating)
      throws AttentionException {
    return RequestTokenizer.tokenize(request, "bert-base-uncased", MAX_TOKENS, whole, truncating);
  }

  /** Like {@link #tokenize}, expecting the provider's error. */
  private static AttentionException rejection(
      AttentionRequest request,
      Function<AttentionRequest, TokenizedInput> whole,
      Function<AttentionRequest, TokenizedInput> truncating) {
    return assertThrows(AttentionException.class, () -> tokenize(request, whole, truncating));
  }

  @Test
  void inputThatFitsIsKeptWholeWithoutTruncating() throws Exception {
    TokenizedInput whole = input(MAX_TOKENS);
    List<AttentionRequest> calls = new ArrayList<>();

    TokenizedRequest result = tokenize(TRUNCATE, giving(whole, calls), neverCalled());

    assertSame(whole, result.input());
    assertEquals(Optional.empty(), result.truncation());
    assertEquals(List.of(TRUNCATE), calls);
  }

  @Test
  void truncationAtTheLimitKeepsTheTruncatingTokenizersOutput() throws Exception {
    TokenizedInput kept = input(MAX_TOKENS);
    List<AttentionRequest> calls = new ArrayList<>();

    TokenizedRequest result = tokenize(TRUNCATE, giving(input(8), calls), giving(kept, calls));

    assertSame(kept, result.input());
    assertEquals(Optional.of(new Truncation(8, MAX_TOKENS)), result.truncation());
    assertEquals(List.of(TRUNCATE, TRUNCATE), calls);
  }

  @Test
  void truncationIsRederivedWhenTheTokenizerKeptFewerThanTheLimit() throws Exception {
    List<AttentionRequest> calls = new ArrayList<>();

    TokenizedRequest result = tokenize(TRUNCATE, giving(input(8), calls), giving(input(3), calls));

    assertEquals(3, result.input().size());
    assertEquals(Optional.of(new Truncation(8, 3)), result.truncation());
  }

  @Test
  void overlongInputIsRejectedWhenTruncationIsNotAllowed() {
    AttentionException e = rejection(REJECT, giving(input(8), new ArrayList<>()), neverCalled());

    assertEquals(Reason.INPUT_TOO_LONG, e.reason());
    assertEquals(
        "The input has 8 tokens but bert-base-uncased takes at most 5. Shorten the text, or"
            + " allow truncation to keep the first 5.",
        e.getMessage());
  }

  @Test
  void textThatYieldsNoTokenIsRejectedAsEmpty() {
    AttentionException e = rejection(REJECT, giving(input(0), new ArrayList<>()), neverCalled());

    assertEquals(Reason.INPUT_EMPTY, e.reason());
    assertEquals(
        "The tokenizer made no tokens of the text. Type a sentence to see its attention.",
        e.getMessage());
  }

  @Test
  void truncationToNoTokenIsRejectedAsEmpty() {
    List<AttentionRequest> calls = new ArrayList<>();

    AttentionException e = rejection(TRUNCATE, giving(input(8), calls), giving(input(0), calls));

    assertEquals(Reason.INPUT_EMPTY, e.reason());
    assertEquals(List.of(TRUNCATE, TRUNCATE), calls);
  }

  @Test
  void blankTextIsRejectedBeforeTokenizing() {
    AttentionRequest blank =
        AttentionRequest.builder().setTextA(" \n").optOverflow(OverflowPolicy.TRUNCATE).build();
    List<AttentionRequest> calls = new ArrayList<>();

    AttentionException e = rejection(blank, giving(input(3), calls), neverCalled());

    assertEquals(Reason.INPUT_EMPTY, e.reason());
    assertEquals("The text is empty. Type a sentence to see its attention.", e.getMessage());
    assertEquals(List.of(), calls);
  }

  @Test
  void truncatingTokenizerThatKeepsTooManyIsABrokenSetUp() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                tokenize(
                    TRUNCATE,
                    giving(input(8), new ArrayList<>()),
                    giving(input(6), new ArrayList<>())));

    assertEquals(
        "the truncating tokenizer of bert-base-uncased kept 6 tokens, more than the model's maximum of 5",
        e.getMessage());
  }
}
