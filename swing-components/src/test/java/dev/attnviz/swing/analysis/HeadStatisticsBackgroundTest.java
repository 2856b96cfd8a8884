package dev.attnviz.swing.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.testing.SyntheticAttention;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * Long inputs are summarized off the EDT: the view says it is computing, then shows the result, and
 * never the result of data it no longer shows. Runs on the test thread to be able to wait.
 */
class HeadStatisticsBackgroundTest {

  private static <T> T onEdt(Supplier<T> query) throws Exception {
    AtomicReference<T> value = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> value.set(query.get()));
    return value.get();
  }

  private static void settle() throws Exception {
    LatestResult.awaitBackground();
    SwingUtilities.invokeAndWait(() -> {});
  }

  @Test
  void longInputsAreComputedInTheBackgroundAndOnlyTheLatestIsShown() throws Exception {
    AttentionData old = SyntheticAttention.realistic(64, 4, 4, 1);
    AttentionData latest = SyntheticAttention.realistic(48, 4, 4, 2);
    AttentionViewModel model = onEdt(AttentionViewModel::new);
    HeadStatisticsView view =
        onEdt(
            () -> {
              HeadStatisticsView v = new HeadStatisticsView(model, new AttentionSelectionModel());
              v.heatmap().setSynchronousLimit(0);
              return v;
            });

    // Both checks in the EDT call that sets the data: the small background job may finish (and
    // post its result) before a second call would run.
    int[] rowsWhileComputing = {-1};
    assertTrue(
        onEdt(
            () -> {
              model.setData(old);
              rowsWhileComputing[0] = view.table().getRowCount();
              return view.isComputing();
            }));
    assertEquals(0, rowsWhileComputing[0], "no rows while computing");
    onEdt(
        () -> {
          model.setData(latest);
          return null;
        });
    settle();
    assertFalse(onEdt(view::isComputing));
    assertEquals(
        HeadStatistics.of(latest).heads(), onEdt(() -> view.statistics().orElseThrow().heads()));
    assertEquals(16, (int) onEdt(() -> view.table().getRowCount()));
  }
}
