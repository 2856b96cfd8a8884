package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import org.junit.jupiter.api.Test;

/**
 * The app's PNG export of a picture taller than one PNG may be (the head view of 1,024 tokens at
 * scale 2) offers the largest scale that fits instead of failing.
 */
class ExportFitTest {

  private static final Dimension LONG_HEAD_VIEW = new Dimension(332, 19_502);

  @Test
  void aPictureThatFitsKeepsItsScale() {
    assertEquals(2.0, ExportActions.fittingScale(new Dimension(700, 900), 2.0));
    assertEquals(1.0, ExportActions.fittingScale(LONG_HEAD_VIEW, 1.0));
  }

  @Test
  void aTooTallPictureGetsTheLargestScaleThatFits() {
    double fitting = ExportActions.fittingScale(LONG_HEAD_VIEW, 2.0);

    assertEquals(1.64, fitting);
    assertTrue(Math.ceil(LONG_HEAD_VIEW.height * fitting) <= 32_000);
    assertTrue(Math.ceil(LONG_HEAD_VIEW.height * (fitting + 0.01)) > 32_000);
    String message = ExportActions.tooLargeMessage(LONG_HEAD_VIEW, 2.0, fitting);
    assertTrue(message.startsWith("At scale 2 this picture would be 664 x 39,004 pixels"), message);
    assertTrue(message.contains("Export it at scale 1.64, the largest that fits?"), message);
    assertTrue(message.contains("--token-range FIRST:LAST"), message);
  }
}
