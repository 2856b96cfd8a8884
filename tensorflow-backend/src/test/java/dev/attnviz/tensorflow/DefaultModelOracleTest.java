package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.Capability;
import dev.attnviz.core.testing.AttentionAssertions;
import dev.attnviz.core.testing.OracleFixture;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The embedded BERT-base uncased against the golden values of an independent PyTorch
 * implementation: tokens, attention, queries and keys, plus the properties every softmax has.
 */
@ExtendWith(DefaultModelExtension.class)
class DefaultModelOracleTest {

  static final java.util.List<String> FIXTURES = OracleFixture.NAMES;

  private static AttentionData compute(
      AttentionProvider provider, OracleFixture fixture, boolean vectors)
      throws AttentionException {
    return provider.compute(
        AttentionRequest.builder()
            .setTextA(fixture.textA())
            .optTextB(fixture.textB())
            .optQueriesAndKeys(vectors)
            .build());
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void attentionQueriesAndKeysMatchTheGoldenValues(String name, AttentionProvider provider)
      throws AttentionException {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, name);
    AttentionData data = compute(provider, fixture, true);

    assertTrue(data.hasVectors());
    fixture.assertMatches(data, 1e-4, 1e-3);
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void everyRowSumsToOneOverTheRealTokens(String name, AttentionProvider provider)
      throws AttentionException {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, name);

    AttentionAssertions.assertRowsSumToOne(compute(provider, fixture, false), 1e-5);
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void queriesAndKeysReproduceTheWeightsOfEveryLayerAndHead(String name, AttentionProvider provider)
      throws AttentionException {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, name);
    AttentionData data = compute(provider, fixture, true);

    assertEquals(12, data.primary().layerCount());
    assertEquals(12, data.primary().headCount());
    assertEquals(64, data.primary().queries().orElseThrow().dim3());
    AttentionAssertions.assertVectorsReproduceWeights(data, 1e-3);
  }

  @Test
  void withoutVectorsTheResultHasOnlyWeights(AttentionProvider provider) throws AttentionException {
    OracleFixture fixture = OracleFixture.load(OracleFixture.BERT_BASE_UNCASED, "cat-sat");
    AttentionData data = compute(provider, fixture, false);

    assertFalse(data.hasVectors());
    fixture.assertMatches(data, 1e-4, 1e-3);
  }

  @Test
  void describesTheModelAndWhatItCanDo(AttentionProvider provider) {
    assertEquals(new ModelInfo("bert-base-uncased", "tensorflow", false), provider.model());
    assertEquals("tensorflow", provider.providerName());
    assertEquals(128, provider.maxTokens());
    assertEquals(
        Set.of(Capability.QUERY_KEY_VECTORS, Capability.SENTENCE_PAIRS, Capability.TRUNCATION),
        provider.capabilities());
  }

  @Test
  void marksSpecialTokensWordsAndTheSecondSentence(AttentionProvider provider)
      throws AttentionException {
    AttentionData data =
        provider.compute(
            AttentionRequest.builder().setTextA("Ångström hopped").optTextB("Yes").build());
    Attention attention = data.primary();

    assertEquals(
        java.util.List.of("[CLS]", "ang", "##strom", "hopped", "[SEP]", "yes", "[SEP]"),
        attention.queryTokens().strings());
    assertTrue(attention.queryTokens().isSpecial(0));
    assertTrue(attention.queryTokens().isSpecial(4));
    assertFalse(attention.queryTokens().isSpecial(1));
    assertEquals(
        attention.queryTokens().wordOf(1),
        attention.queryTokens().wordOf(2),
        "ang and ##strom form one word");
    assertEquals(5, data.sentenceBStart().orElseThrow());
    assertTrue(data.truncation().isEmpty());
  }
}
