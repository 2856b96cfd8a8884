package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.neuron.NeuronView;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Closed views let go of the models they shared: a host that opens and closes windows of views on
 * long-lived models leaves no listeners behind, and the closed views can be collected.
 */
class DisposeTest {

  private final AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
  private final AttentionSelectionModel selection = new AttentionSelectionModel();

  private List<Runnable> openWindow() {
    return openWindow(new ArrayList<>());
  }

  /**
   * One "window": every view of the library on the shared models, each also added to {@code views}.
   */
  private List<Runnable> openWindow(List<WeakReference<Object>> views) {
    HeadView head = new HeadView(model, selection);
    ModelView grid = new ModelView(model, selection);
    NeuronView neuron = new NeuronView(model, selection);
    RolloutView rollout = new RolloutView(model, selection);
    HeadStatisticsView statistics = new HeadStatisticsView(model, selection);
    ComparisonView comparison = new ComparisonView(selection);
    for (Object view : List.of(head, grid, neuron, rollout, statistics, comparison)) {
      views.add(new WeakReference<>(view));
    }
    return List.of(
        head::dispose,
        grid::dispose,
        neuron::dispose,
        rollout::dispose,
        statistics::dispose,
        comparison::dispose);
  }

  @Test
  void fiftyWindowsOpenedAndDisposedLeaveNoListeners() throws Exception {
    SwingUtilities.invokeAndWait(this::openAndDisposeFiftyWindows);
  }

  private void openAndDisposeFiftyWindows() {
    int modelListeners = model.getChangeListeners().length;
    int selectionListeners = selection.listenerCount();
    for (int window = 0; window < 50; window++) {
      List<Runnable> disposers = openWindow();
      assertTrue(selection.listenerCount() > selectionListeners, "the views listen while open");
      disposers.forEach(Runnable::run);
    }
    assertEquals(modelListeners, model.getChangeListeners().length);
    assertEquals(selectionListeners, selection.listenerCount());
    assertEquals(0, model.attachedSelectionCount(), "the selection is bound to no view any more");
  }

  /**
   * The collection is awaited on the test thread, not on the EDT, so that the EDT is free to run
   * what Swing queued for the views, as it is in an application.
   */
  @Test
  void aDisposedViewIsCollectedWhileItsSharedModelsLiveOn() throws Exception {
    List<WeakReference<Object>> closed = new ArrayList<>();
    SwingUtilities.invokeAndWait(
        () -> {
          for (Runnable dispose : openWindow(closed)) {
            dispose.run();
          }
        });
    for (int i = 0; i < 100 && closed.stream().anyMatch(r -> r.get() != null); i++) {
      SwingUtilities.invokeAndWait(() -> {});
      System.gc();
      Thread.sleep(10);
    }
    for (WeakReference<Object> view : closed) {
      assertNull(view.get(), "collected");
    }
    SwingUtilities.invokeAndWait(
        () -> {
          // The models live on and still work for the views that remain.
          HeadView open = new HeadView(model, selection);
          selection.setLayer(1);
          assertEquals(1, open.selectors().layerSelector().getSelectedItem());
        });
  }
}
