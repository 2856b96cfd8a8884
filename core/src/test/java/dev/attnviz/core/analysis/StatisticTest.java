package dev.attnviz.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticTest {

  @Test
  void idsAreTheCsvColumnsInOrder() {
    assertEquals("entropy,first,special,self,prev,next,distance,confidence", Statistic.idList());
  }

  @Test
  void findsStatisticsByIdIgnoringCase() {
    assertEquals(Statistic.PREV, Statistic.fromId("prev"));
    assertEquals(Statistic.CONFIDENCE, Statistic.fromId("Confidence"));
  }

  @Test
  void unknownIdListsTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Statistic.fromId("sink"));
    assertTrue(error.getMessage().contains("'sink'"), error.getMessage());
    assertTrue(error.getMessage().contains(Statistic.idList()), error.getMessage());
  }
}
