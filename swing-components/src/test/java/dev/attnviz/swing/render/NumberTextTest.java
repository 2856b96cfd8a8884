package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberTextTest {

  @Test
  void writesFourSignificantDigitsWithoutAnExponent() {
    assertEquals("0.1235", NumberText.significant(0.123456));
    assertEquals("0.00003142", NumberText.significant(3.14159e-5));
    assertEquals("-6.000", NumberText.significant(-6.0));
    assertEquals("123.5", NumberText.significant(123.456));
    assertEquals("12346", NumberText.significant(12345.6));
    assertEquals("0.0000", NumberText.significant(0));
    // A double's seventeen digits never reach a tooltip.
    assertEquals("0.3333", NumberText.significant(1.0 / 3));
    assertEquals("0.00003000", AttentionTooltips.format(3e-5f));
  }

  @Test
  void aTokenTooltipNamesTheRawPieceOfAPrettifiedLabel() {
    float[][] m = TestData.diagonal(2, 1f);
    AttentionViewModel model =
        new AttentionViewModel(
            TestData.self(List.of("\u0120caf\u00c3\u00a9", "cat"), new float[][][][] {{m}}));
    ShownAttention shown = ShownAttention.of(model, new AttentionSelectionModel()).orElseThrow();
    assertEquals(" caf\u00e9", shown.rowLabel(0));
    String tip = AttentionTooltips.token(shown, 0, new int[] {0}, TokenRef.query(0), null);
    assertTrue(
        tip.contains("\u201c caf\u00e9\u201d (query 0, piece \u201c\u0120caf\u00c3\u00a9\u201d)"),
        tip);
    String plain = AttentionTooltips.token(shown, 0, new int[] {0}, TokenRef.query(1), null);
    assertTrue(plain.contains("\u201ccat\u201d (query 1)"), plain);
  }
}
