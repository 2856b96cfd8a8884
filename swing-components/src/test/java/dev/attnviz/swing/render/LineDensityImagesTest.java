package dev.attnviz.swing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The density image of a head's lines is the picture that stroking each line gives: the same ink
 * overall and, pixel by pixel, close to it, at any token count.
 */
class LineDensityImagesTest {

  private static final Color BACKGROUND = Color.WHITE;
  private static final Color LINE = new Color(0x1f77b4);

  /** Total "ink": how far from the background the image is, summed over pixels (0..255 each). */
  private static double ink(BufferedImage image) {
    double sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        sum += 255 - (image.getRGB(x, y) & 0xff);
      }
    }
    return sum;
  }

  private static double meanDifference(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
      }
    }
    return sum / (a.getWidth() * a.getHeight());
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 40, 64, 200})
  void theDensityImageMatchesTheStrokedLines(int tokens) {
    ShownAttention shown =
        ShownAttention.of(
                new AttentionViewModel(SyntheticAttention.realistic(tokens, 1, 2, 7)),
                new AttentionSelectionModel())
            .orElseThrow();
    ThumbnailPainter painter = new ThumbnailPainter(BACKGROUND, 0.5f / 255f);
    for (int head = 0; head < 2; head++) {
      BufferedImage stroked = painter.renderStroked(shown, 0, head, LINE, 80, 80);
      BufferedImage density =
          painter.render(shown, 0, head, LINE, ThumbnailPainter.Style.LINES, 80, 80, 1.0);
      double inkStroked = ink(stroked);
      double inkDensity = ink(density);
      assertEquals(
          1.0, inkDensity / inkStroked, 0.2, "same ink at " + tokens + " tokens, head " + head);
      double difference = meanDifference(stroked, density);
      // Tokens that share a pixel row share its centre: up to half a pixel off at the ends.
      assertTrue(difference < 10, "mean pixel difference " + difference + " at " + tokens);
      assertEquals(BACKGROUND.getRGB(), density.getRGB(0, 40), "the inset stays background");
    }
  }
}
