package dev.attnviz.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The encoder's PNG, read back by ImageIO's independent decoder, holds exactly the pixels. */
class PngEncoderTest {

  private static BufferedImage roundTrip(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PngEncoder.write(image, bytes);
    return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static void assertSamePixels(BufferedImage image) throws IOException {
    BufferedImage back = roundTrip(image);
    assertEquals(image.getWidth(), back.getWidth());
    assertEquals(image.getHeight(), back.getHeight());
    assertEquals(true, back.getColorModel().hasAlpha(), "RGBA, as ImageIO writes an ARGB image");
    assertArrayEquals(argb(image), argb(back));
  }

  @Test
  void randomPixelsWithEveryAlphaComeBackExactly() throws IOException {
    SplittableRandom random = new SplittableRandom(18);
    for (int[] size : new int[][] {{1, 1}, {3, 2}, {257, 100}, {1000, 90}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          image.setRGB(x, y, random.nextInt());
        }
      }
      assertSamePixels(image);
    }
  }

  @Test
  void aDrawnPictureLargerThanOneChunkComesBackExactly() throws IOException {
    // Repeated rows (what "Up" turns into zeros) and noise that fills several 64 KB IDAT chunks.
    BufferedImage image = new BufferedImage(900, 700, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 900, 700);
    g.setColor(new Color(30, 90, 200, 120));
    g.fillOval(100, 100, 600, 400);
    g.drawString("attnviz", 20, 650);
    g.dispose();
    SplittableRandom random = new SplittableRandom(7);
    for (int y = 500; y < 700; y++) {
      for (int x = 0; x < 900; x++) {
        image.setRGB(x, y, random.nextInt() | 0xff000000);
      }
    }
    assertSamePixels(image);
  }

  @Test
  void otherImageTypesAreRefused() {
    BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    assertThrows(
        IllegalArgumentException.class, () -> PngEncoder.write(rgb, new ByteArrayOutputStream()));
  }
}
