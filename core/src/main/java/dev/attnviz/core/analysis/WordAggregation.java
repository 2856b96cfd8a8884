package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates sub-word pieces into words (Clark et al., "What Does BERT Look At?", 2019): for words
 * {@code u} and {@code v} made of the pieces {@code P_u} and {@code P_v} (see {@link
 * Tokens#wordOf(int)}), {@code W[u][v] = (1/|P_u|) · Σ_{i ∈ P_u} Σ_{j ∈ P_v} a_ij}: attention
 * <em>to</em> a word is the sum over its pieces, attention <em>from</em> a word the mean over its
 * pieces. If every row of {@code a} sums to 1, so does every row of {@code W}: {@code Σ_v W[u][v] =
 * (1/|P_u|) · Σ_{i ∈ P_u} Σ_j a_ij = 1}.
 *
 * <p>A word's token is its pieces joined, with the WordPiece continuation prefix {@code ##} removed
 * ({@code play ##ing} → {@code playing}); byte-level BPE ({@code Ġplay ing}) and SentencePiece
 * ({@code ▁play ing}) pieces are concatenated, so the word keeps the marker of its first piece and
 * still displays with its leading space. Special tokens stay words of their own and stay special.
 * Every word of the result is a single token.
 *
 * <p>Query and key vectors are dropped: they belong to pieces, and no vector of a word would
 * reproduce the aggregated weights.
 *
 * <p>Stateless and thread-safe.
 */
public final class WordAggregation {

  private static final String WORDPIECE_CONTINUATION = "##";

  private WordAggregation() {}

  /**
   * Returns {@code attention} with query and key tokens aggregated into words.
   *
   * @param attention the attention; not null
   * @return a new attention with one token per word
   * @throws IllegalArgumentException if a head has invalid values ({@link Attention#problem})
   */
  public static Attention aggregate(Attention attention) {
    Objects.requireNonNull(attention, "attention");
    attention.requireValidValues();
    TokenMapping queries = TokenMapping.byWord(attention.queryTokens());
    TokenMapping keys = TokenMapping.byWord(attention.keyTokens());
    TokenPooling.Pooled weights = TokenPooling.pool(attention.weights(), queries, keys, false);
    return weights.build(
        Attention.builder(attention.kind())
            .setQueryTokens(words(attention.queryTokens(), queries))
            .setKeyTokens(words(attention.keyTokens(), keys))
            .setWeights(weights.weights()));
  }

  /**
   * Applies {@link #aggregate(Attention)} to every kind of {@code data}. The start of sentence B
   * becomes the index of its word. Model and truncation are kept.
   *
   * @param data the attention of one input; not null
   * @return new data whose attentions have one token per word
   */
  public static AttentionData aggregate(AttentionData data) {
    Objects.requireNonNull(data, "data");
    return TokenPooling.transformEach(data, WordAggregation::aggregate, TokenMapping::byWord);
  }

  /**
   * Joins the pieces of a word: {@code ##} is removed from every piece after the first, other
   * pieces are concatenated as they are.
   */
  static String join(List<String> pieces) {
    StringBuilder word = new StringBuilder(pieces.get(0));
    for (String piece : pieces.subList(1, pieces.size())) {
      boolean continuation = piece.startsWith(WORDPIECE_CONTINUATION) && piece.length() > 2;
      word.append(continuation ? piece.substring(WORDPIECE_CONTINUATION.length()) : piece);
    }
    return word.toString();
  }

  private static Tokens words(Tokens pieces, TokenMapping mapping) {
    List<String> strings = new ArrayList<>(mapping.size());
    BitSet special = new BitSet(mapping.size());
    int[] wordOf = new int[mapping.size()];
    BitSet pieceIsSpecial = pieces.specialMask();
    for (int word = 0; word < mapping.size(); word++) {
      int start = mapping.originalStart(word);
      int end = mapping.originalEnd(word);
      strings.add(join(pieces.strings().subList(start, end)));
      // A word is special if any piece is; by default special tokens are single-piece words.
      special.set(word, pieceIsSpecial.get(start, end).cardinality() > 0);
      wordOf[word] = word;
    }
    return Tokens.of(strings, special, wordOf);
  }
}
