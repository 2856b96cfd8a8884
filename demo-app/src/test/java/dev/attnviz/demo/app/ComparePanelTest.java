package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class ComparePanelTest {

  @Test
  void labelsAreTheWordsThatDiffer() {
    assertArrayEquals(
        new String[] {"She", "He"},
        ComparePanel.differingWords(ComparePanel.EXAMPLE_A, ComparePanel.EXAMPLE_B));
    assertArrayEquals(
        new String[] {"doctor", "nurse"},
        ComparePanel.differingWords("The doctor was late.", "The nurse was late."));
    assertArrayEquals(
        new String[] {"big red", "small"},
        ComparePanel.differingWords("a big red car", "a small car"));
  }

  @Test
  void inputsWithoutAShortDifferenceAreAAndB() {
    assertArrayEquals(
        new String[] {"A", "B"}, ComparePanel.differingWords("same text", "same text"));
    assertArrayEquals(
        new String[] {"A", "B"}, ComparePanel.differingWords("the cat", "the cat sat"));
    assertArrayEquals(
        new String[] {"A", "B"},
        ComparePanel.differingWords(
            "one completely different sentence about something else",
            "another entirely unrelated text that shares no words at all"));
  }
}
