package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import java.nio.FloatBuffer;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Hides special tokens ({@code [CLS]}, {@code [SEP]}, {@code <s>}, BOS, ..., as flagged by {@link
 * Tokens#isSpecial(int)}) so that the attention among the real tokens can be read: special tokens
 * often take most of the weight ("attention sinks") and wash out the rest.
 *
 * <p>The result keeps the non-special query tokens {@code i} and key tokens {@code j}, re-indexed
 * from 0 in their original order ({@link TokenMapping#withoutSpecial(Tokens)} maps them back), with
 * every row re-normalized: {@code a'_ij = a_ij / Σ_{k not special} a_ik}. A row whose remaining
 * weights sum to 0 (all of its attention went to special tokens) becomes all zeros, because there
 * is nothing to distribute; such a row no longer sums to 1.
 *
 * <p>Query and key vectors are kept (the rows of the remaining tokens): re-normalizing a softmax
 * over a subset of keys gives the softmax of the scores of that subset, so the vectors still
 * explain the weights (except for the all-zero rows above).
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecialTokens {

  private SpecialTokens() {}

  /**
   * Returns {@code attention} without its special query and key tokens, rows re-normalized. The
   * remaining tokens are all non-special and keep their word grouping.
   *
   * @param attention the attention; not null
   * @return a new attention over the non-special tokens only
   * @throws IllegalArgumentException if every query token or every key token is special, or a head
   *     has invalid values ({@link Attention#problem})
   */
  public static Attention hide(Attention attention) {
    Objects.requireNonNull(attention, "attention");
    attention.requireValidValues();
    TokenMapping queries = TokenMapping.withoutSpecial(attention.queryTokens());
    TokenMapping keys = TokenMapping.withoutSpecial(attention.keyTokens());
    if (queries.size() == 0 || keys.size() == 0) {
      throw new IllegalArgumentException(
          "every "
              + (queries.size() == 0 ? "query" : "key")
              + " token of the "
              + attention.kind().id()
              + " attention is special ("
              + (queries.size() == 0 ? attention.queryTokens() : attention.keyTokens())
              + "); there is nothing left to show with special tokens hidden");
    }
    TokenPooling.Pooled weights = TokenPooling.pool(attention.weights(), queries, keys, true);
    Attention.Builder builder =
        Attention.builder(attention.kind())
            .setQueryTokens(kept(attention.queryTokens(), queries))
            .setKeyTokens(kept(attention.keyTokens(), keys))
            .setWeights(weights.weights());
    if (attention.hasVectors()) {
      builder.optVectors(
          rowsOf(attention.queries().orElseThrow(), queries),
          rowsOf(attention.keys().orElseThrow(), keys));
    }
    // The vectors are rows of vectors already checked; the weights are checked as pooled.
    return weights.build(builder);
  }

  /**
   * Applies {@link #hide(Attention)} to every kind of {@code data}. The start of sentence B moves
   * to the first remaining token at or after it; the pair marker is dropped if either sentence has
   * no token left. Model and truncation are kept.
   *
   * @param data the attention of one input; not null
   * @return new data whose attentions have no special tokens
   * @throws IllegalArgumentException if some kind has only special query or key tokens
   */
  public static AttentionData hide(AttentionData data) {
    Objects.requireNonNull(data, "data");
    return TokenPooling.transformEach(data, SpecialTokens::hide, TokenMapping::withoutSpecial);
  }

  private static Tokens kept(Tokens original, TokenMapping mapping) {
    String[] strings = new String[mapping.size()];
    int[] wordOf = new int[mapping.size()];
    for (int k = 0; k < mapping.size(); k++) {
      int i = mapping.originalStart(k);
      strings[k] = original.get(i);
      // Renumber the surviving words from 0; words stay contiguous because none is split.
      boolean sameWord =
          k > 0 && original.wordOf(i) == original.wordOf(mapping.originalStart(k - 1));
      wordOf[k] = k == 0 ? 0 : wordOf[k - 1] + (sameWord ? 0 : 1);
    }
    return Tokens.of(List.of(strings), new BitSet(), wordOf);
  }

  /**
   * The vector rows of the tokens {@code mapping} keeps (each kept token is one original), copied
   * when first read.
   */
  static Tensor4D rowsOf(Tensor4D vectors, TokenMapping mapping) {
    int dim = vectors.dim3();
    int count = mapping.size();
    int[] originals = new int[count];
    for (int k = 0; k < count; k++) {
      originals[k] = mapping.originalStart(k);
    }
    return Tensor4D.ofComputedMatrices(
        vectors.dim0(),
        vectors.dim1(),
        count,
        dim,
        (layer, head, dest, destPos) -> {
          FloatBuffer matrix = vectors.matrix(layer, head);
          for (int k = 0; k < count; k++) {
            matrix.get(originals[k] * dim, dest, destPos + k * dim, dim);
          }
        });
  }
}
