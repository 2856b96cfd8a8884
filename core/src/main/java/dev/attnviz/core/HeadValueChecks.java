package dev.attnviz.core;

import dev.attnviz.core.internal.KnownValidHeads;
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

  /** Heads whose weights need no reading, as the transform that computed them learnt; or null. */
  private final KnownValidHeads known;

  HeadValueChecks(
      String where, Tensor4D weights, Tensor4D queries, Tensor4D keys, KnownValidHeads known) {
    this.where = where;
    this.weights = weights;
    this.queries = queries;
    this.keys = keys;
    this.known = known;
    this.verdicts = new AtomicReferenceArray<>(weights.dim0() * weights.dim1());
  }

  /** Remembers every head as valid, for numbers checked as they were copied in. */
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
    if (known != null && known.knownValid(layer, head)) {
      return VALID;
    }
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
    return weights.readMatrix(layer, head, matrix -> checkWeights(matrix, layer, head));
  }

  private String checkWeights(FloatBuffer matrix, int layer, int head) {
    float[] row = new float[weights.dim3()];
    float[] least = new float[row.length];
    float[] greatest = new float[row.length];
    for (int r = 0; r < weights.dim2(); r++) {
      matrix.get(r * row.length, row);
      leastAndGreatest(row, least, greatest);
    }
    if (allValidWeights(least) && allValidWeights(greatest)) {
      return VALID;
    }
    // Only a bad matrix is searched, row by row, for its first bad weight.
    for (int r = 0; r < weights.dim2(); r++) {
      matrix.get(r * row.length, row);
      for (int c = 0; c < row.length; c++) {
        float w = row[c];
        if (!Attention.isValidWeight(w)) {
          return where + "weight at " + position(layer, head, r, c) + " is " + w + weightAdvice(w);
        }
      }
    }
    return changedWhileChecked("weights", layer, head);
  }

  private String checkVectors(String name, Tensor4D vectors, int layer, int head) {
    return vectors.readMatrix(
        layer, head, matrix -> checkVectors(matrix, name, vectors, layer, head));
  }

  private String checkVectors(
      FloatBuffer matrix, String name, Tensor4D vectors, int layer, int head) {
    float[] row = new float[vectors.dim3()];
    float[] zeros = new float[row.length];
    for (int r = 0; r < vectors.dim2(); r++) {
      matrix.get(r * row.length, row);
      addTimesZero(row, zeros);
    }
    if (allZero(zeros)) {
      return VALID;
    }
    for (int r = 0; r < vectors.dim2(); r++) {
      matrix.get(r * row.length, row);
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
    return changedWhileChecked(name, layer, head);
  }

  /**
   * Lowers {@code least[c]} and raises {@code greatest[c]} to {@code row[c]}, column by column.
   * Column-wise, not a reduction to one least and one greatest value: C2 (OpenJDK 17) vectorises
   * this loop but not the reduction, whose NaN and -0 rules it keeps one value at a time; a matrix
   * is checked 2-5 times faster (docs/performance/djl.md, issue 18). {@code Math.min} and {@code
   * Math.max} pass NaN on, and {@code -0} stays valid.
   */
  static void leastAndGreatest(float[] row, float[] least, float[] greatest) {
    leastAndGreatest(row, row.length, least, greatest);
  }

  /** {@link #leastAndGreatest(float[], float[], float[])} of {@code row[0, n)}. */
  static void leastAndGreatest(float[] row, int n, float[] least, float[] greatest) {
    for (int c = 0; c < n; c++) {
      least[c] = Math.min(least[c], row[c]);
      greatest[c] = Math.max(greatest[c], row[c]);
    }
  }

  /** Whether every weight of {@code values} is valid ({@link Attention#isValidWeight}). */
  static boolean allValidWeights(float[] values) {
    boolean valid = true;
    for (float w : values) {
      valid &= Attention.isValidWeight(w);
    }
    return valid;
  }

  /**
   * Adds {@code row[c] × 0} to {@code sums[c]}, column by column (vectorised, as {@link
   * #leastAndGreatest}): {@code v × 0} is 0 or -0 for a finite {@code v} and NaN for an infinity or
   * NaN, so the sums stay 0 only while every value is finite.
   */
  static void addTimesZero(float[] row, float[] sums) {
    for (int c = 0; c < row.length; c++) {
      sums[c] += row[c] * 0f;
    }
  }

  /** Whether every value of {@code values} is 0 or -0. */
  static boolean allZero(float[] values) {
    boolean zero = true;
    for (float v : values) {
      zero &= v == 0f;
    }
    return zero;
  }

  /** Only a memory-mapped file rewritten between the two passes over a matrix can get here. */
  private String changedWhileChecked(String what, int layer, int head) {
    return where
        + "the "
        + what
        + " of [layer "
        + layer
        + "][head "
        + head
        + "] changed while they were checked; open the file again once it is written";
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
