package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.neuron.NeuronView;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: opening a large result several times in a row keeps one copy alive. After every view
 * has shown a result and a new one replaces it, nothing (thumbnail caches, display transforms, the
 * selection, the comparison) may keep the old one reachable.
 */
class OneCopyAliveTest {

  private final AttentionViewModel model = new AttentionViewModel();
  private final AttentionSelectionModel selection = new AttentionSelectionModel();
  private final List<JComponent> views = new ArrayList<>();

  @Test
  void aNewResultReleasesTheOldOneOnceTheViewsHaveShownIt() throws Exception {
    SwingUtilities.invokeAndWait(
        () -> {
          views.add(new HeadView(model, selection));
          views.add(new ModelView(model, selection));
          views.add(new NeuronView(model, selection));
          views.add(new HeadStatisticsView(model, selection));
          views.add(new ComparisonView(selection));
        });
    List<WeakReference<AttentionData>> opened = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      AttentionData data = SyntheticAttention.realistic(24, 4, 4, run);
      opened.add(new WeakReference<>(data));
      SwingUtilities.invokeAndWait(
          () -> {
            model.setData(data);
            paintAll();
          });
      waitForDisplay();
      SwingUtilities.invokeAndWait(this::paintAll);
    }
    assertNotNull(opened.get(2).get());
    for (int attempt = 0; attempt < 50 && alive(opened) > 1; attempt++) {
      System.gc();
      SwingUtilities.invokeAndWait(() -> {});
      Thread.sleep(20);
    }
    assertEquals(1, alive(opened), "results still reachable after two newer ones were shown");
  }

  private static long alive(List<WeakReference<AttentionData>> opened) {
    return opened.stream().filter(ref -> ref.get() != null).count();
  }

  private void waitForDisplay() throws Exception {
    for (int i = 0; i < 200; i++) {
      boolean[] pending = new boolean[1];
      SwingUtilities.invokeAndWait(() -> pending[0] = model.isDisplayPending());
      if (!pending[0]) {
        return;
      }
      Thread.sleep(10);
    }
  }

  private void paintAll() {
    BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_ARGB);
    for (JComponent view : views) {
      view.setSize(800, 600);
      view.doLayout();
      Graphics2D g = image.createGraphics();
      view.paint(g);
      g.dispose();
    }
  }
}
