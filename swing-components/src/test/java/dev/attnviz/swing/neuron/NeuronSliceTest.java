package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.render.ShownAttention;
import java.util.List;
import org.junit.jupiter.api.Test;

class NeuronSliceTest {

  @Test
  void copiesTheHeadsNumbers() {
    NeuronSlice slice = slice(TestData.threeTokens(true), SentenceFilter.ALL);
    assertEquals(3, slice.rowCount());
    assertEquals(4, slice.headSize());
    assertEquals(0.3f, slice.weight(1, 2));
    assertEquals(-6f, slice.query(1, 3));
    assertEquals(-8f, slice.key(2, 1));
    assertEquals(8.0 * 1, slice.product(1, 2, 0), 0);
    assertArrayEquals(TestData.QUERIES[2], slice.queryVector(2));
    assertEquals(List.of("the", "cat", "sat"), slice.keyLabels());
  }

  @Test
  void scoresAreScaledDotProducts() {
    NeuronSlice slice = slice(TestData.threeTokens(true), SentenceFilter.ALL);
    double[] scores = slice.scores(1);
    for (int j = 0; j < 3; j++) {
      double dot = 0;
      for (int d = 0; d < 4; d++) {
        dot += TestData.QUERIES[1][d] * TestData.KEYS[j][d];
      }
      assertEquals(dot / 2, scores[j], 1e-9, "score of key " + j);
    }
  }

  @Test
  void pairFilterCutsRowsAndColumns() {
    AttentionData pair = pairData();
    NeuronSlice slice = slice(pair, SentenceFilter.A_TO_B);
    assertEquals(List.of("[CLS]", "a", "[SEP]"), slice.queryLabels());
    assertEquals(List.of("b", "[SEP]"), slice.keyLabels());
    assertEquals(3, slice.keyIndex(0));
    assertEquals(-1, slice.rowOf(3));
    assertEquals(1, slice.columnOf(4));
    assertEquals(pair.primary().keys().orElseThrow().get(0, 1, 3, 2), slice.key(0, 2));
    assertEquals(pair.primary().weight(0, 1, 1, 4), slice.weight(1, 1));
    double[] all = dev.attnviz.core.AttentionScores.scaledScores(pair.primary(), 0, 1, 1);
    assertArrayEquals(new double[] {all[3], all[4]}, slice.scores(1), 1e-12);
  }

  @Test
  void causalModelsHideLaterKeys() {
    NeuronSlice slice = slice(TestData.causalThreeTokens(), SentenceFilter.ALL);
    assertTrue(slice.isCausal());
    assertTrue(slice.visible(1, 1));
    assertFalse(slice.visible(1, 2));
    assertEquals(0, slice.strongestColumn(0));
    assertEquals(1, slice.strongestColumn(1));
  }

  @Test
  void decoderSelfAttentionIsCausalEvenInAnEncoderDecoderModel() {
    AttentionData data = TestData.threeTokens(true);
    assertFalse(NeuronSlice.isCausal(data, AttentionKind.SELF));
    assertTrue(NeuronSlice.isCausal(data, AttentionKind.DECODER));
  }

  @Test
  void aMissingLayerIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NeuronSlice.of(shown(TestData.threeTokens(true), SentenceFilter.ALL, true), 5, 0));
    assertEquals("layer 5 is not in this data: it has 1 layers (0 to 0)", e.getMessage());
  }

  @Test
  void dataWithoutVectorsHasNoScores() {
    NeuronSlice slice = slice(TestData.threeTokens(false), SentenceFilter.ALL);
    assertFalse(slice.hasVectors());
    assertEquals(0, slice.headSize());
    assertThrows(IllegalStateException.class, () -> slice.scores(0));
  }

  @Test
  void prettifiesLabelsOnRequest() {
    AttentionData data =
        TestData.single(
            List.of("\u0120cat", "sat</w>"),
            new float[][] {{1, 0}, {0, 1}},
            new float[][] {{1}, {1}},
            new float[][] {{1}, {1}},
            true,
            false,
            null);
    NeuronSlice pretty = NeuronSlice.of(shown(data, SentenceFilter.ALL, true), 0, 1);
    NeuronSlice raw = NeuronSlice.of(shown(data, SentenceFilter.ALL, false), 0, 1);
    assertEquals(List.of(" cat", "sat"), pretty.queryLabels());
    assertEquals(List.of("\u0120cat", "sat</w>"), raw.queryLabels());
  }

  static AttentionData pairData() {
    float[][] weights = new float[5][5];
    float[][] queries = new float[5][4];
    float[][] keys = new float[5][4];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        weights[i][j] = (i + j + 1) / (float) (5 * i + 15);
      }
      for (int d = 0; d < 4; d++) {
        queries[i][d] = i - d;
        keys[i][d] = (i + 1) * (d % 2 == 0 ? 1.5f : -1.5f);
      }
    }
    return TestData.single(
        List.of("[CLS]", "a", "[SEP]", "b", "[SEP]"), weights, queries, keys, true, false, 3);
  }

  private static NeuronSlice slice(AttentionData data, SentenceFilter filter) {
    return NeuronSlice.of(shown(data, filter, true), 0, 1);
  }

  /** What views of {@code data} show with {@code filter}, tokens prettified or not. */
  private static ShownAttention shown(AttentionData data, SentenceFilter filter, boolean prettify) {
    AttentionViewModel model = new AttentionViewModel(data);
    model.setPrettifyTokens(prettify);
    AttentionSelectionModel selection = new AttentionSelectionModel();
    selection.setFilter(filter);
    return ShownAttention.of(model, selection).orElseThrow();
  }
}
