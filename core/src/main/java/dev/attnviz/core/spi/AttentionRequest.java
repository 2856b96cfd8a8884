package dev.attnviz.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One input to compute attention for. Immutable; build with {@link #builder()}.
 *
 * <p>The builder accepts any text, even empty: deciding that text is unusable is the provider's
 * job, because only it knows what its tokenizer makes of the text. Providers reject empty input
 * with {@link dev.attnviz.core.AttentionException.Reason#INPUT_EMPTY} (see {@link InputLimits}).
 */
public final class AttentionRequest {

  private final String textA;
  private final String textB;
  private final boolean queriesAndKeys;
  private final OverflowPolicy overflow;
  private final String target;
  private final int maxNewTokens;
  private final GenerationListener generationListener;

  private AttentionRequest(Builder builder) {
    this.textA = Objects.requireNonNull(builder.textA, "textA");
    this.textB = builder.textB;
    this.queriesAndKeys = builder.queriesAndKeys;
    this.overflow = builder.overflow;
    this.target = builder.target;
    this.maxNewTokens = builder.maxNewTokens;
    this.generationListener = builder.generationListener;
    if (target != null && maxNewTokens > 0) {
      throw new IllegalArgumentException(
          "a request takes a target text or asks to generate, not both");
    }
  }

  /**
   * {@return a new builder} Text A is required; by default there is no text B, no vectors, and
   * overlong input is rejected.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder preset with everything of this request, to derive a changed copy.
   *
   * @return a new builder holding every field of this request
   */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .setTextA(textA)
            .optTextB(textB)
            .optQueriesAndKeys(queriesAndKeys)
            .optOverflow(overflow)
            .optTarget(target)
            .optMaxNewTokens(maxNewTokens)
            .optGenerationListener(generationListener);
    return builder;
  }

  /**
   * Shortcut for a single sentence with default options.
   *
   * @param textA the sentence; not null
   * @return a request for that sentence alone, without vectors, rejecting overlong input
   */
  public static AttentionRequest of(String textA) {
    return builder().setTextA(textA).build();
  }

  /** {@return the first (or only) sentence} */
  public String textA() {
    return textA;
  }

  /** {@return the second sentence of a pair, or empty if the input is one sentence} */
  public Optional<String> textB() {
    return Optional.ofNullable(textB);
  }

  /** {@return whether query and key vectors are wanted} */
  public boolean queriesAndKeys() {
    return queriesAndKeys;
  }

  /** {@return what to do with input longer than the model takes} */
  public OverflowPolicy overflow() {
    return overflow;
  }

  /**
   * The text the decoder of an encoder-decoder model gets (after its start token), if given; an
   * encoder-only or decoder-only model refuses it.
   *
   * @return the target text, or empty if none was given
   */
  public Optional<String> target() {
    return Optional.ofNullable(target);
  }

  /**
   * How many tokens to generate greedily before computing the attention of the whole sequence; 0
   * (the default) generates nothing.
   *
   * @return the number of tokens to generate, at least 0
   */
  public int maxNewTokens() {
    return maxNewTokens;
  }

  /** {@return who hears each generated token; {@link GenerationListener#NONE} unless set} */
  public GenerationListener generationListener() {
    return generationListener;
  }

  /** Equal requests ask for the same computation; the listener does not count. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AttentionRequest that
        && textA.equals(that.textA)
        && Objects.equals(textB, that.textB)
        && queriesAndKeys == that.queriesAndKeys
        && overflow == that.overflow
        && Objects.equals(target, that.target)
        && maxNewTokens == that.maxNewTokens;
  }

  @Override
  public int hashCode() {
    return Objects.hash(textA, textB, queriesAndKeys, overflow, target, maxNewTokens);
  }

  @Override
  public String toString() {
    return "AttentionRequest[textA="
        + textA
        + (textB == null ? "" : ", textB=" + textB)
        + ", queriesAndKeys="
        + queriesAndKeys
        + ", overflow="
        + overflow
        + (target == null ? "" : ", target=" + target)
        + (maxNewTokens == 0 ? "" : ", maxNewTokens=" + maxNewTokens)
        + "]";
  }

  /** Builds an {@link AttentionRequest}. */
  public static final class Builder {
    private String textA;
    private String textB;
    private boolean queriesAndKeys;
    private OverflowPolicy overflow = OverflowPolicy.REJECT;
    private String target;
    private int maxNewTokens;
    private GenerationListener generationListener = GenerationListener.NONE;

    private Builder() {}

    /**
     * Sets the decoder's target text for an encoder-decoder model; null or blank means none (the
     * model generates, or derives its decoder input itself).
     *
     * @param text the target text, or null or blank for none
     * @return this builder
     */
    public Builder optTarget(String text) {
      this.target = text == null || text.isBlank() ? null : text;
      return this;
    }

    /**
     * Asks to generate up to {@code count} tokens greedily (stopping at end-of-sequence), then to
     * compute the attention of the whole sequence; 0 generates nothing.
     *
     * @param count the most tokens to generate, at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder optMaxNewTokens(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, not " + count);
      }
      this.maxNewTokens = count;
      return this;
    }

    /**
     * Sets who hears each generated token (default: nobody).
     *
     * @param listener hears each generated token, on the computing thread; not null
     * @return this builder
     */
    public Builder optGenerationListener(GenerationListener listener) {
      this.generationListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the first (or only) sentence (required).
     *
     * @param text the sentence; not null (an empty text is refused when the provider computes it)
     * @return this builder
     */
    public Builder setTextA(String text) {
      this.textA = Objects.requireNonNull(text, "text");
      return this;
    }

    /**
     * Sets the second sentence of a pair; null or blank means no pair.
     *
     * @param text the second sentence, or null or blank for none
     * @return this builder
     */
    public Builder optTextB(String text) {
      this.textB = text == null || text.isBlank() ? null : text;
      return this;
    }

    /**
     * Asks for query and key vectors (default: no).
     *
     * @param wanted whether to compute query and key vectors
     * @return this builder
     */
    public Builder optQueriesAndKeys(boolean wanted) {
      this.queriesAndKeys = wanted;
      return this;
    }

    /**
     * Sets what to do with overlong input (default: {@link OverflowPolicy#REJECT}).
     *
     * @param policy what to do with overlong input; not null
     * @return this builder
     */
    public Builder optOverflow(OverflowPolicy policy) {
      this.overflow = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Returns the request.
     *
     * @return the request, immutable
     * @throws NullPointerException if text A was not set
     * @throws IllegalArgumentException if both a target and generation were asked for
     */
    public AttentionRequest build() {
      return new AttentionRequest(this);
    }
  }
}
