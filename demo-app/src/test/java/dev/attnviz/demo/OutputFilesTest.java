package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.export.ExportableView;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PNG's memory is checked before it is drawn, and the message says which scale fits. */
class OutputFilesTest {

  @TempDir Path dir;

  /** A 1000 x 800 point picture; counts how often it was painted. */
  private static final class Picture implements ExportableView {
    int paints;

    @Override
    public Dimension exportSize() {
      return new Dimension(1000, 800);
    }

    @Override
    public void paintExport(Graphics2D g) {
      paints++;
      g.setColor(Color.RED);
      g.fillRect(0, 0, 1000, 800);
    }
  }

  /**
   * The case, scaled: scale 16 of the 12 x 12 model view took 2.9 GB and 42 s, or ended in
   * an out-of-memory trace under -Xmx1g. Here 16,000 x 12,800 pixels against 200 MB free.
   */
  @Test
  void aPictureThatDoesNotFitIsRefusedBeforeDrawingWithTheLargestScaleThatFits() throws Exception {
    Picture picture = new Picture();
    Path out = Files.writeString(dir.resolve("view.png"), "the earlier picture");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputFiles.writePng(picture, 16, out, () -> 200_000_000L));

    // 16000 * 12800 * 5 bytes = 1,024 MB; sqrt(200 / 1024) * 16 = 7.07.
    assertEquals(
        "a 16000 x 12800 pixel image at scale 16 needs 1,024 MB of memory, but only 200 MB is"
            + " free; the largest scale that fits is 7.07",
        e.getMessage());
    assertEquals(0, picture.paints, "nothing was drawn");
    assertEquals("the earlier picture", Files.readString(out));

    OutputFiles.writePng(picture, 7.07, out, () -> 200_000_000L);
    BufferedImage written = ImageIO.read(out.toFile());
    assertEquals(7070, written.getWidth());
    assertTrue(new Color(written.getRGB(10, 10)).equals(Color.RED));
  }

  @Test
  void noMemoryAtAllSaysToGiveJavaMore() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutputFiles.requireMemory(new Dimension(100, 100), 1, 0));

    assertTrue(e.getMessage().endsWith("give Java more memory, e.g. " + HeapAdvice.command()));
    assertFalse(e.getMessage().contains("scale that fits"));
  }
}
