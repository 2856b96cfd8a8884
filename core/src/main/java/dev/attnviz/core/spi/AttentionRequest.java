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

  private AttentionRequest(Builder builder) {
    this.textA = Objects.requireNonNull(builder.textA, "textA");
    this.textB = builder.textB;
    this.queriesAndKeys = builder.queriesAndKeys;
    this.overflow = builder.overflow;
  }

  /** Returns a builder: text A required; no text B, no vectors, reject overlong input. */
  public static Builder builder() {
    return new Builder();
  }

  /** Shortcut for a single sentence with default options. */
  public static AttentionRequest of(String textA) {
    return builder().setTextA(textA).build();
  }

  /** The first (or only) sentence. */
  public String textA() {
    return textA;
  }

  /** The second sentence of a pair, if any. */
  public Optional<String> textB() {
    return Optional.ofNullable(textB);
  }

  /** Whether query and key vectors are wanted. */
  public boolean queriesAndKeys() {
    return queriesAndKeys;
  }

  /** What to do with input longer than the model takes. */
  public OverflowPolicy overflow() {
    return overflow;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AttentionRequest that
        && textA.equals(that.textA)
        && Objects.equals(textB, that.textB)
        && queriesAndKeys == that.queriesAndKeys
        && overflow == that.overflow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(textA, textB, queriesAndKeys, overflow);
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
        + "]";
  }

  /** Builds an {@link AttentionRequest}. */
  public static final class Builder {
    private String textA;
    private String textB;
    private boolean queriesAndKeys;
    private OverflowPolicy overflow = OverflowPolicy.REJECT;

    private Builder() {}

    /** Sets the first (or only) sentence (required). */
    public Builder setTextA(String text) {
      this.textA = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Sets the second sentence of a pair; null or blank means no pair. */
    public Builder optTextB(String text) {
      this.textB = text == null || text.isBlank() ? null : text;
      return this;
    }

    /** Asks for query and key vectors (default: no). */
    public Builder optQueriesAndKeys(boolean wanted) {
      this.queriesAndKeys = wanted;
      return this;
    }

    /** Sets what to do with overlong input (default: {@link OverflowPolicy#REJECT}). */
    public Builder optOverflow(OverflowPolicy policy) {
      this.overflow = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Returns the request.
     *
     * @throws NullPointerException if text A was not set
     */
    public AttentionRequest build() {
      return new AttentionRequest(this);
    }
  }
}
