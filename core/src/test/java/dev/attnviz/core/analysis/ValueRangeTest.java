package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValueRangeTest {

  @Test
  void coversEveryValueButNan() {
    ValueRange range = ValueRange.of(0.5, Double.NaN, -0.75, 0.25);

    assertEquals(new ValueRange(-0.75, 0.5), range);
    assertEquals(0.75, range.maxAbs());
    assertFalse(range.isEmpty());
  }

  @Test
  void onlyNanIsEmpty() {
    ValueRange range = ValueRange.of(Double.NaN);

    assertTrue(range.isEmpty());
    assertTrue(Double.isNaN(range.maxAbs()));
    assertEquals(ValueRange.EMPTY, ValueRange.of());
  }

  @Test
  void unionCoversBoth() {
    assertEquals(new ValueRange(-1, 2), new ValueRange(-1, 0).union(new ValueRange(1, 2)));
    assertEquals(new ValueRange(1, 2), ValueRange.EMPTY.union(new ValueRange(1, 2)));
  }

  @Test
  void rejectsInvertedOrHalfEmptyRanges() {
    assertThrows(IllegalArgumentException.class, () -> new ValueRange(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new ValueRange(Double.NaN, 0));
  }
}
