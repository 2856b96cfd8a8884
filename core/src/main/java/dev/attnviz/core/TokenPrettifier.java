package dev.attnviz.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns raw tokenizer pieces into readable text. Byte-level BPE pieces (GPT-2, RoBERTa, BART) are
 * mapped back through GPT-2's byte-to-unicode table and decoded as UTF-8, so {@code Ġcat} reads "
 * cat" and {@code Ã©} reads "é"; the SentencePiece marker {@code ▁} becomes a space; the
 * end-of-word suffix {@code </w>} is dropped. WordPiece's {@code ##} is kept, because it tells the
 * reader that a piece continues a word. A piece that is only white space is shown with visible
 * marks ({@code ␣}, {@code ↵}, {@code ⇥}), so that a label is never blank. Data files keep the raw
 * pieces: this is for display only.
 */
public final class TokenPrettifier {

  /** The byte each character of GPT-2's byte-level alphabet stands for; -1 outside it. */
  private static final int[] BYTE_OF_CHAR = byteOfChar();

  /** First character GPT-2 uses for a byte that is not printable by itself (Ā, U+0100). */
  private static final char SHIFTED_FIRST = '\u0100';

  /** Last one (U+0143): 68 bytes are shifted. */
  private static final char SHIFTED_LAST = '\u0143';

  private TokenPrettifier() {}

  /**
   * Returns the display form of {@code token}, judged on its own: a piece with a shifted byte
   * character (such as {@code Ġ}) is byte-level, and so is one whose Latin-1 characters decode as
   * valid UTF-8 ({@code Ã©}); other pieces, such as WordPiece's {@code café}, stay as they are.
   * Prefer {@link #prettifyAll} for a whole sequence, which also decodes pieces that hold part of a
   * character.
   *
   * @param token a token string as the tokenizer gives it; not null
   * @return the text to show for it
   */
  public static String prettify(String token) {
    return prettify(token, false);
  }

  /**
   * Returns the display forms of a sequence of pieces. When any piece has a shifted byte character
   * (GPT-2 marks spaces and newlines so), the sequence is byte-level, and every piece of its
   * alphabet is decoded: a piece that holds only part of a multi-byte character shows it as {@code
   * �} rather than as Latin-1 garbage.
   *
   * @param tokens the token strings of one input, in order; not null
   * @return a new list of the texts to show, one per token
   */
  public static List<String> prettifyAll(List<String> tokens) {
    boolean byteLevel = tokens.stream().anyMatch(TokenPrettifier::hasShiftedByte);
    List<String> result = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      result.add(prettify(token, byteLevel));
    }
    return List.copyOf(result);
  }

  private static String prettify(String token, boolean byteLevel) {
    String text = token;
    byte[] bytes = byteLevelBytes(token);
    if (bytes != null && (byteLevel || hasShiftedByte(token))) {
      // One mark for a run of stray bytes: the piece holds part of one character.
      text = decode(bytes, true).replaceAll("\uFFFD+", "\uFFFD");
    } else if (bytes != null && !isAscii(token)) {
      String strict = decode(bytes, false);
      text = strict != null ? strict : token;
    }
    text = text.replace('\u2581', ' ');
    if (text.endsWith("</w>")) {
      text = text.substring(0, text.length() - 4);
    }
    return visibleIfBlank(text);
  }

  /** The bytes a byte-level piece stands for, or null if it has a character outside the table. */
  private static byte[] byteLevelBytes(String token) {
    byte[] bytes = new byte[token.length()];
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
      if (b < 0) {
        return null;
      }
      bytes[i] = (byte) b;
    }
    return bytes;
  }

  /**
   * UTF-8 text of {@code bytes}; malformed parts become U+FFFD, or null when not {@code lenient}.
   */
  private static String decode(byte[] bytes, boolean lenient) {
    CodingErrorAction action = lenient ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasShiftedByte(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= SHIFTED_FIRST && c <= SHIFTED_LAST) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(String token) {
    return token.chars().allMatch(c -> c < 0x80);
  }

  /** A blank but non-empty label shows its white space as visible marks. */
  private static String visibleIfBlank(String text) {
    if (text.isEmpty() || !text.isBlank()) {
      return text;
    }
    return text.replace(' ', '\u2423').replace('\n', '\u21b5').replace('\t', '\u21e5');
  }

  /**
   * Inverts GPT-2's {@code bytes_to_unicode}: printable bytes ({@code !}–{@code ~}, {@code
   * ¡}–{@code ¬}, {@code ®}–{@code ÿ}) stand for themselves, the other 68 bytes in order for U+0100
   * onwards.
   */
  private static int[] byteOfChar() {
    int[] table = new int[SHIFTED_LAST + 1];
    Arrays.fill(table, -1);
    int shifted = 0;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      table[printable ? b : SHIFTED_FIRST + shifted++] = b;
    }
    return table;
  }
}
