package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.swing.testing.NumberScan;
import org.junit.jupiter.api.Test;

/** The contribution list writes numbers as every view does, in columns that keep their width. */
class NeuronNumbersTest {

  @Test
  void contributionsHaveThreeSignificantDigitsAndFitTheMeasuredColumns() {
    String[] cells =
        NeuronPainter.format(
            new DimensionContribution(7, 0.123456f, -12.3456f, -0.000123, 1 / 3.0));
    assertArrayEquals(new String[] {"7", "0.123", "-12.3", "-0.0001", "33%"}, cells);
    for (int i = 0; i < cells.length; i++) {
      NumberScan.assertAtMostFourSignificantDigits(cells[i]);
      // The columns are measured from these samples; a cell never needs more characters.
      assertEquals(
          true,
          cells[i].length() <= NeuronText.CONTRIBUTION_SAMPLES[i].length(),
          cells[i] + " fits " + NeuronText.CONTRIBUTION_SAMPLES[i]);
    }
  }
}
