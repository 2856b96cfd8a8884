package dev.attnviz.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything the views need about the attention of one input: the model that produced it, one
 * {@link Attention} per kind, where sentence B starts, and whether the input was truncated.
 *
 * <p>A result holds either {@link AttentionKind#SELF} alone, or any of {@link
 * AttentionKind#ENCODER}, {@link AttentionKind#DECODER} and {@link AttentionKind#CROSS}.
 *
 * <p>Memory: the numbers are held once, in the {@link Tensor4D}s of the attentions; see {@link
 * #byteSize()}. Immutable and thread-safe.
 */
public final class AttentionData {

  private final ModelInfo model;
  private final Map<AttentionKind, Attention> attentions;
  private final Integer sentenceBStart;
  private final Truncation truncation;

  private AttentionData(Builder builder) {
    this.model = Objects.requireNonNull(builder.model, "model");
    if (builder.attentions.isEmpty()) {
      throw new IllegalArgumentException("attention data needs at least one attention kind");
    }
    Map<AttentionKind, Attention> byKind = new EnumMap<>(AttentionKind.class);
    for (Attention attention : builder.attentions) {
      if (byKind.put(attention.kind(), attention) != null) {
        throw new IllegalArgumentException(
            "attention kind '" + attention.kind().id() + "' appears twice");
      }
    }
    if (byKind.containsKey(AttentionKind.SELF) && byKind.size() > 1) {
      throw new IllegalArgumentException(
          "'self' attention cannot be combined with encoder, decoder or cross attention");
    }
    checkCrossTokens(byKind);
    this.attentions = byKind;
    this.sentenceBStart = builder.sentenceBStart;
    this.truncation = builder.truncation;
    checkSentenceBStart();
  }

  private static void checkCrossTokens(Map<AttentionKind, Attention> byKind) {
    Attention cross = byKind.get(AttentionKind.CROSS);
    if (cross == null) {
      return;
    }
    Attention encoder = byKind.get(AttentionKind.ENCODER);
    if (encoder != null && !encoder.keyTokens().strings().equals(cross.keyTokens().strings())) {
      throw new IllegalArgumentException(
          "cross attention keys must be the encoder tokens, but they differ");
    }
    Attention decoder = byKind.get(AttentionKind.DECODER);
    if (decoder != null && !decoder.queryTokens().strings().equals(cross.queryTokens().strings())) {
      throw new IllegalArgumentException(
          "cross attention queries must be the decoder tokens, but they differ");
    }
  }

  private void checkSentenceBStart() {
    if (sentenceBStart == null) {
      return;
    }
    Tokens tokens = pairTokens();
    if (sentenceBStart <= 0 || sentenceBStart >= tokens.size()) {
      throw new IllegalArgumentException(
          "sentenceBStart "
              + sentenceBStart
              + " must be inside the "
              + tokens.size()
              + " tokens (1 to "
              + (tokens.size() - 1)
              + ")");
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with everything of this data, to derive a changed copy.
   *
   * @return a new builder holding this data's model, attentions, pair split and truncation
   */
  public Builder toBuilder() {
    Builder builder = new Builder().setModel(model);
    attentions.values().forEach(builder::addAttention);
    if (sentenceBStart != null) {
      builder.optSentenceBStart(sentenceBStart);
    }
    if (truncation != null) {
      builder.optTruncation(truncation);
    }
    return builder;
  }

  /** {@return the model that produced this data} */
  public ModelInfo model() {
    return model;
  }

  /** {@return the kinds present, in {@link AttentionKind} order; unmodifiable, never empty} */
  public Set<AttentionKind> kinds() {
    return Collections.unmodifiableSet(attentions.keySet());
  }

  /** {@return the kinds present, in {@link AttentionKind} order, as an unmodifiable list} */
  public List<AttentionKind> kindList() {
    return List.copyOf(attentions.keySet());
  }

  /** {@return the attentions, in {@link AttentionKind} order, as an unmodifiable list} */
  public List<Attention> attentions() {
    return List.copyOf(attentions.values());
  }

  /**
   * Whether the given kind is present.
   *
   * @param kind the kind to look for
   * @return whether the data holds attention of that kind
   */
  public boolean has(AttentionKind kind) {
    return attentions.containsKey(kind);
  }

  /**
   * Returns the attention of the given kind.
   *
   * @param kind the kind wanted; not null
   * @return the attention of that kind
   * @throws IllegalArgumentException naming the kinds present if it is absent
   */
  public Attention attention(AttentionKind kind) {
    Attention attention = attentions.get(Objects.requireNonNull(kind, "kind"));
    if (attention == null) {
      throw new IllegalArgumentException(
          "no '" + kind.id() + "' attention; present: " + kindList());
    }
    return attention;
  }

  /**
   * {@return the first attention in kind order: {@code self}, or {@code encoder} if present, etc.}
   */
  public Attention primary() {
    return attentions.values().iterator().next();
  }

  /**
   * The tokens a sentence pair splits: those of {@code self} or, for encoder-decoder models, of the
   * encoder (the first kind present).
   *
   * @return the query tokens of {@link #primary()}
   */
  public Tokens pairTokens() {
    return primary().queryTokens();
  }

  /**
   * {@return the index of the first token of sentence B in {@link #pairTokens()}, or empty if the
   * input is not a pair}
   */
  public OptionalInt sentenceBStart() {
    return sentenceBStart == null ? OptionalInt.empty() : OptionalInt.of(sentenceBStart);
  }

  /** {@return whether the input is a sentence pair} */
  public boolean isPair() {
    return sentenceBStart != null;
  }

  /**
   * {@return how the input was cut if it was longer than the model takes, or empty if it was not}
   */
  public Optional<Truncation> truncation() {
    return Optional.ofNullable(truncation);
  }

  /** {@return whether every attention carries query and key vectors} */
  public boolean hasVectors() {
    return attentions.values().stream().allMatch(Attention::hasVectors);
  }

  /** {@return the bytes held by all numbers (weights and vectors of every kind)} */
  public long byteSize() {
    return attentions.values().stream().mapToLong(Attention::byteSize).sum();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttentionData that
        && model.equals(that.model)
        && attentions.equals(that.attentions)
        && Objects.equals(sentenceBStart, that.sentenceBStart)
        && Objects.equals(truncation, that.truncation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, attentions, sentenceBStart, truncation);
  }

  @Override
  public String toString() {
    return "AttentionData[" + model.name() + " via " + model.backend() + ", " + kindList() + "]";
  }

  /** Builds {@link AttentionData}; validation happens in {@link #build()}. */
  public static final class Builder {
    private ModelInfo model;
    private final List<Attention> attentions = new ArrayList<>();
    private Integer sentenceBStart;
    private Truncation truncation;

    private Builder() {}

    /**
     * Sets the model (required).
     *
     * @param model the model that produced the attention; not null
     * @return this builder
     */
    public Builder setModel(ModelInfo model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Adds the attention of one kind (at least one required).
     *
     * @param attention the attention; not null, and no other of its kind may be added
     * @return this builder
     */
    public Builder addAttention(Attention attention) {
      attentions.add(Objects.requireNonNull(attention, "attention"));
      return this;
    }

    /**
     * Sets where sentence B starts in {@link AttentionData#pairTokens()}.
     *
     * @param index the index of the first token of sentence B, from 1 to {@code pairTokens().size()
     *     - 1}; checked by {@link #build()}
     * @return this builder
     */
    public Builder optSentenceBStart(int index) {
      this.sentenceBStart = index;
      return this;
    }

    /**
     * Records that the input was truncated.
     *
     * @param truncation the token counts before and after the cut; not null
     * @return this builder
     */
    public Builder optTruncation(Truncation truncation) {
      this.truncation = Objects.requireNonNull(truncation, "truncation");
      return this;
    }

    /**
     * Validates and returns the data.
     *
     * @return the data, immutable
     * @throws NullPointerException if the model is missing
     * @throws IllegalArgumentException naming the problem if the parts do not fit together
     */
    public AttentionData build() {
      return new AttentionData(this);
    }
  }
}
