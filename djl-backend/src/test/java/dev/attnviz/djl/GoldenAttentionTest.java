package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.testing.AttentionAssertions;
import dev.attnviz.core.testing.OracleFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real embedded model against golden values from an independent PyTorch implementation ({@code
 * fixtures/oracle/all-minilm-l6-v2}).
 */
class GoldenAttentionTest {

  private static AttentionData computeWithVectors(OracleFixture fixture) throws Exception {
    return DefaultModel.provider()
        .compute(
            AttentionRequest.builder()
                .setTextA(fixture.textA())
                .optTextB(fixture.textB())
                .optQueriesAndKeys(true)
                .build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cat-sat", "rabbit-turtle-pair"})
  void attentionQueriesAndKeysMatchTheIndependentImplementation(String fixtureName)
      throws Exception {
    OracleFixture fixture = OracleFixture.load(OracleFixture.ALL_MINILM_L6_V2, fixtureName);

    AttentionData data = computeWithVectors(fixture);

    fixture.assertMatches(data, 1e-4, 1e-3);
    assertEquals(new ModelInfo("all-minilm-l6-v2", "djl", false), data.model());
    assertEquals(AttentionKind.SELF, data.primary().kind());
    assertEquals(6, data.primary().layerCount());
    assertEquals(12, data.primary().headCount());
    assertEquals(32, data.primary().headSize());
    assertTrue(data.truncation().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cat-sat", "rabbit-turtle-pair"})
  void rowsSumToOneAndVectorsReproduceEveryWeight(String fixtureName) throws Exception {
    OracleFixture fixture = OracleFixture.load(OracleFixture.ALL_MINILM_L6_V2, fixtureName);

    AttentionData data = computeWithVectors(fixture);

    AttentionAssertions.assertRowsSumToOne(data, 1e-5);
    AttentionAssertions.assertVectorsReproduceWeights(data, 1e-3);
  }
}
