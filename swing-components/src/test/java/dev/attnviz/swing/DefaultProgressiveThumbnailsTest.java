package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.Pixels;
import java.awt.image.BufferedImage;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The library's default for line thumbnails, without a host's executor: a view on screen builds
 * them on the library's own background thread (heatmaps and a note first, then exactly the picture
 * drawn at once), while a paint into an image, printing and a view set not to be progressive build
 * them while painting. Tests run headless: "on screen" is {@link OnScreenModelView}.
 */
class DefaultProgressiveThumbnailsTest {

  private static <T> T onEdt(Supplier<T> action) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> result.set(action.get()));
    return result.get();
  }

  private static <V extends ModelView> V lines(V view) {
    view.setControlsVisible(false);
    view.setThumbnailMode(ThumbnailMode.LINES);
    view.setSize(view.getPreferredSize());
    return view;
  }

  private static AttentionData data() {
    return SyntheticAttention.realistic(120, 3, 4, 5);
  }

  /** The picture of a view that is not on screen: every line built while painting. */
  private static BufferedImage direct(AttentionData data) throws Exception {
    return onEdt(
        () -> {
          ModelView view =
              lines(new ModelView(new AttentionViewModel(data), new AttentionSelectionModel()));
          BufferedImage image = Pixels.paint(view, 1);
          assertEquals(12, view.thumbnailCache().size(), "lines built while painting");
          assertEquals(0, view.thumbnailCache().standIns().size(), "no heatmap stood in");
          return image;
        });
  }

  /** Waits until the background build has delivered its lines to the EDT. */
  private static void awaitLines(ModelView view) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (onEdt(() -> view.thumbnailCache().isBuilding())) {
      assertTrue(System.nanoTime() < deadline, "lines built within a minute");
      Thread.sleep(10);
    }
  }

  @Test
  void onScreenTheLinesComeFromTheBackgroundAndEqualThePictureDrawnAtOnce() throws Exception {
    AttentionData data = data();
    OnScreenModelView view =
        onEdt(() -> lines(new OnScreenModelView(new AttentionViewModel(data))));
    BufferedImage first = onEdt(() -> Pixels.paint(view, 1));
    assertEquals(12, onEdt(() -> view.thumbnailCache().standIns().size()), "heatmaps first");
    BufferedImage expected = direct(data);
    assertTrue(differing(first, expected) > 1000, "the first paint is not the finished one");

    awaitLines(view);
    assertEquals(12, onEdt(() -> view.thumbnailCache().size()), "lines built in the background");
    assertEquals(0, differing(onEdt(() -> Pixels.paint(view, 1)), expected), "the same picture");
  }

  @Test
  void notProgressiveBuildsTheLinesWhilePaintingEvenOnScreen() throws Exception {
    AttentionData data = data();
    List<PropertyChangeEvent> events = new ArrayList<>();
    OnScreenModelView view =
        onEdt(
            () -> {
              OnScreenModelView v = lines(new OnScreenModelView(new AttentionViewModel(data)));
              v.addPropertyChangeListener("progressiveThumbnails", events::add);
              v.setProgressiveThumbnails(false);
              v.setProgressiveThumbnails(false);
              return v;
            });
    assertEquals(1, events.size(), "one change event");
    assertFalse(onEdt(view::isProgressiveThumbnails));
    BufferedImage painted = onEdt(() -> Pixels.paint(view, 1));
    assertEquals(12, onEdt(() -> view.thumbnailCache().size()));
    assertFalse(onEdt(() -> view.thumbnailCache().isBuilding()));
    assertEquals(0, differing(painted, direct(data)));
  }

  @Test
  void printingDrawsTheFinishedLines() throws Exception {
    AttentionData data = data();
    OnScreenModelView view =
        onEdt(() -> lines(new OnScreenModelView(new AttentionViewModel(data))));
    BufferedImage printed =
        onEdt(
            () -> {
              BufferedImage image =
                  new BufferedImage(view.getWidth(), view.getHeight(), BufferedImage.TYPE_INT_ARGB);
              java.awt.Graphics2D g = image.createGraphics();
              try {
                view.print(g);
              } finally {
                g.dispose();
              }
              return image;
            });
    assertFalse(onEdt(() -> view.thumbnailCache().isBuilding()), "nothing left to build");
    assertEquals(12, onEdt(() -> view.thumbnailCache().size()));
    assertEquals(0, differing(printed, direct(data)));
  }

  @Test
  void aViewMadeDisplayableToBePaintedIntoAnImageIsNotOnScreen() throws Exception {
    ModelView view =
        onEdt(
            () -> {
              ModelView v =
                  lines(
                      new ModelView(new AttentionViewModel(data()), new AttentionSelectionModel()));
              Pixels.host(v);
              return v;
            });
    assertTrue(onEdt(view::isShowing), "Swing calls it showing");
    assertFalse(onEdt(view::paintsOnScreen), "but no window shows it");
  }

  @Test
  void disposeStopsTheBuildAndDropsItsLines() throws Exception {
    OnScreenModelView view =
        onEdt(() -> lines(new OnScreenModelView(new AttentionViewModel(data()))));
    onEdt(() -> Pixels.paint(view, 1));
    onEdt(
        () -> {
          view.dispose();
          return null;
        });
    // Whatever was built after dispose reaches the EDT after this and is dropped there.
    Thread.sleep(200);
    onEdt(() -> null);
    assertEquals(0, onEdt(() -> view.thumbnailCache().size()), "no line kept after dispose");
  }

  private static int differing(BufferedImage a, BufferedImage b) {
    assertEquals(b.getWidth(), a.getWidth());
    assertEquals(b.getHeight(), a.getHeight());
    int count = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          count++;
        }
      }
    }
    return count;
  }
}
