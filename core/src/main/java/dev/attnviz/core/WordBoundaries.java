package dev.attnviz.core;

import java.util.BitSet;
import java.util.List;

/** Infers which sub-word pieces form one word when a tokenizer did not say. */
final class WordBoundaries {

  private static final String WORDPIECE_CONTINUATION = "##";
  private static final char BYTE_LEVEL_SPACE = 'Ġ';
  private static final char SENTENCEPIECE_SPACE = '▁';

  private WordBoundaries() {}

  /**
   * Returns the word index of every token. Special tokens are words of their own. If any token
   * carries a BPE or SentencePiece space marker, pieces without it continue the word before them;
   * otherwise WordPiece rules apply and only {@code ##} pieces continue a word.
   */
  static int[] infer(List<String> tokens, BitSet special) {
    boolean markerStyle = tokens.stream().anyMatch(WordBoundaries::startsWithSpaceMarker);
    int[] wordOf = new int[tokens.size()];
    int word = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean continues =
          i > 0
              && !special.get(i)
              && !special.get(i - 1)
              && (markerStyle
                  ? !startsWithSpaceMarker(token)
                  : token.startsWith(WORDPIECE_CONTINUATION) && token.length() > 2);
      if (!continues) {
        word++;
      }
      wordOf[i] = word;
    }
    return wordOf;
  }

  private static boolean startsWithSpaceMarker(String token) {
    return !token.isEmpty()
        && (token.charAt(0) == BYTE_LEVEL_SPACE || token.charAt(0) == SENTENCEPIECE_SPACE);
  }
}
