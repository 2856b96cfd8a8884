package dev.attnviz.demo.app;

import dev.attnviz.swing.AttentionView;
import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.analysis.HeadStatisticsView;
import dev.attnviz.swing.analysis.RolloutView;
import dev.attnviz.swing.export.ExportableView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.neuron.NeuronView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;

/**
 * The views of the demo, one tab each, all sharing one data model and one selection: clicking a
 * model-view cell or a statistics row moves the head and neuron views to that layer and head.
 */
final class ViewTabs {

  private final JTabbedPane tabs = new JTabbedPane();
  private final List<ExportableView> views = new ArrayList<>();
  private final List<Runnable> disposers = new ArrayList<>();

  ViewTabs(AttentionViewModel model, AttentionSelectionModel selection, ComparePanel compare) {
    tabs.setName("views.tabs");
    addScrolling(
        "Head view",
        "One layer, chosen heads: lines from query to key tokens",
        new HeadView(model, selection));
    ModelView modelView = new ModelView(model, selection);
    // Line thumbnails of long inputs take a while: heatmaps show until they are drawn.
    modelView.setThumbnailExecutor(ForkJoinPool.commonPool());
    addScrolling(
        "Model view", "Every layer \u00d7 head at a glance; click a cell for details", modelView);
    addScrolling(
        "Neuron view",
        "Inside one head: queries, keys and how they become attention",
        new NeuronView(model, selection));
    HeadStatisticsView statistics = new HeadStatisticsView(model, selection);
    disposers.add(statistics::dispose);
    // The statistics view scrolls its table and heatmap itself.
    add(
        "Head statistics",
        "Entropy, special-token and positional attention of every head; click one to jump there",
        statistics,
        statistics);
    addScrolling(
        "Rollout",
        "Attention rollout across layers (Abnar & Zuidema 2020)",
        new RolloutView(model, selection));
    add(
        "Compare",
        "Two inputs side by side and their difference, e.g. She vs He",
        compare,
        compare.view());
    disposers.add(compare::dispose);
  }

  private <V extends AttentionView> void addScrolling(String title, String tip, V view) {
    disposers.add(view::dispose);
    JScrollPane scroll = new JScrollPane(view);
    scroll.setBorder(null);
    add(title, tip, scroll, view);
  }

  private void add(String title, String tip, JComponent tab, ExportableView view) {
    tabs.addTab(title, null, tab, tip);
    views.add(view);
  }

  /** Disposes every view, when the window closes. */
  void dispose() {
    for (Runnable dispose : disposers) {
      dispose.run();
    }
  }

  /** The tabbed pane to place in the window. */
  JComponent component() {
    return tabs;
  }

  /** The view of the selected tab. */
  ExportableView selectedView() {
    return views.get(Math.max(0, tabs.getSelectedIndex()));
  }

  /** The title of the selected tab, e.g. "Head view". */
  String selectedTitle() {
    return tabs.getTitleAt(Math.max(0, tabs.getSelectedIndex()));
  }

  /** The index of the selected tab. */
  int selectedIndex() {
    return tabs.getSelectedIndex();
  }

  /** Selects a tab; out-of-range indexes select the first. */
  void select(int index) {
    tabs.setSelectedIndex(index >= 0 && index < tabs.getTabCount() ? index : 0);
  }
}
