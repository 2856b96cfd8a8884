package dev.attnviz.core.spi;

import dev.attnviz.core.Tokens;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a tokenizer made of one input, in plain arrays, so that every provider turns tokenizer
 * output into {@link Tokens} and a sentence-B start the same way.
 *
 * @param tokens token strings, special tokens included
 * @param ids token ids
 * @param typeIds token type (segment) ids: 0 for sentence A, 1 for sentence B
 * @param special which tokens are special ({@code [CLS]}, {@code [SEP]}, ...)
 * @param wordIds the tokenizer's word index per token, -1 for special tokens; may restart at 0 in
 *     sentence B, as Hugging Face tokenizers do
 */
public record TokenizedInput(
    List<String> tokens, long[] ids, long[] typeIds, BitSet special, long[] wordIds) {

  /**
   * Copies and checks the arrays.
   *
   * @param tokens token strings, special tokens included; copied
   * @param ids token ids; copied
   * @param typeIds token type (segment) ids: 0 for sentence A, 1 for sentence B; copied
   * @param special which tokens are special; copied
   * @param wordIds the tokenizer's word index per token, -1 for special tokens; copied
   * @throws IllegalArgumentException if the lengths differ
   */
  public TokenizedInput {
    tokens = List.copyOf(tokens);
    ids = ids.clone();
    typeIds = typeIds.clone();
    special = (BitSet) Objects.requireNonNull(special, "special").clone();
    wordIds = wordIds.clone();
    int n = tokens.size();
    if (ids.length != n || typeIds.length != n || wordIds.length != n || special.length() > n) {
      throw new IllegalArgumentException(
          "tokenizer output of "
              + n
              + " tokens has "
              + ids.length
              + " ids, "
              + typeIds.length
              + " type ids and "
              + wordIds.length
              + " word ids");
    }
  }

  /**
   * Builds an input from a tokenizer's output as Hugging Face tokenizers give it: parallel arrays,
   * one entry per token, with special tokens marked by a nonzero entry in a mask.
   *
   * @return the input, holding copies of the arrays
   * @param tokens token strings, special tokens included
   * @param ids token ids
   * @param typeIds token type (segment) ids
   * @param specialTokenMask nonzero for a special token, 0 for any other
   * @param wordIds the tokenizer's word index per token, -1 for special tokens
   * @throws IllegalArgumentException if the arrays are not all as long as {@code tokens}
   */
  public static TokenizedInput of(
      String[] tokens, long[] ids, long[] typeIds, long[] specialTokenMask, long[] wordIds) {
    if (specialTokenMask.length != tokens.length) {
      throw new IllegalArgumentException(
          "tokenizer output of "
              + tokens.length
              + " tokens has a special-token mask of "
              + specialTokenMask.length);
    }
    BitSet special = new BitSet(specialTokenMask.length);
    for (int i = 0; i < specialTokenMask.length; i++) {
      special.set(i, specialTokenMask[i] != 0);
    }
    return new TokenizedInput(List.of(tokens), ids, typeIds, special, wordIds);
  }

  /** {@return the token ids; a copy} */
  @Override
  public long[] ids() {
    return ids.clone();
  }

  /** {@return the token type (segment) ids; a copy} */
  @Override
  public long[] typeIds() {
    return typeIds.clone();
  }

  /** {@return which tokens are special; a copy} */
  @Override
  public BitSet special() {
    return (BitSet) special.clone();
  }

  /** {@return the tokenizer's word index per token; a copy} */
  @Override
  public long[] wordIds() {
    return wordIds.clone();
  }

  /** {@return the number of tokens} */
  public int size() {
    return tokens.size();
  }

  /**
   * {@return the index of the first token of sentence B (the first token with type id 1), or empty
   * if there is none}
   */
  public OptionalInt sentenceBStart() {
    for (int i = 0; i < typeIds.length; i++) {
      if (typeIds[i] == 1) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The tokens with their special flags and words. A token starts a new word when it or the token
   * before it is special, when the tokenizer's word id changes, or at sentence B.
   *
   * @return the tokens, with special flags and word indexes
   */
  public Tokens toTokens() {
    int[] wordOf = new int[size()];
    int word = -1;
    for (int i = 0; i < size(); i++) {
      boolean continues =
          i > 0
              && !special.get(i)
              && !special.get(i - 1)
              && wordIds[i] >= 0
              && wordIds[i] == wordIds[i - 1]
              && typeIds[i] == typeIds[i - 1];
      if (!continues) {
        word++;
      }
      wordOf[i] = word;
    }
    return Tokens.of(tokens, special, wordOf);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenizedInput that
        && tokens.equals(that.tokens)
        && Arrays.equals(ids, that.ids)
        && Arrays.equals(typeIds, that.typeIds)
        && special.equals(that.special)
        && Arrays.equals(wordIds, that.wordIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        tokens, Arrays.hashCode(ids), Arrays.hashCode(typeIds), special, Arrays.hashCode(wordIds));
  }

  @Override
  public String toString() {
    return "TokenizedInput" + tokens;
  }
}
