package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap the views hold beyond the attention data: used heap after a full GC with the
 * data alone, then with a head view and a model view that have painted everything (thumbnails
 * cached at scale 1 and, separately, at scale 2). Run it as a main class with the test class path;
 * see {@code docs/performance/views.md}.
 */
public final class ViewHeap {

  private ViewHeap() {}

  /** Prints one line per token count. */
  public static void main(String[] args) {
    for (int tokens : new int[] {128, 512}) {
      AttentionData data = SyntheticAttention.realistic(tokens, 12, 12, 42);
      for (double scale : new double[] {1, 2}) {
        long before = usedAfterGc();
        List<Object> keep = new ArrayList<>();
        AttentionViewModel model = new AttentionViewModel(data);
        AttentionSelectionModel selection = new AttentionSelectionModel();
        ModelView grid = new ModelView(model, selection);
        HeadView head = new HeadView(model, selection);
        selection.toggleCell(new LayerHead(5, 5));
        paintWhole(grid, scale);
        paintWhole(head, scale);
        keep.add(grid);
        keep.add(head);
        long after = usedAfterGc();
        System.out.printf(
            "tokens %d, scale %.0f: data %.1f MB, views %.1f MB beyond the data%n",
            tokens, scale, data.byteSize() / 1e6, (after - before) / 1e6);
        keep.clear();
      }
    }
  }

  private static void paintWhole(javax.swing.JComponent view, double scale) {
    Dimension size = view.getPreferredSize();
    view.setSize(size);
    BufferedImage image =
        new BufferedImage(
            (int) (size.width * scale), (int) (size.height * scale), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.scale(scale, scale);
      view.paint(g);
    } finally {
      g.dispose();
    }
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
