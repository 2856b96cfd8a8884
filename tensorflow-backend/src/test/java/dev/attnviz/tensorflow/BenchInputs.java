package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.AttentionRequest;
import java.util.Locale;

/** The inputs the benchmarks compute on. */
final class BenchInputs {

  /** 20 tokens with [CLS] and [SEP]. */
  static final String SHORT =
      "The quick brown fox jumps over the lazy dog while the farmer watches from the porch.";

  private BenchInputs() {}

  /** About {@code tokens} tokens: {@link #SHORT} for 20, else that many words of one token. */
  static String text(int tokens) {
    if (tokens == 20) {
      return SHORT;
    }
    StringBuilder text = new StringBuilder();
    String[] words = SHORT.replace(".", "").toLowerCase(Locale.ROOT).split(" ");
    for (int i = 0; i < tokens - 2; i++) {
      text.append(words[i % words.length]).append(' ');
    }
    return text.toString().trim();
  }

  static AttentionRequest request(int tokens, boolean vectors) {
    return AttentionRequest.builder().setTextA(text(tokens)).optQueriesAndKeys(vectors).build();
  }
}
