package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.spi.AttentionRequest;
import org.junit.jupiter.api.Test;

/**
 * Reading the outputs in place gives the very floats the public copy gives: weights, queries and
 * keys of the embedded model, bit for bit, on a pair of sentences.
 */
class OutputFloatsTest {

  @Test
  void readingInPlaceGivesTheSameBitsAsCopying() throws Exception {
    assertTrue(
        OutputFloats.readsInPlace(),
        "ONNX Runtime's private view is reachable on the module path; else every compute copies");
    AttentionRequest request =
        AttentionRequest.builder()
            .setTextA(BenchmarkTexts.LONG)
            .optTextB("A second sentence, so that type ids are fed too.")
            .optQueriesAndKeys(true)
            .build();
    Attention inPlace = DefaultModel.provider().compute(request).primary();
    Attention copied;
    OutputFloats.copying = true;
    try {
      copied = DefaultModel.provider().compute(request).primary();
    } finally {
      OutputFloats.copying = false;
    }
    assertArrayEquals(copied.weights().toArray(), inPlace.weights().toArray());
    assertArrayEquals(
        copied.queries().orElseThrow().toArray(), inPlace.queries().orElseThrow().toArray());
    assertArrayEquals(
        copied.keys().orElseThrow().toArray(), inPlace.keys().orElseThrow().toArray());
  }
}
