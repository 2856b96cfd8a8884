package dev.attnviz.core;

/**
 * Turns raw tokenizer pieces into display text: the byte-level BPE space marker {@code Ġ} and the
 * SentencePiece marker {@code ▁} become a space, and the end-of-word suffix {@code </w>} is
 * dropped. WordPiece's {@code ##} is kept, because it tells the reader that a piece continues a
 * word.
 */
public final class TokenPrettifier {

  private TokenPrettifier() {}

  /** Returns the display form of {@code token}. */
  public static String prettify(String token) {
    String text = token.replace('\u0120', ' ').replace('\u2581', ' ');
    if (text.endsWith("</w>")) {
      text = text.substring(0, text.length() - 4);
    }
    return text;
  }
}
