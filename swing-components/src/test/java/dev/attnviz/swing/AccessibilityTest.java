package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.analysis.Statistic;
import dev.attnviz.swing.analysis.ComparisonView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.testing.OnEdt;
import java.awt.event.KeyEvent;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import org.junit.jupiter.api.Test;

/**
 * Reads every view as assistive technology does: its accessible role, name and description, which
 * follow the data and the selection (4 tokens alpha…delta, 2 layers, 2 heads; in layer 0 head 0
 * attends i → i, head 1 i → 3 − i).
 */
@OnEdt
class AccessibilityTest {

  private final AttentionViewModel model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
  private final AttentionSelectionModel selection = new AttentionSelectionModel();

  private static final Map<String, String> EXPECTED =
      Map.of(
          "Head view",
          "Layer 0, heads 0, 1. No token is locked.",
          "Model view",
          "Grid of 2 layers by 2 heads. No head is open.",
          "Neuron view",
          "Layer 0, head 1. No token is locked.",
          "Rollout view",
          "Attention rollout after the last layer, all heads. No token is locked.",
          "Comparison view",
          "Input A against input B. Layer 0, head 1. No token is locked.",
          "Head statistics view",
          Statistic.values()[0].label()
              + " of every layer and head. Selected: Layer 0, head 1. No token is locked.");

  private Map<String, JComponent> views() {
    ComparisonView comparison = new ComparisonView(selection);
    comparison.setPair(model.data(), "A", model.data(), "B");
    HeadStatisticsView statistics = new HeadStatisticsView(model, selection);
    statistics.setStatistic(Statistic.values()[0]);
    return Map.of(
        "Head view", new HeadView(model, selection),
        "Model view", new ModelView(model, selection),
        "Neuron view", new NeuronView(model, selection),
        "Rollout view", new RolloutView(model, selection),
        "Comparison view", comparison,
        "Head statistics view", statistics);
  }

  @Test
  void everyViewIsAPanelWithANameAndADescriptionOfWhatItShows() {
    selection.setLayer(0);
    selection.setFocusHead(1);
    for (Map.Entry<String, JComponent> entry : views().entrySet()) {
      AccessibleContext context = entry.getValue().getAccessibleContext();
      assertNotNull(context, entry.getKey());
      assertEquals(AccessibleRole.PANEL, context.getAccessibleRole(), entry.getKey());
      assertEquals(entry.getKey(), context.getAccessibleName());
      assertEquals(
          EXPECTED.get(entry.getKey()), context.getAccessibleDescription(), entry.getKey());
    }
  }

  @Test
  void theHeadViewSaysWhereTheLockedTokenAttendsMostInTheActiveHeads() {
    HeadView view = new HeadView(model, selection);
    selection.setLayer(0);
    BitSet head1 = new BitSet();
    head1.set(1);
    selection.setActiveHeads(head1);
    ViewProbe.key(view, KeyEvent.VK_DOWN);
    ViewProbe.key(view, KeyEvent.VK_DOWN);
    assertEquals(
        "Layer 0, head 1. Token 'beta' (index 1) attends most to 'gamma' (1.00).",
        view.getAccessibleContext().getAccessibleDescription());
    selection.setActiveHeads(null);
    // Averaged over both heads, row 3 gives delta 0.25 (head 0 at 0.5) and alpha 0.5 (head 1).
    selection.setLockedToken(dev.attnviz.swing.model.TokenRef.query(3));
    assertEquals(
        "Layer 0, heads 0, 1. Token 'delta' (index 3) attends most to 'alpha' (0.50).",
        view.getAccessibleContext().getAccessibleDescription());
    selection.setLockedToken(dev.attnviz.swing.model.TokenRef.key(2));
    assertEquals(
        "Layer 0, heads 0, 1. Token 'gamma' (index 2) is attended most by 'beta' (0.50).",
        view.getAccessibleContext().getAccessibleDescription());
  }

  @Test
  void aChangeOfWhatIsShownFiresTheDescriptionPropertyOnceWithTheNewText() {
    HeadView view = new HeadView(model, selection);
    ModelView grid = new ModelView(model, selection);
    selection.setLayer(0);
    AccessibleContext context = view.getAccessibleContext();
    String before = context.getAccessibleDescription();
    List<PropertyChangeEvent> events = new ArrayList<>();
    context.addPropertyChangeListener(
        e -> {
          if (AccessibleContext.ACCESSIBLE_DESCRIPTION_PROPERTY.equals(e.getPropertyName())) {
            events.add(e);
          }
        });
    selection.setLayer(1);
    assertEquals(1, events.size());
    assertEquals(before, events.get(0).getOldValue());
    assertEquals(context.getAccessibleDescription(), events.get(0).getNewValue());
    assertTrue(((String) events.get(0).getNewValue()).startsWith("Layer 1, heads 0, 1."));
    selection.setHoveredToken(dev.attnviz.swing.model.TokenRef.query(0));
    assertEquals(1, events.size(), "hovering is not what a keyboard user looks at");

    assertEquals(
        "Grid of 2 layers by 2 heads. No head is open.",
        grid.getAccessibleContext().getAccessibleDescription());
    selection.toggleCell(new LayerHead(0, 1));
    assertEquals(
        "Grid of 2 layers by 2 heads. Open: Layer 0, head 1. No token is locked.",
        grid.getAccessibleContext().getAccessibleDescription());
  }

  @Test
  void theComparisonsMeanOfHeadsIsOverTheIncludedHeadsWhicheverAreActive() {
    ComparisonView comparison = new ComparisonView(selection);
    comparison.setPair(model.data(), "A", model.data(), "B");
    selection.setLayer(0);
    selection.isolateHead(1, 2);
    comparison.setMeanOfHeads(true);
    selection.setLockedToken(dev.attnviz.swing.model.TokenRef.query(3));
    assertEquals(
        "Input A against input B. Layer 0, heads 0, 1. Token 'delta' (index 3) attends most to"
            + " 'alpha' (0.50).",
        comparison.getAccessibleContext().getAccessibleDescription());
  }

  @Test
  void theHostsOwnNameAndDescriptionWin() {
    HeadView view = new HeadView(model, selection);
    view.getAccessibleContext().setAccessibleName("Attention of sentence 1");
    view.getAccessibleContext().setAccessibleDescription("Fixed");
    selection.setLayer(1);
    assertEquals("Attention of sentence 1", view.getAccessibleContext().getAccessibleName());
    assertEquals("Fixed", view.getAccessibleContext().getAccessibleDescription());
  }

  @Test
  void aViewWithoutDataSaysSo() {
    HeadView view = new HeadView(new AttentionViewModel(), new AttentionSelectionModel());
    assertEquals("No attention data.", view.getAccessibleContext().getAccessibleDescription());
  }
}
