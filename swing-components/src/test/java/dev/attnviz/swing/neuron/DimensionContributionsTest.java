package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionContributionsTest {

  @Test
  void ranksByMagnitudeOfProductWithSignedShares() {
    // Products: 8, -8, -8, 0 (q = row 0 of TestData, k = row 0) -> dot = -8.
    float[] q = TestData.QUERIES[0];
    float[] k = TestData.KEYS[0];
    List<DimensionContribution> top = DimensionContributions.top(q, k, 3);
    assertEquals(List.of(0, 1, 2), top.stream().map(DimensionContribution::dimension).toList());
    DimensionContribution first = top.get(0);
    assertEquals(4f, first.query());
    assertEquals(2f, first.key());
    assertEquals(8.0, first.product(), 0);
    assertEquals(8.0 / -8.0, first.share(), 1e-12);
    assertEquals(-8.0 / -8.0, top.get(1).share(), 1e-12);
  }

  @Test
  void sharesOfAllDimensionsSumToOne() {
    float[] q = TestData.QUERIES[1];
    float[] k = TestData.KEYS[2];
    List<DimensionContribution> all = DimensionContributions.top(q, k, q.length);
    assertEquals(q.length, all.size());
    assertEquals(1.0, all.stream().mapToDouble(DimensionContribution::share).sum(), 1e-12);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(Math.abs(all.get(i - 1).product()) >= Math.abs(all.get(i).product()));
    }
  }

  @Test
  void zeroDotProductGivesNaNShareAndLimitIsHonoured() {
    List<DimensionContribution> top =
        DimensionContributions.top(new float[] {1, -1}, new float[] {1, 1}, 1);
    assertEquals(1, top.size());
    assertTrue(Double.isNaN(top.get(0).share()));
    assertEquals(0, DimensionContributions.top(new float[] {1}, new float[] {1}, 0).size());
  }

  @Test
  void rejectsMismatchedVectors() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DimensionContributions.top(new float[2], new float[3], 1));
    assertEquals("query has 2 dimensions but key has 3", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> DimensionContributions.top(new float[2], new float[2], -1));
  }
}
