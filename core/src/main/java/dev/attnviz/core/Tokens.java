package dev.attnviz.core;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The tokens along one axis of an attention matrix, with the details the views need: the raw token
 * strings, which tokens are special ({@code [CLS]}, {@code [SEP]}, {@code <s>}, BOS, ...), and
 * which sub-word pieces form one word.
 *
 * <p>Words are numbered from 0 in token order and every word is a contiguous run of tokens, so
 * {@link #wordOf(int)} is non-decreasing and grows by at most one from one token to the next.
 *
 * <p>Immutable and thread-safe.
 */
public final class Tokens {

  /** Token strings that are treated as special when no explicit mask is given. */
  public static final Set<String> KNOWN_SPECIAL_TOKENS =
      Set.of(
          "[CLS]",
          "[SEP]",
          "[PAD]",
          "[MASK]",
          "[UNK]",
          "<s>",
          "</s>",
          "<pad>",
          "<mask>",
          "<unk>",
          "<bos>",
          "<eos>",
          "<|endoftext|>",
          "<|begin_of_text|>",
          "<|end_of_text|>");

  private final List<String> strings;
  private final BitSet special;
  private final int[] wordOf;
  private final int wordCount;

  private Tokens(List<String> strings, BitSet special, int[] wordOf) {
    this.strings = strings;
    this.special = special;
    this.wordOf = wordOf;
    this.wordCount = wordOf.length == 0 ? 0 : wordOf[wordOf.length - 1] + 1;
  }

  /**
   * Returns tokens whose special flags and word boundaries are inferred from the strings: a token
   * in {@link #KNOWN_SPECIAL_TOKENS} is special and forms its own word; WordPiece pieces starting
   * with {@code ##} continue the previous word; with byte-level BPE ({@code Ġ}) or SentencePiece
   * ({@code ▁}) markers, a piece without the marker continues the previous word.
   *
   * @param strings the token strings, in order; not null
   * @return the tokens, with their own copy of the list
   * @throws NullPointerException if the list or any token is null
   */
  public static Tokens of(List<String> strings) {
    List<String> copy = List.copyOf(strings);
    BitSet special = new BitSet(copy.size());
    for (int i = 0; i < copy.size(); i++) {
      special.set(i, KNOWN_SPECIAL_TOKENS.contains(copy.get(i)));
    }
    return new Tokens(copy, special, WordBoundaries.infer(copy, special));
  }

  /**
   * Returns tokens with explicit special flags and word boundaries.
   *
   * @return the tokens, with their own copies of the arguments
   * @param strings the token strings
   * @param special which tokens are special; bits at or beyond {@code strings.size()} are not
   *     allowed
   * @param wordOf for each token the index of its word: starts at 0, each next token has the same
   *     index or the next one
   * @throws IllegalArgumentException if the sizes differ or the word indexes are not as described
   */
  public static Tokens of(List<String> strings, BitSet special, int[] wordOf) {
    List<String> copy = List.copyOf(strings);
    Objects.requireNonNull(special, "special");
    Objects.requireNonNull(wordOf, "wordOf");
    if (special.length() > copy.size()) {
      throw new IllegalArgumentException(
          "special marks token " + (special.length() - 1) + " but there are " + copy.size());
    }
    if (wordOf.length != copy.size()) {
      throw new IllegalArgumentException(
          "wordOf has " + wordOf.length + " entries for " + copy.size() + " tokens");
    }
    for (int i = 0; i < wordOf.length; i++) {
      int previous = i == 0 ? -1 : wordOf[i - 1];
      boolean valid = i == 0 ? wordOf[0] == 0 : wordOf[i] == previous || wordOf[i] == previous + 1;
      if (!valid) {
        throw new IllegalArgumentException(
            "wordOf must start at 0 and grow by 0 or 1 per token, but wordOf["
                + i
                + "] = "
                + wordOf[i]
                + " follows "
                + previous);
      }
    }
    return new Tokens(copy, (BitSet) special.clone(), wordOf.clone());
  }

  /** {@return the number of tokens} */
  public int size() {
    return strings.size();
  }

  /**
   * The raw token string at {@code index}.
   *
   * @param index the token, from 0 to {@link #size()} - 1
   * @return its raw string, e.g. {@code "##ing"}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public String get(int index) {
    return strings.get(index);
  }

  /** {@return all raw token strings, unmodifiable} */
  public List<String> strings() {
    return strings;
  }

  /**
   * Whether the token at {@code index} is a special token.
   *
   * @param index the token, from 0 to {@link #size()} - 1
   * @return whether it is a special token such as {@code [CLS]}
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public boolean isSpecial(int index) {
    return special.get(Objects.checkIndex(index, size()));
  }

  /** {@return whether any token is special} */
  public boolean hasSpecial() {
    return !special.isEmpty();
  }

  /** {@return a copy of the special-token flags, one bit per token} */
  public BitSet specialMask() {
    return (BitSet) special.clone();
  }

  /**
   * Index of the word that the token at {@code index} belongs to.
   *
   * @param index the token, from 0 to {@link #size()} - 1
   * @return the index of its word, from 0 to {@link #wordCount()} - 1
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int wordOf(int index) {
    return wordOf[Objects.checkIndex(index, size())];
  }

  /** {@return a copy of the word index of every token} */
  public int[] wordIndexes() {
    return wordOf.clone();
  }

  /** {@return the number of words} */
  public int wordCount() {
    return wordCount;
  }

  /**
   * Index of the first token of word {@code word}.
   *
   * @param word the word, from 0 to {@link #wordCount()} - 1
   * @return the index of its first token
   * @throws IndexOutOfBoundsException if the word is out of range
   */
  public int wordStart(int word) {
    Objects.checkIndex(word, wordCount);
    int index = Arrays.binarySearch(wordOf, word);
    while (index > 0 && wordOf[index - 1] == word) {
      index--;
    }
    return index;
  }

  /**
   * Index one past the last token of word {@code word}.
   *
   * @param word the word, from 0 to {@link #wordCount()} - 1
   * @return one past the index of its last token
   * @throws IndexOutOfBoundsException if the word is out of range
   */
  public int wordEnd(int word) {
    return word + 1 == wordCount ? size() : wordStart(word + 1);
  }

  /**
   * Returns the first {@code count} tokens, keeping their flags and words.
   *
   * @param count how many tokens to keep, from 0 to {@link #size()}
   * @return the first {@code count} tokens
   * @throws IndexOutOfBoundsException if {@code count} is out of range
   */
  public Tokens prefix(int count) {
    Objects.checkIndex(count, size() + 1);
    return new Tokens(
        List.copyOf(strings.subList(0, count)),
        special.get(0, count),
        Arrays.copyOf(wordOf, count));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tokens that
        && strings.equals(that.strings)
        && special.equals(that.special)
        && Arrays.equals(wordOf, that.wordOf);
  }

  @Override
  public int hashCode() {
    return (strings.hashCode() * 31 + special.hashCode()) * 31 + Arrays.hashCode(wordOf);
  }

  @Override
  public String toString() {
    return strings.toString();
  }
}
