package dev.attnviz.swing;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;

/**
 * A row of selectors bound to a view model and a selection model: layer (the included layers only),
 * head (optional, for one-head views), attention filter (shown only for a sentence pair) and kind
 * (shown only when the data has more than one). Views add it to their controls bar; it can equally
 * serve a host's own toolbar.
 *
 * <p>{@link #refresh()} brings the selectors in line with the models; choosing an entry writes the
 * selection model. Use on the Event Dispatch Thread.
 */
public final class SelectionControls extends JPanel {

  private final JComboBox<Integer> layerBox = new JComboBox<>();
  private final JComboBox<Integer> headBox = new JComboBox<>();
  private final JComboBox<SentenceFilter> filterBox = new JComboBox<>(SentenceFilter.values());
  private final JComboBox<AttentionKind> kindBox = new JComboBox<>();
  private final JLabel layerLabel = new JLabel("Layer:");
  private final JLabel headLabel = new JLabel("Head:");
  private final JLabel filterLabel = new JLabel("Attention:");
  private final JLabel kindLabel = new JLabel("Kind:");
  private final boolean withLayer;
  private final boolean withHead;
  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private boolean refreshing;

  /**
   * Creates the selectors.
   *
   * @param withLayer whether to offer a layer selector
   * @param withHead whether to offer a (focus) head selector
   */
  public SelectionControls(boolean withLayer, boolean withHead) {
    super(new FlowLayout(FlowLayout.LEFT, 6, 2));
    this.withLayer = withLayer;
    this.withHead = withHead;
    setOpaque(false);
    layerBox.setName("layer");
    headBox.setName("head");
    filterBox.setName("filter");
    kindBox.setName("kind");
    layerBox.getAccessibleContext().setAccessibleName("Layer");
    headBox.getAccessibleContext().setAccessibleName("Head");
    filterBox.getAccessibleContext().setAccessibleName("Sentence-pair filter");
    kindBox.getAccessibleContext().setAccessibleName("Attention kind");
    filterBox.setRenderer(new LabelRenderer());
    kindBox.setRenderer(new LabelRenderer());
    add(layerLabel);
    add(layerBox);
    add(headLabel);
    add(headBox);
    add(kindLabel);
    add(kindBox);
    add(filterLabel);
    add(filterBox);
    layerBox.addActionListener(e -> choose(() -> selection.setLayer(selected(layerBox))));
    headBox.addActionListener(e -> choose(() -> selection.setFocusHead(selected(headBox))));
    filterBox.addActionListener(
        e -> choose(() -> selection.setFilter((SentenceFilter) filterBox.getSelectedItem())));
    kindBox.addActionListener(
        e -> choose(() -> selection.setKind((AttentionKind) kindBox.getSelectedItem())));
    refresh();
  }

  /** Binds to new models (either may be null) and refreshes. */
  public void bind(AttentionViewModel newModel, AttentionSelectionModel newSelection) {
    this.model = newModel;
    this.selection = newSelection;
    refresh();
  }

  /** The layer selector (items are original layer indexes). */
  public JComboBox<Integer> layerSelector() {
    return layerBox;
  }

  /** The head selector (items are original head indexes). */
  public JComboBox<Integer> headSelector() {
    return headBox;
  }

  /** The attention filter selector. */
  public JComboBox<SentenceFilter> filterSelector() {
    return filterBox;
  }

  /** The kind selector. */
  public JComboBox<AttentionKind> kindSelector() {
    return kindBox;
  }

  private void choose(Runnable write) {
    if (!refreshing && selection != null && model != null && model.hasData()) {
      write.run();
    }
  }

  private static Integer selected(JComboBox<Integer> box) {
    Object item = box.getSelectedItem();
    return item instanceof Integer i ? i : 0;
  }

  /** Brings items, visibility and selected entries in line with the models. */
  public void refresh() {
    refreshing = true;
    try {
      AttentionData data = model == null ? null : model.data();
      boolean hasData = data != null && selection != null;
      AttentionKind kind = hasData && data.has(selection.kind()) ? selection.kind() : null;
      if (hasData && kind == null) {
        kind = data.primary().kind();
      }
      int layers = hasData ? data.attention(kind).layerCount() : 0;
      int heads = hasData ? data.attention(kind).headCount() : 0;
      int[] layerItems = hasData ? model.visibleLayers(layers) : new int[0];
      setItems(layerBox, layerItems, hasData ? selection.layer() : -1);
      int[] headItems =
          hasData ? withFocus(model.visibleHeads(heads), selection.focusHead(), heads) : new int[0];
      setItems(headBox, headItems, hasData ? selection.focusHead() : -1);
      List<AttentionKind> kinds = hasData ? data.kindList() : List.of();
      if (!kinds.equals(items(kindBox))) {
        kindBox.setModel(new DefaultComboBoxModel<>(kinds.toArray(new AttentionKind[0])));
      }
      kindBox.setSelectedItem(kind);
      filterBox.setSelectedItem(hasData ? selection.filter() : SentenceFilter.ALL);
      show(layerLabel, layerBox, withLayer && hasData);
      show(headLabel, headBox, withHead && hasData);
      show(kindLabel, kindBox, kinds.size() > 1);
      show(filterLabel, filterBox, hasData && data.isPair());
    } finally {
      refreshing = false;
    }
  }

  /**
   * The included heads, plus the focused head if it is excluded but exists: a one-head view shows
   * the focused head, so its selector must name it.
   */
  private static int[] withFocus(int[] heads, int focus, int headCount) {
    if (focus < 0 || focus >= headCount || Arrays.binarySearch(heads, focus) >= 0) {
      return heads;
    }
    return IntStream.concat(Arrays.stream(heads), IntStream.of(focus)).sorted().toArray();
  }

  private static void setItems(JComboBox<Integer> box, int[] values, int selectedValue) {
    List<Integer> wanted = Arrays.stream(values).boxed().toList();
    if (!wanted.equals(items(box))) {
      box.setModel(new DefaultComboBoxModel<>(wanted.toArray(new Integer[0])));
    }
    box.setSelectedItem(wanted.contains(selectedValue) ? selectedValue : null);
  }

  private static <T> List<T> items(JComboBox<T> box) {
    return IntStream.range(0, box.getItemCount()).mapToObj(box::getItemAt).toList();
  }

  private static void show(JLabel label, JComboBox<?> box, boolean visible) {
    label.setVisible(visible);
    box.setVisible(visible);
  }

  /** Shows filters by their label ("A → B") and kinds by their id. */
  private static final class LabelRenderer extends DefaultListCellRenderer {
    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean selected, boolean focused) {
      Object text = value;
      if (value instanceof SentenceFilter filter) {
        text = filter.label();
      } else if (value instanceof AttentionKind kind) {
        text = kind.id();
      }
      return super.getListCellRendererComponent(list, text, index, selected, focused);
    }
  }
}
