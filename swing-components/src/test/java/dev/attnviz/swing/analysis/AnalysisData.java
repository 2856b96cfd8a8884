package dev.attnviz.swing.analysis;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.testing.TestData;
import java.util.List;

/** Small data sets shared by the analysis view tests. */
final class AnalysisData {

  private AnalysisData() {}

  /**
   * Encoder {@code x y}, decoder {@code p q}, one layer and head each; every row spreads its weight
   * evenly, in encoder, decoder and cross attention.
   */
  static AttentionData encoderDecoderOfTwo() {
    float[][] even = {{0.5f, 0.5f}, {0.5f, 0.5f}};
    return TestData.encoderDecoder(
        List.of("x", "y"),
        List.of("p", "q"),
        new float[][][][] {{even}},
        new float[][][][] {{even}},
        new float[][][][] {{even}});
  }
}
