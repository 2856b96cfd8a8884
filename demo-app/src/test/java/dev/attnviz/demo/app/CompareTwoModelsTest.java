package dev.attnviz.demo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProviders;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.HfExports;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import java.awt.Component;
import java.awt.Container;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JComboBox;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Compare tab computes the same text under two real models: A with the main strip's model (the
 * tiny BERT export), B with the DJL backend's default model (all-MiniLM-L6-v2).
 */
class CompareTwoModelsTest {

  private final AttentionService service = new AttentionService(AttentionProviders.discover());

  @AfterEach
  void close() {
    service.close();
  }

  @Test
  void theSameTextUnderTwoModelsIsComparedAndNamedByItsModels() throws Exception {
    AtomicReference<ComparePanel> panel = new AtomicReference<>();
    ModelSource tiny = ModelSource.of(HfExports.folder("bert-tiny-hf-fixed"));
    SwingUtilities.invokeAndWait(
        () -> {
          ComparePanel p =
              new ComparePanel(
                  service.newLane(),
                  new AttentionSelectionModel(),
                  () -> Optional.of(new ComparePanel.Target("djl", tiny)),
                  AttentionProviders.discover().names());
          JTextField textA = (JTextField) named(p, "compare.textA");
          ((JTextField) named(p, "compare.textB")).setText(textA.getText());
          @SuppressWarnings("unchecked")
          JComboBox<String> modelB = (JComboBox<String>) named(p, "compare.modelB");
          assertEquals(ComparePanel.SAME_MODEL, modelB.getItemAt(0), "B like A by default");
          modelB.setSelectedItem("djl default model");
          p.compare();
          panel.set(p);
        });
    ComparisonView view = panel.get().view();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (onEdt(() -> view.dataB().isEmpty()) && System.nanoTime() < deadline) {
      service.drained().get();
      Thread.sleep(50);
    }
    String status =
        onEdt(() -> ((javax.swing.JLabel) named(panel.get(), "compare.status")).getText());
    assertTrue(onEdt(() -> view.dataB().isPresent()), "both computed; status: " + status);
    AttentionData a = onEdt(() -> view.dataA().orElseThrow());
    AttentionData b = onEdt(() -> view.dataB().orElseThrow());
    assertNotEquals(a.model(), b.model(), "two models");
    assertTrue(b.model().name().toLowerCase().contains("minilm"), b.model().name());
    assertEquals(a.model().name(), onEdt(view::labelA), "each side named by its model");
    assertEquals(b.model().name(), onEdt(view::labelB));
    assertTrue(onEdt(() -> view.message().isEmpty()), () -> onEdt(() -> view.message().get()));
    // Either the difference is drawn, or a sentence says why not: never nothing.
    assertTrue(
        onEdt(() -> view.shownMatrix().isPresent() || view.differenceNote().isPresent()),
        "a difference or the reason for none");
  }

  private static <T> T onEdt(java.util.concurrent.Callable<T> read) {
    AtomicReference<T> value = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(
          () -> {
            try {
              value.set(read.call());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return value.get();
  }

  private static Component named(Container root, String name) {
    for (Component child : root.getComponents()) {
      if (name.equals(child.getName())) {
        return child;
      }
      if (child instanceof Container inner) {
        Component found = named(inner, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
