package dev.attnviz.core.testing;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionScores;
import dev.attnviz.core.Tensor4D;

/** Checks that hold for the attention of any real model, shared by the backend tests. */
public final class AttentionAssertions {

  private AttentionAssertions() {}

  /**
   * Asserts that two results hold the same model, tokens, kinds and shapes, and numbers equal
   * within {@code tolerance}: for results of one provider computed in parallel, where the order of
   * floating-point sums may differ.
   */
  public static void assertClose(AttentionData expected, AttentionData actual, double tolerance) {
    if (!expected.model().equals(actual.model())
        || !expected.kindList().equals(actual.kindList())
        || !expected.sentenceBStart().equals(actual.sentenceBStart())
        || !expected.truncation().equals(actual.truncation())) {
      throw new AssertionError("expected " + expected + " but was " + actual);
    }
    for (int k = 0; k < expected.attentions().size(); k++) {
      Attention a = expected.attentions().get(k);
      Attention b = actual.attentions().get(k);
      if (!a.queryTokens().equals(b.queryTokens()) || !a.keyTokens().equals(b.keyTokens())) {
        throw new AssertionError("tokens differ: " + a.queryTokens() + " / " + b.queryTokens());
      }
      assertClose(a.kind().id() + " weights", a.weights(), b.weights(), tolerance);
      if (a.hasVectors() != b.hasVectors()) {
        throw new AssertionError(a.kind().id() + ": vectors in one result only");
      }
      if (a.hasVectors()) {
        assertClose("queries", a.queries().orElseThrow(), b.queries().orElseThrow(), tolerance);
        assertClose("keys", a.keys().orElseThrow(), b.keys().orElseThrow(), tolerance);
      }
    }
  }

  private static void assertClose(String what, Tensor4D a, Tensor4D b, double tolerance) {
    if (!a.shape().equals(b.shape())) {
      throw new AssertionError(what + ": shape " + a.shape() + " vs " + b.shape());
    }
    float[] x = a.toArray();
    float[] y = b.toArray();
    for (int i = 0; i < x.length; i++) {
      if (!(Math.abs(x[i] - y[i]) <= tolerance)) {
        throw new AssertionError(what + " element " + i + ": " + x[i] + " vs " + y[i]);
      }
    }
  }

  /** Asserts that every row of every matrix of every kind sums to 1 within {@code tolerance}. */
  public static void assertRowsSumToOne(AttentionData data, double tolerance) {
    for (Attention attention : data.attentions()) {
      Tensor4D w = attention.weights();
      for (int l = 0; l < w.dim0(); l++) {
        for (int h = 0; h < w.dim1(); h++) {
          for (int i = 0; i < w.dim2(); i++) {
            double sum = 0;
            for (int j = 0; j < w.dim3(); j++) {
              sum += w.get(l, h, i, j);
            }
            if (Math.abs(sum - 1) > tolerance) {
              throw new AssertionError(
                  String.format(
                      "%s row [layer %d][head %d][%d] sums to %.7f",
                      attention.kind().id(), l, h, i, sum));
            }
          }
        }
      }
    }
  }

  /**
   * Asserts that softmax of {@code (q_i · k_j) / sqrt(d)} (causal mask if the model is causal)
   * reproduces every attention row within {@code tolerance}: proof that the query and key vectors
   * are the tensors that produced the weights.
   */
  public static void assertVectorsReproduceWeights(AttentionData data, double tolerance) {
    boolean causal = data.model().causal();
    for (Attention attention : data.attentions()) {
      if (!attention.hasVectors()) {
        throw new AssertionError(attention + " has no query and key vectors");
      }
      for (int l = 0; l < attention.layerCount(); l++) {
        for (int h = 0; h < attention.headCount(); h++) {
          for (int i = 0; i < attention.queryTokens().size(); i++) {
            double[] row = AttentionScores.recomputeRow(attention, l, h, i, causal);
            for (int j = 0; j < row.length; j++) {
              double diff = Math.abs(row[j] - attention.weight(l, h, i, j));
              if (diff > tolerance) {
                throw new AssertionError(
                    String.format(
                        "layer %d head %d: softmax(q%d·k%d/sqrt(d)) = %.6f but weight is %.6f",
                        l, h, i, j, row[j], attention.weight(l, h, i, j)));
              }
            }
          }
        }
      }
    }
  }
}
