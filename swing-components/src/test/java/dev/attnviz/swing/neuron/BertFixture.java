package dev.attnviz.swing.neuron;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.testing.OracleFixture;
import dev.attnviz.swing.testing.TestData;
import java.util.Map;
import java.util.Set;

/**
 * Real BERT-base attention from the golden fixtures as {@link AttentionData}. The fixtures hold
 * attention for all 12 layers but query and key vectors only for the first and the last; the other
 * layers' vectors are zeros here, so views built on this data must only be shown {@link
 * #LAYERS_WITH_VECTORS} (set {@code includeLayers}).
 */
final class BertFixture {

  /** The layers whose query and key vectors the fixture holds. */
  static final Set<Integer> LAYERS_WITH_VECTORS = Set.of(0, 11);

  private BertFixture() {}

  /** The fixture {@code name} (e.g. {@code "cat-sat"}) of bert-base-uncased. */
  static AttentionData load(String name) {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, name);
    if (!fixture.queries().keySet().equals(LAYERS_WITH_VECTORS)) {
      throw new IllegalStateException(
          "fixture " + name + " has vectors for layers " + fixture.queries().keySet());
    }
    AttentionData weights = TestData.fromFixture(fixture);
    Attention attention = weights.primary();
    int layers = attention.layerCount();
    int heads = attention.headCount();
    int n = attention.queryTokens().size();
    int d = fixture.queries().values().iterator().next()[0][0].length;
    AttentionData.Builder data =
        AttentionData.builder()
            .setModel(weights.model())
            .addAttention(
                Attention.builder(AttentionKind.SELF)
                    .setTokens(attention.queryTokens())
                    .setWeights(attention.weights())
                    .optVectors(
                        vectors(fixture.queries(), layers, heads, n, d),
                        vectors(fixture.keys(), layers, heads, n, d))
                    .build());
    weights.sentenceBStart().ifPresent(data::optSentenceBStart);
    return data.build();
  }

  private static Tensor4D vectors(
      Map<Integer, float[][][]> byLayer, int layers, int heads, int n, int d) {
    Tensor4D.Builder vectors = Tensor4D.builder(layers, heads, n, d);
    for (Map.Entry<Integer, float[][][]> layer : byLayer.entrySet()) {
      for (int h = 0; h < heads; h++) {
        for (int t = 0; t < n; t++) {
          vectors.setRow(layer.getKey(), h, t, layer.getValue()[h][t], 0);
        }
      }
    }
    return vectors.build();
  }
}
