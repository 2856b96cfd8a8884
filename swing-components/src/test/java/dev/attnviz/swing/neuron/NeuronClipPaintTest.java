package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A paint limited to a clip (a viewport, a repaint after a hover) draws exactly the pixels of the
 * whole picture there: rows, connectors and cells outside the clip may be skipped, never those that
 * reach into it. Also at scale 2, where cells are filled through the antialiased pipeline.
 */
@OnEdt
class NeuronClipPaintTest {

  @BeforeEach
  void lightTheme() {
    Theme.LIGHT.apply();
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aClippedPaintEqualsTheWholePictureInsideTheClip(int scale) {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    NeuronView view =
        new NeuronView(new AttentionViewModel(TestData.uniform(1, 2, 96, 16)), selection);
    Pixels.host(view);
    selection.setLockedToken(TokenRef.query(40));
    view.setSize(view.getPreferredSize());
    BufferedImage whole = Pixels.paint(view, scale);
    Dimension size = view.getSize();
    // A band well below the selected row: the connectors to its keys cross it from above.
    Rectangle clip = new Rectangle(0, size.height * 2 / 3, size.width, 160);
    BufferedImage clipped =
        new BufferedImage(whole.getWidth(), whole.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = clipped.createGraphics();
    try {
      g.scale(scale, scale);
      g.clipRect(clip.x, clip.y, clip.width, clip.height);
      view.paint(g);
    } finally {
      g.dispose();
    }
    int differing = 0;
    int inked = 0;
    for (int y = clip.y * scale; y < (clip.y + clip.height) * scale; y++) {
      for (int x = 0; x < whole.getWidth(); x++) {
        if (whole.getRGB(x, y) != clipped.getRGB(x, y)) {
          differing++;
        }
        if (whole.getRGB(x, y) != whole.getRGB(0, y)) {
          inked++;
        }
      }
    }
    assertTrue(inked > 1000, "the band shows cells and connectors: " + inked + " inked pixels");
    assertEquals(0, differing, "pixels that differ from the whole picture inside the clip");
  }
}
