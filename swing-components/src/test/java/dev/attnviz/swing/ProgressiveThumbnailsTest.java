package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.testing.Pixels;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Line thumbnails built on an executor ({@link ModelView#setThumbnailExecutor}): the first paint
 * shows the heatmaps and says lines are still being drawn; once built, the picture is exactly the
 * one drawn without an executor; lines built for older data are dropped (the newest wins). The
 * executor here only queues the builds, so the test decides when they run.
 */
class ProgressiveThumbnailsTest {

  /** An executor that runs nothing until asked. */
  private static final class Queue implements Executor {
    final List<Runnable> tasks = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    /** Runs the queued builds here (off the EDT), then lets the EDT apply their results. */
    void runAll() throws Exception {
      List<Runnable> now;
      synchronized (this) {
        now = new ArrayList<>(tasks);
        tasks.clear();
      }
      now.forEach(Runnable::run);
      SwingUtilities.invokeAndWait(() -> {});
    }
  }

  private static <T> T onEdt(java.util.function.Supplier<T> action) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> result.set(action.get()));
    return result.get();
  }

  private static ModelView linesView(AttentionViewModel model, Executor executor) {
    ModelView view = new ModelView(model, new AttentionSelectionModel());
    view.setControlsVisible(false);
    view.setThumbnailMode(ThumbnailMode.LINES);
    view.setThumbnailExecutor(executor);
    view.setSize(view.getPreferredSize());
    return view;
  }

  private static AttentionData data(long seed) {
    return SyntheticAttention.realistic(160, 2, 3, seed);
  }

  @Test
  void heatmapsStandInUntilTheLinesAreBuiltThenThePictureIsTheDirectOne() throws Exception {
    Queue queue = new Queue();
    AttentionData data = data(1);
    ModelView view = onEdt(() -> linesView(new AttentionViewModel(data), queue));
    BufferedImage first = onEdt(() -> Pixels.paint(view, 1));
    assertEquals(0, onEdt(() -> view.thumbnailCache().size()), "no line built on the EDT");
    assertTrue(onEdt(() -> view.thumbnailCache().isBuilding()));
    assertEquals(6, onEdt(() -> view.thumbnailCache().standIns().size()), "six heatmaps");

    ModelView heatmaps =
        onEdt(
            () -> {
              ModelView v = linesView(new AttentionViewModel(data), null);
              v.setThumbnailMode(ThumbnailMode.HEATMAP);
              return v;
            });
    BufferedImage heat = onEdt(() -> Pixels.paint(heatmaps, 1));
    Rectangle firstCell = onEdt(() -> view.thumbnailBounds(new LayerHead(0, 0)).orElseThrow());
    Rectangle cells =
        new Rectangle(0, firstCell.y, first.getWidth(), first.getHeight() - firstCell.y);
    assertEquals(0, differing(first, heat, cells), "heatmaps stand in for the lines");
    Rectangle titles = new Rectangle(0, 0, first.getWidth(), firstCell.y);
    assertTrue(differing(first, heat, titles) > 100, "the note over the titles says so");

    queue.runAll();
    assertEquals(6, onEdt(() -> view.thumbnailCache().size()), "lines built in the background");
    assertFalse(onEdt(() -> view.thumbnailCache().isBuilding()));
    BufferedImage done = onEdt(() -> Pixels.paint(view, 1));
    ModelView direct = onEdt(() -> linesView(new AttentionViewModel(data), null));
    BufferedImage expected = onEdt(() -> Pixels.paint(direct, 1));
    Rectangle all = new Rectangle(0, 0, expected.getWidth(), expected.getHeight());
    assertEquals(0, differing(done, expected, all), "the same picture as without an executor");
  }

  @Test
  void linesBuiltForOlderDataAreDropped() throws Exception {
    Queue queue = new Queue();
    AttentionViewModel model = new AttentionViewModel(data(1));
    ModelView view = onEdt(() -> linesView(model, queue));
    onEdt(() -> Pixels.paint(view, 1));
    onEdt(
        () -> {
          model.setData(data(2));
          return Pixels.paint(view, 1);
        });
    assertEquals(2, queue.tasks.size(), "one build per data");
    queue.runAll();
    assertEquals(6, onEdt(() -> view.thumbnailCache().builds()), "only the newest data's six");
    BufferedImage done = onEdt(() -> Pixels.paint(view, 1));
    ModelView direct = onEdt(() -> linesView(new AttentionViewModel(data(2)), null));
    BufferedImage expected = onEdt(() -> Pixels.paint(direct, 1));
    Rectangle all = new Rectangle(0, 0, expected.getWidth(), expected.getHeight());
    assertEquals(0, differing(done, expected, all));
  }

  private static int differing(BufferedImage a, BufferedImage b, Rectangle area) {
    int count = 0;
    for (int y = area.y; y < area.y + area.height; y++) {
      for (int x = area.x; x < area.x + area.width; x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          count++;
        }
      }
    }
    return count;
  }
}
