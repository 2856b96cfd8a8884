package dev.attnviz.core;

import java.nio.FloatBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Checks the numbers of one {@link Attention}, one head at a time: weights finite and in {@code [0,
 * 1]} (with {@link Attention#WEIGHT_TOLERANCE}), query and key vectors finite. Each head's verdict
 * is computed once and remembered, so a memory-mapped dump is read for checking only where and when
 * something looks at it. Thread-safe: two threads may check the same head at once and store the
 * same verdict.
 */
final class HeadValueChecks {

  /** The remembered verdict of a head without a problem. */
  private static final String VALID = "";

  private final String where;
  private final Tensor4D weights;
  private final Tensor4D queries;
  private final Tensor4D keys;

  /** Per head ({@code layer * heads + head}): null until checked, then VALID or the problem. */
  private final AtomicReferenceArray<String> verdicts;

  HeadValueChecks(String where, Tensor4D weights, Tensor4D queries, Tensor4D keys) {
    this.where = where;
    this.weights = weights;
    this.queries = queries;
    this.keys = keys;
    this.verdicts = new AtomicReferenceArray<>(weights.dim0() * weights.dim1());
  }

  /** Remembers every head as valid, for numbers checked before (a trusted internal result). */
  void markAllValid() {
    for (int i = 0; i < verdicts.length(); i++) {
      verdicts.set(i, VALID);
    }
  }

  /** What is wrong with the numbers of head {@code [layer][head]}, checked on the first call. */
  Optional<String> problem(int layer, int head) {
    int index =
        Objects.checkIndex(layer, weights.dim0()) * weights.dim1()
            + Objects.checkIndex(head, weights.dim1());
    String verdict = verdicts.get(index);
    if (verdict == null) {
      verdict = check(layer, head);
      verdicts.set(index, verdict);
    }
    return verdict.isEmpty() ? Optional.empty() : Optional.of(verdict);
  }

  /**
   * The problem of the first head (in layer, then head order) that has one, checking every head not
   * yet checked; the heads are checked in parallel.
   */
  Optional<String> firstProblem() {
    int heads = weights.dim1();
    return IntStream.range(0, verdicts.length())
        .parallel()
        .mapToObj(i -> problem(i / heads, i % heads))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** {@link #firstProblem()} on the calling thread alone, stopping at the first problem. */
  Optional<String> firstProblemInOrder() {
    for (int i = 0; i < verdicts.length(); i++) {
      Optional<String> problem = problem(i / weights.dim1(), i % weights.dim1());
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private String check(int layer, int head) {
    String problem = checkWeights(layer, head);
    if (problem.isEmpty() && queries != null) {
      problem = checkVectors("queries", queries, layer, head);
      if (problem.isEmpty()) {
        problem = checkVectors("keys", keys, layer, head);
      }
    }
    return problem;
  }

  private String checkWeights(int layer, int head) {
    FloatBuffer matrix = weights.matrix(layer, head);
    float[] row = new float[weights.dim3()];
    for (int r = 0; r < weights.dim2(); r++) {
      matrix.get(r * row.length, row);
      // One pass without branches in the common case; only a bad row is searched.
      if (!allValidWeights(row)) {
        for (int c = 0; c < row.length; c++) {
          float w = row[c];
          if (!Attention.isValidWeight(w)) {
            return where
                + "weight at "
                + position(layer, head, r, c)
                + " is "
                + w
                + weightAdvice(w);
          }
        }
      }
    }
    return VALID;
  }

  private String checkVectors(String name, Tensor4D vectors, int layer, int head) {
    FloatBuffer matrix = vectors.matrix(layer, head);
    float[] row = new float[vectors.dim3()];
    for (int r = 0; r < vectors.dim2(); r++) {
      matrix.get(r * row.length, row);
      if (allFinite(row)) {
        continue;
      }
      for (int c = 0; c < row.length; c++) {
        if (!Float.isFinite(row[c])) {
          return where
              + name
              + " value at "
              + position(layer, head, r, c)
              + " is "
              + row[c]
              + "; vectors must be finite numbers";
        }
      }
    }
    return VALID;
  }

  /**
   * Whether every weight of {@code row} is valid ({@link Attention#isValidWeight}), without a
   * branch per weight: about twice as fast on OpenJDK 17 as the least and greatest weight through
   * {@code Math.min} and {@code Math.max}, whose NaN and -0 handling C2 does not vectorise
   * (docs/performance/djl.md, issue 18).
   */
  static boolean allValidWeights(float[] row) {
    boolean valid = true;
    for (float w : row) {
      valid &= w >= 0f & w <= 1f + Attention.WEIGHT_TOLERANCE;
    }
    return valid;
  }

  /**
   * Whether every value of {@code row} is finite: {@code v × 0} is 0 (or -0) for a finite {@code v}
   * and NaN for an infinity or NaN, and a sum of them is 0 only if no NaN came in. Four sums side
   * by side, so that each addition need not wait for the one before.
   */
  static boolean allFinite(float[] row) {
    float s0 = 0f;
    float s1 = 0f;
    float s2 = 0f;
    float s3 = 0f;
    int c = 0;
    for (; c + 3 < row.length; c += 4) {
      s0 += row[c] * 0f;
      s1 += row[c + 1] * 0f;
      s2 += row[c + 2] * 0f;
      s3 += row[c + 3] * 0f;
    }
    for (; c < row.length; c++) {
      s0 += row[c] * 0f;
    }
    return (s0 + s1) + (s2 + s3) == 0f;
  }

  private static String weightAdvice(float w) {
    if (Float.isNaN(w) || Float.isInfinite(w)) {
      return "; weights must be finite numbers";
    }
    if (w < 0) {
      return "; weights are probabilities and cannot be negative";
    }
    return "; weights are softmax probabilities and cannot exceed 1"
        + " (were scores saved before the softmax?)";
  }

  private static String position(int l, int h, int row, int column) {
    return "[layer " + l + "][head " + h + "][" + row + "][" + column + "]";
  }
}
