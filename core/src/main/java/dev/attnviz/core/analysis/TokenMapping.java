package dev.attnviz.core.analysis;

import dev.attnviz.core.Tokens;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the tokens of a transformed attention relate to the original tokens: each new token stands
 * for a contiguous run of original tokens {@code [originalStart(k), originalEnd(k))}, and original
 * tokens may be dropped. The views use it to map a selection between the original and the
 * transformed data.
 *
 * <p>A mapping depends only on the original tokens, so it can be recomputed from them at any time:
 * {@link #withoutSpecial(Tokens)} for {@link SpecialTokens#hide}, {@link #byWord(Tokens)} for
 * {@link WordAggregation#aggregate}. Immutable and thread-safe.
 */
public final class TokenMapping {

  private final int[] start;
  private final int[] end;
  private final int[] indexOfOriginal;

  private TokenMapping(int[] start, int[] end, int originalCount) {
    this.start = start;
    this.end = end;
    this.indexOfOriginal = new int[originalCount];
    Arrays.fill(indexOfOriginal, -1);
    for (int k = 0; k < start.length; k++) {
      Arrays.fill(indexOfOriginal, start[k], end[k], k);
    }
  }

  /**
   * Keeps every token that is not special, each as itself, in order.
   *
   * @param original the tokens to map; not null
   * @return a mapping that drops the special tokens
   */
  public static TokenMapping withoutSpecial(Tokens original) {
    Objects.requireNonNull(original, "original");
    int[] kept = new int[original.size()];
    int count = 0;
    for (int i = 0; i < original.size(); i++) {
      if (!original.isSpecial(i)) {
        kept[count++] = i;
      }
    }
    int[] start = Arrays.copyOf(kept, count);
    int[] end = Arrays.stream(start).map(i -> i + 1).toArray();
    return new TokenMapping(start, end, original.size());
  }

  /**
   * Keeps the tokens {@code [from, to)} of {@code original}, each as itself, in order.
   *
   * @param original the tokens
   * @param from the first token kept
   * @param to one past the last token kept
   * @return the mapping
   * @throws IndexOutOfBoundsException unless {@code 0 <= from < to <= original.size()}
   */
  public static TokenMapping range(Tokens original, int from, int to) {
    Objects.requireNonNull(original, "original");
    Objects.checkFromToIndex(from, to, original.size());
    if (from == to) {
      throw new IndexOutOfBoundsException("an empty range of tokens: " + from + " to " + to);
    }
    int[] start = java.util.stream.IntStream.range(from, to).toArray();
    int[] end = Arrays.stream(start).map(i -> i + 1).toArray();
    return new TokenMapping(start, end, original.size());
  }

  /**
   * Maps each word of {@code original} (see {@link Tokens#wordOf(int)}) to one new token; nothing
   * is dropped. Special tokens are words of their own unless the tokens say otherwise.
   *
   * @param original the tokens to map; not null
   * @return a mapping with one new token per word
   */
  public static TokenMapping byWord(Tokens original) {
    Objects.requireNonNull(original, "original");
    int words = original.wordCount();
    int[] start = new int[words];
    int[] end = new int[words];
    for (int word = 0; word < words; word++) {
      start[word] = original.wordStart(word);
      end[word] = original.wordEnd(word);
    }
    return new TokenMapping(start, end, original.size());
  }

  /** {@return the number of new tokens} */
  public int size() {
    return start.length;
  }

  /** {@return the number of original tokens} */
  public int originalCount() {
    return indexOfOriginal.length;
  }

  /**
   * Index of the first original token that new token {@code index} stands for.
   *
   * @param index the new token, from 0 to {@link #size()} - 1
   * @return the first original token it stands for
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int originalStart(int index) {
    return start[Objects.checkIndex(index, size())];
  }

  /**
   * Index one past the last original token that new token {@code index} stands for.
   *
   * @param index the new token, from 0 to {@link #size()} - 1
   * @return one past the last original token it stands for
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int originalEnd(int index) {
    return end[Objects.checkIndex(index, size())];
  }

  /**
   * Index of the new token that stands for original token {@code original}, or −1 if dropped.
   *
   * @param original the original token, from 0 to {@link #originalCount()} - 1
   * @return the new token's index, or −1 if the original token was dropped
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public int indexOf(int original) {
    return indexOfOriginal[Objects.checkIndex(original, originalCount())];
  }

  /**
   * Index of the first new token that starts at or after original token {@code original}, or {@link
   * #size()} if there is none: where a boundary such as the start of sentence B lands.
   *
   * @param original an original token index, from 0
   * @return the new token's index, from 0 to {@link #size()}
   */
  public int firstIndexFrom(int original) {
    int index = Arrays.binarySearch(start, original);
    return index >= 0 ? index : -index - 1;
  }

  /** Whether every original token is kept, as itself, at its own index. */
  boolean isIdentity() {
    if (size() != originalCount()) {
      return false;
    }
    for (int k = 0; k < start.length; k++) {
      if (start[k] != k || end[k] != k + 1) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenMapping that
        && Arrays.equals(start, that.start)
        && Arrays.equals(end, that.end)
        && indexOfOriginal.length == that.indexOfOriginal.length;
  }

  @Override
  public int hashCode() {
    return (Arrays.hashCode(start) * 31 + Arrays.hashCode(end)) * 31 + indexOfOriginal.length;
  }

  @Override
  public String toString() {
    return "TokenMapping[" + originalCount() + " -> " + size() + " tokens]";
  }
}
