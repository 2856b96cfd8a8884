package dev.attnviz.swing.neuron;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import javax.swing.SwingUtilities;

/**
 * Measures how long the neuron view takes on a long input: 512 tokens, head size 64 (and 128),
 * expanded, one token locked. Prints the best and the median of repeated runs after a warm-up (the
 * best is the least disturbed by other load on the machine); a rough guide, not a JMH benchmark.
 * Run like {@link NeuronScreenshots}, with this class as the main class.
 */
public final class NeuronPaintBench {

  private static final int RUNS = 80;

  private NeuronPaintBench() {}

  /** Prints the timings. */
  public static void main(String[] args) throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          for (int headSize : new int[] {64, 128}) {
            bench(TestData.uniform(1, 1, 512, headSize), headSize);
          }
        });
  }

  private static void bench(AttentionData data, int headSize) {
    AttentionSelectionModel selection = new AttentionSelectionModel();
    NeuronView view = new NeuronView(new AttentionViewModel(data), selection);
    selection.setLockedToken(TokenRef.query(100));
    Pixels.host(view);
    view.setSize(view.getPreferredSize());
    BufferedImage viewport = new BufferedImage(1100, 640, BufferedImage.TYPE_INT_RGB);
    int[] row = {100};
    String size = view.getPreferredSize().width + " x " + view.getPreferredSize().height;
    report(
        headSize,
        "select the next token (scene)",
        () -> selection.setLockedToken(TokenRef.query(++row[0] % 512)));
    report(
        headSize,
        "rebuild the head (slice + scene)",
        () -> view.setTopDimensionCount(row[0]++ % 2 == 0 ? 8 : 9));
    report(
        headSize,
        "paint a 1100 x 640 viewport",
        () -> {
          Graphics2D g = viewport.createGraphics();
          try {
            // The viewport in the middle of the rows, around the locked token's neighbours.
            int top = view.getPreferredSize().height / 2;
            g.translate(0, -top);
            g.setClip(0, top, 1100, 640);
            view.paint(g);
          } finally {
            g.dispose();
          }
        });
    report(
        headSize,
        "paint the whole " + size + " picture",
        () -> Pixels.paintAtPreferredSize(view, 1));
  }

  private static void report(int headSize, String what, Runnable action) {
    for (int i = 0; i < 5; i++) {
      action.run();
    }
    long[] nanos = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      action.run();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "d=%d  %-40s best %7.2f ms  median %7.2f ms%n",
        headSize,
        what,
        nanos[0] / 1e6,
        nanos[RUNS / 2] / 1e6);
  }
}
