package dev.attnviz.core.analysis;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Attention rollout (Abnar and Zuidema, "Quantifying Attention Flow in Transformers", ACL 2020):
 * how much each input token flows into each position after a number of layers, taking the residual
 * connections into account.
 *
 * <p>For each layer {@code l} (from 0), the residual-corrected attention is {@code Â_l = norm(0.5 ·
 * mean_h A_{l,h} + 0.5 · I)}, where {@code mean_h} is the {@link HeadMean mean over all heads},
 * {@code I} the identity and {@code norm} divides each row by its sum (rows of real weights already
 * sum to 1; this absorbs rounding in files). The rollout after layer {@code l} is {@code R_l = Â_l
 * · R_{l−1}} with {@code R_0 = Â_0}, i.e. {@code R_l = Â_l · … · Â_0}; the final rollout is {@code
 * R_{L−1}}. Row {@code i} of {@code R_l} says how much position {@code i} at the output of layer
 * {@code l} draws on each input token; every row sums to 1.
 *
 * <p>Computed in double precision, in O(L · n³) time. Holds one {@code n × n} matrix of doubles per
 * layer, for {@link #afterLayer(int)}: 12 · 512² · 8 bytes = 25 MB for 512 tokens and 12 layers.
 * Immutable and thread-safe.
 */
public final class Rollout {

  private final AttentionKind kind;
  private final Tokens tokens;
  private final List<Matrix> rollout;

  private Rollout(AttentionKind kind, Tokens tokens, List<Matrix> rollout) {
    this.kind = kind;
    this.tokens = tokens;
    this.rollout = rollout;
  }

  /**
   * Computes the rollout of a self-attention ({@code self}, {@code encoder} or {@code decoder}).
   *
   * @param attention a self-attention; not null
   * @return the rollout after each layer
   * @throws IllegalArgumentException if a head has invalid values ({@link Attention#problem}); for
   *     cross attention, whose queries and keys are different sequences so its layers cannot be
   *     chained
   */
  public static Rollout of(Attention attention) {
    Objects.requireNonNull(attention, "attention");
    attention.requireValidValues();
    if (!attention.kind().isSelfAttention()) {
      throw new IllegalArgumentException(
          "attention rollout needs self-attention (queries and keys the same tokens), but '"
              + attention.kind().id()
              + "' attention maps decoder tokens to encoder tokens; choose the encoder or decoder"
              + " kind");
    }
    List<Matrix> rollout = new ArrayList<>(attention.layerCount());
    Matrix product = null;
    for (int layer = 0; layer < attention.layerCount(); layer++) {
      Matrix corrected = residualCorrected(HeadMean.ofAllHeads(attention, layer));
      product = product == null ? corrected : corrected.times(product);
      rollout.add(product);
    }
    return new Rollout(attention.kind(), attention.queryTokens(), List.copyOf(rollout));
  }

  /**
   * Computes the rollout of the attention of {@code kind} in {@code data}.
   *
   * @param data the attention of one input; not null
   * @param kind the kind to roll out
   * @return the rollout after each layer
   * @throws IllegalArgumentException if the kind is absent or is cross attention
   */
  public static Rollout of(AttentionData data, AttentionKind kind) {
    return of(Objects.requireNonNull(data, "data").attention(kind));
  }

  /** {@code norm(0.5 · mean + 0.5 · I)}: each row divided by its sum, which is at least 0.5. */
  private static Matrix residualCorrected(Matrix mean) {
    int n = mean.rows();
    double[] values = new double[n * n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        double value = 0.5 * mean.get(i, j) + (i == j ? 0.5 : 0);
        values[i * n + j] = value;
        sum += value;
      }
      for (int j = 0; j < n; j++) {
        values[i * n + j] /= sum;
      }
    }
    return new Matrix(n, n, values);
  }

  /** {@return which attention was rolled out} */
  public AttentionKind kind() {
    return kind;
  }

  /** {@return the tokens of both axes of every matrix} */
  public Tokens tokens() {
    return tokens;
  }

  /** {@return the number of layers} The valid depths are 0 to {@code layerCount() − 1}. */
  public int layerCount() {
    return rollout.size();
  }

  /**
   * The rollout up to and including layer {@code layer} (from 0): {@code R_layer = Â_layer · … ·
   * Â_0}, an {@code n × n} matrix whose rows sum to 1.
   *
   * @param layer the last layer included, from 0 to {@link #layerCount()} - 1
   * @return the rollout matrix after that layer
   * @throws IndexOutOfBoundsException if the layer is out of range
   */
  public Matrix afterLayer(int layer) {
    return rollout.get(Objects.checkIndex(layer, rollout.size()));
  }

  /**
   * The rollout over every layer, {@code R_{L−1} = Â_{L−1} · … · Â_0}.
   *
   * @return the rollout matrix after the last layer
   */
  public Matrix result() {
    return rollout.get(rollout.size() - 1);
  }

  @Override
  public String toString() {
    return "Rollout[" + kind.id() + ", " + layerCount() + " layers, " + tokens.size() + " tokens]";
  }
}
