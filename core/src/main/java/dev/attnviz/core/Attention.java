package dev.attnviz.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The attention of one {@link AttentionKind} for one input: weights for every layer and head, the
 * tokens on both axes, and optionally the query and key vectors that produced the weights.
 *
 * <ul>
 *   <li>weights: {@code [layer][head][query][key]}, finite, in {@code [0, 1]}; each row is a
 *       softmax and sums to 1 (not enforced: files may hold rounded values);
 *   <li>queries: {@code [layer][head][query][dim]}, keys: {@code [layer][head][key][dim]}, the
 *       per-head projections plus bias, before the {@code 1/sqrt(dim)} scaling. Both or neither.
 * </ul>
 *
 * <p>Immutable and thread-safe. Construct with {@link #builder(AttentionKind)}.
 */
public final class Attention {

  /** How far above 1 a weight may be, to allow for rounding in files. */
  static final float WEIGHT_TOLERANCE = 1e-3f;

  /** Weights from which {@link Builder#build()} checks the heads in parallel. */
  private static final long PARALLEL_CHECK_ELEMENTS = 1 << 16;

  private final AttentionKind kind;
  private final Tokens queryTokens;
  private final Tokens keyTokens;
  private final Tensor4D weights;
  private final Tensor4D queries;
  private final Tensor4D keys;
  private final boolean deferred;
  private final HeadValueChecks checks;

  static {
    // The one way into the construction of checks per head with known verdicts: see
    // dev.attnviz.core.internal.TrustedAttention.
    dev.attnviz.core.internal.TrustedAttention.install(Attention::new);
  }

  private Attention(Builder builder) {
    this(builder, null);
  }

  /**
   * Builds the attention. With {@code known}, the value checks are deferred to the first look at
   * each head, and a head {@code known} vouches for is not read for them.
   */
  private Attention(Builder builder, dev.attnviz.core.internal.KnownValidHeads known) {
    this.kind = Objects.requireNonNull(builder.kind, "kind");
    this.queryTokens = Objects.requireNonNull(builder.queryTokens, "queryTokens");
    this.keyTokens = Objects.requireNonNull(builder.keyTokens, "keyTokens");
    this.weights = Objects.requireNonNull(builder.weights, "weights");
    this.queries = builder.queries;
    this.keys = builder.keys;
    this.deferred = builder.deferValueChecks || known != null;
    validate();
    this.checks = new HeadValueChecks(kind.id() + " attention: ", weights, queries, keys, known);
    if (!deferred && knownValid()) {
      checks.markAllValid();
    } else if (!deferred) {
      // Every head, on all cores when there is enough to share (a compute's result at 124 tokens
      // is 1.1 M weights); the first problem in layer, then head order either way.
      Optional<String> problem =
          weights.elementCount() >= PARALLEL_CHECK_ELEMENTS
              ? checks.firstProblem()
              : checks.firstProblemInOrder();
      if (problem.isPresent()) {
        throw new IllegalArgumentException(problem.get());
      }
    }
  }

  /**
   * Whether every number is valid by what the tensors' builders learnt while the numbers were
   * copied in ({@link Tensor4D.Builder#setRow(int, int, int, java.nio.FloatBuffer)}), so that they
   * need not be read again: a provider's result is checked while it leaves native memory, not in a
   * second pass over megabytes no longer in cache. Any tensor without that knowledge (or with a
   * value out of range, which is then found and named by the full check) is checked whole.
   */
  private boolean knownValid() {
    return weights.knownWithin(0f, 1f + WEIGHT_TOLERANCE)
        && (queries == null
            || (queries.knownWithin(-Float.MAX_VALUE, Float.MAX_VALUE)
                && keys.knownWithin(-Float.MAX_VALUE, Float.MAX_VALUE)));
  }

  /**
   * Whether {@code w} is a valid weight: finite, not negative, and at most 1 plus a tolerance for
   * rounding in files. For computations that read every weight anyway and check them on the way
   * instead of through {@link #problem}.
   *
   * @param w the weight
   * @return true if it is valid
   */
  public static boolean isValidWeight(float w) {
    return w >= 0f & w <= 1f + WEIGHT_TOLERANCE;
  }

  /**
   * Returns a builder for attention of the given kind.
   *
   * @param kind which attention the builder makes; not null
   * @return a new, empty builder
   */
  public static Builder builder(AttentionKind kind) {
    return new Builder(kind);
  }

  private void validate() {
    String where = kind.id() + " attention: ";
    if (weights.dim2() != queryTokens.size()) {
      throw new IllegalArgumentException(
          where
              + "weights "
              + weights.shape()
              + " have "
              + weights.dim2()
              + " query rows but there are "
              + queryTokens.size()
              + " query tokens");
    }
    if (weights.dim3() != keyTokens.size()) {
      throw new IllegalArgumentException(
          where
              + "weights "
              + weights.shape()
              + " have "
              + weights.dim3()
              + " key columns but there are "
              + keyTokens.size()
              + " key tokens");
    }
    if (kind.isSelfAttention() && !queryTokens.strings().equals(keyTokens.strings())) {
      throw new IllegalArgumentException(
          where + "self-attention needs the same query and key tokens");
    }
    if (weights.dim0() == 0 || weights.dim1() == 0 || weights.dim2() == 0) {
      throw new IllegalArgumentException(
          where + "weights " + weights.shape() + " need at least one layer, head and token");
    }
    if ((queries == null) != (keys == null)) {
      throw new IllegalArgumentException(where + "query and key vectors come together or not");
    }
    if (queries != null) {
      checkVectorShape(where, "queries", queries, queryTokens.size());
      checkVectorShape(where, "keys", keys, keyTokens.size());
      if (queries.dim3() != keys.dim3()) {
        throw new IllegalArgumentException(
            where
                + "query vectors have "
                + queries.dim3()
                + " dimensions but key vectors have "
                + keys.dim3());
      }
    }
  }

  private void checkVectorShape(String where, String name, Tensor4D vectors, int tokens) {
    if (vectors.dim0() != weights.dim0()
        || vectors.dim1() != weights.dim1()
        || vectors.dim2() != tokens
        || vectors.dim3() == 0) {
      throw new IllegalArgumentException(
          where
              + name
              + " "
              + vectors.shape()
              + " do not match "
              + weights.dim0()
              + " layers, "
              + weights.dim1()
              + " heads and "
              + tokens
              + " tokens");
    }
  }

  /**
   * What is wrong with the numbers of one head: a weight outside {@code [0, 1]} or not finite, or a
   * query or key vector value that is not finite. Attention built with {@link
   * Builder#deferValueChecks()} (a memory-mapped dump) checks a head on the first call and
   * remembers the verdict, so whatever shows a head should ask first and say so instead of drawing
   * a wrong picture; other attention was checked whole by {@link Builder#build()} and always
   * answers empty.
   *
   * @param layer the layer, from 0
   * @param head the head, from 0
   * @return the problem, naming the kind and position, e.g. {@code "self attention: weight at
   *     [layer 1][head 0][2][3] is NaN; weights must be finite numbers"}; empty if there is none
   * @throws IndexOutOfBoundsException if the layer or head is out of range
   */
  public Optional<String> problem(int layer, int head) {
    return checks.problem(layer, head);
  }

  /**
   * The {@link #problem} of the first head (in layer, then head order) that has one, checking every
   * head not checked yet (in parallel): one pass over all numbers the first time.
   *
   * @return the first problem, or empty if every head is valid
   */
  public Optional<String> firstProblem() {
    // Checked whole when built: nothing to look for.
    return deferred ? checks.firstProblem() : Optional.empty();
  }

  /**
   * Fails if any head has a {@link #problem}, for computations that read every head.
   *
   * @throws IllegalArgumentException with the first problem
   */
  public void requireValidValues() {
    Optional<String> problem = firstProblem();
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /**
   * Whether the numbers are checked per head when first looked at ({@link
   * Builder#deferValueChecks()}) rather than all at once when built.
   *
   * @return true for deferred checks
   */
  public boolean checksDeferred() {
    return deferred;
  }

  /** {@return which attention this is} */
  public AttentionKind kind() {
    return kind;
  }

  /** {@return the tokens of the query axis (drawn on the left)} */
  public Tokens queryTokens() {
    return queryTokens;
  }

  /** {@return the tokens of the key axis (drawn on the right)} */
  public Tokens keyTokens() {
    return keyTokens;
  }

  /** {@return the number of layers} */
  public int layerCount() {
    return weights.dim0();
  }

  /** {@return the number of heads per layer} */
  public int headCount() {
    return weights.dim1();
  }

  /** {@return the weights, {@code [layer][head][query][key]}} */
  public Tensor4D weights() {
    return weights;
  }

  /**
   * One weight: how much query token {@code query} attends to key token {@code key}.
   *
   * @param layer the layer, from 0 to {@link #layerCount()} - 1
   * @param head the head, from 0 to {@link #headCount()} - 1
   * @param query the query token, from 0 to {@code queryTokens().size()} - 1
   * @param key the key token, from 0 to {@code keyTokens().size()} - 1
   * @return the weight, from 0 to 1 unless {@link #problem} reports the head (possible only with
   *     {@link Builder#deferValueChecks()})
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float weight(int layer, int head, int query, int key) {
    return weights.get(layer, head, query, key);
  }

  /** {@return whether query and key vectors are present} */
  public boolean hasVectors() {
    return queries != null;
  }

  /** {@return the query vectors {@code [layer][head][query][dim]}, or empty without vectors} */
  public Optional<Tensor4D> queries() {
    return Optional.ofNullable(queries);
  }

  /** {@return the key vectors {@code [layer][head][key][dim]}, or empty without vectors} */
  public Optional<Tensor4D> keys() {
    return Optional.ofNullable(keys);
  }

  /** {@return the size of one head's query and key vectors, or 0 without vectors} */
  public int headSize() {
    return queries == null ? 0 : queries.dim3();
  }

  /** {@return the bytes held by the numbers (weights and vectors)} */
  public long byteSize() {
    return weights.byteSize()
        + (queries == null ? 0 : queries.byteSize())
        + (keys == null ? 0 : keys.byteSize());
  }

  /**
   * Returns this attention without query and key vectors.
   *
   * @return this instance if it has no vectors, else a copy sharing its tokens and weights
   */
  public Attention withoutVectors() {
    if (queries == null) {
      return this;
    }
    Builder builder =
        builder(kind).setQueryTokens(queryTokens).setKeyTokens(keyTokens).setWeights(weights);
    return (deferred ? builder.deferValueChecks() : builder).build();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attention that
        && kind == that.kind
        && queryTokens.equals(that.queryTokens)
        && keyTokens.equals(that.keyTokens)
        && weights.equals(that.weights)
        && Objects.equals(queries, that.queries)
        && Objects.equals(keys, that.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, queryTokens, keyTokens, weights, queries, keys);
  }

  @Override
  public String toString() {
    return kind.id()
        + " attention "
        + weights.shape()
        + (queries == null ? "" : " with vectors of size " + headSize());
  }

  /** Builds an {@link Attention}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final AttentionKind kind;
    private Tokens queryTokens;
    private Tokens keyTokens;
    private Tensor4D weights;
    private Tensor4D queries;
    private Tensor4D keys;
    private boolean deferValueChecks;

    private Builder(AttentionKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Sets the query tokens (required).
     *
     * @param tokens the tokens of the query axis; not null
     * @return this builder
     */
    public Builder setQueryTokens(Tokens tokens) {
      this.queryTokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets the key tokens (required).
     *
     * @param tokens the tokens of the key axis; not null
     * @return this builder
     */
    public Builder setKeyTokens(Tokens tokens) {
      this.keyTokens = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets query and key tokens to the same sequence, for self-attention.
     *
     * @param tokens the tokens of both axes; not null
     * @return this builder
     */
    public Builder setTokens(Tokens tokens) {
      return setQueryTokens(tokens).setKeyTokens(tokens);
    }

    /**
     * Sets the weights {@code [layer][head][query][key]} (required).
     *
     * @param weights the weights; not null
     * @return this builder
     */
    public Builder setWeights(Tensor4D weights) {
      this.weights = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /**
     * Sets query {@code [layer][head][query][dim]} and key {@code [layer][head][key][dim]}.
     *
     * @param queries the query vectors; not null
     * @param keys the key vectors, with the queries' layer, head and vector size; not null
     * @return this builder
     */
    public Builder optVectors(Tensor4D queries, Tensor4D keys) {
      this.queries = Objects.requireNonNull(queries, "queries");
      this.keys = Objects.requireNonNull(keys, "keys");
      return this;
    }

    /**
     * Checks the numbers (weights in {@code [0, 1]}, vectors finite) of each head only when it is
     * first looked at through {@link Attention#problem}, instead of all of them in {@link
     * #build()}, which then checks the shapes alone. For memory-mapped dumps too large to read
     * whole when opened; whatever shows a head must then ask {@link Attention#problem} first.
     *
     * @return this builder
     */
    public Builder deferValueChecks() {
      this.deferValueChecks = true;
      return this;
    }

    /**
     * Validates and returns the attention.
     *
     * @return the attention, immutable
     * @throws NullPointerException if a required part is missing
     * @throws IllegalArgumentException naming the mismatch if shapes or values are invalid
     */
    public Attention build() {
      return new Attention(this);
    }
  }
}
