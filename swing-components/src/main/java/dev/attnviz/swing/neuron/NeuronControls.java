package dev.attnviz.swing.neuron;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Component;
import java.awt.FlowLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;

/**
 * The neuron view's own controls: attention kind (when there are several), layer, head, the
 * collapsed/expanded switch, and the sentence-pair filter (for pairs). They edit the shared
 * selection model and the view's mode, and follow them back.
 */
final class NeuronControls extends JPanel {

  private final NeuronView view;
  private final JLabel kindLabel = new JLabel("Attention");
  private final JComboBox<AttentionKind> kind = new JComboBox<>();
  private final JComboBox<Integer> layer = new JComboBox<>();
  private final JComboBox<Integer> head = new JComboBox<>();
  private final JCheckBox expanded = new JCheckBox("Expanded");
  private final JLabel filterLabel = new JLabel("Pair filter");
  private final JComboBox<SentenceFilter> filter =
      new JComboBox<>(new DefaultComboBoxModel<>(SentenceFilter.values()));

  /** Set while the controls follow the models, so that they do not edit them back. */
  private boolean updating;

  NeuronControls(NeuronView view) {
    super(new FlowLayout(FlowLayout.LEADING, 6, 2));
    this.view = Objects.requireNonNull(view, "view");
    kind.setRenderer(new LabelRenderer<>(AttentionKind.class, AttentionKind::id));
    layer.setRenderer(new LabelRenderer<>(Integer.class, i -> "Layer " + i));
    head.setRenderer(new LabelRenderer<>(Integer.class, i -> "Head " + i));
    filter.setRenderer(new LabelRenderer<>(SentenceFilter.class, SentenceFilter::label));
    kind.getAccessibleContext().setAccessibleName("Attention kind");
    layer.getAccessibleContext().setAccessibleName("Layer");
    head.getAccessibleContext().setAccessibleName("Head");
    filter.getAccessibleContext().setAccessibleName("Sentence-pair filter");
    kindLabel.setLabelFor(kind);
    filterLabel.setLabelFor(filter);
    add(kindLabel);
    add(kind);
    add(layer);
    add(head);
    add(expanded);
    add(filterLabel);
    add(filter);

    kind.addActionListener(e -> edit(kind, value -> selection().setKind(value)));
    layer.addActionListener(e -> edit(layer, value -> selection().setLayer(value)));
    head.addActionListener(e -> edit(head, value -> selection().setFocusHead(value)));
    filter.addActionListener(e -> edit(filter, value -> selection().setFilter(value)));
    expanded.addActionListener(
        e ->
            edit(
                () ->
                    view.setMode(
                        expanded.isSelected() ? NeuronMode.EXPANDED : NeuronMode.COLLAPSED)));
  }

  private AttentionSelectionModel selection() {
    return view.getSelectionModel();
  }

  /** Passes the combo's choice on, unless the controls are following the models. */
  private <T> void edit(JComboBox<T> combo, Consumer<T> setter) {
    T value = combo.getItemAt(combo.getSelectedIndex());
    if (!updating && value != null) {
      setter.accept(value);
    }
  }

  private void edit(Runnable change) {
    if (!updating) {
      change.run();
    }
  }

  /** Makes the controls show the current data, selection and mode. */
  void refresh() {
    updating = true;
    try {
      AttentionViewModel model = view.getModel();
      AttentionSelectionModel selection = selection();
      expanded.setSelected(view.getMode() == NeuronMode.EXPANDED);
      AttentionData data = model.displayData();
      boolean usable = data != null && data.has(selection.kind());
      for (Component control : List.of(kind, layer, head, filter, expanded)) {
        control.setEnabled(usable);
      }
      if (!usable) {
        return;
      }
      Attention attention = data.attention(selection.kind());
      setItems(kind, data.kindList(), selection.kind());
      kindLabel.setVisible(data.kinds().size() > 1);
      kind.setVisible(data.kinds().size() > 1);
      setItems(
          layer,
          withCurrent(model.visibleLayers(attention.layerCount()), selection.layer()),
          selection.layer());
      setItems(
          head,
          withCurrent(model.visibleHeads(attention.headCount()), selection.focusHead()),
          selection.focusHead());
      boolean pair = SentenceFilter.A_TO_A.applies(data, attention);
      filterLabel.setVisible(pair);
      filter.setVisible(pair);
      filter.setSelectedItem(selection.filter());
      expanded.setToolTipText(
          attention.hasVectors()
              ? "Show how the head computes its attention from queries and keys"
              : NeuronText.noVectors(model));
    } finally {
      updating = false;
    }
  }

  /**
   * The shown indexes plus {@code current} if it is not among them, so the combo always shows what
   * the view shows.
   */
  private static List<Integer> withCurrent(int[] shown, int current) {
    IntStream indexes = Arrays.stream(shown);
    if (Arrays.stream(shown).noneMatch(i -> i == current)) {
      indexes = IntStream.concat(indexes, IntStream.of(current)).sorted();
    }
    return indexes.boxed().toList();
  }

  private static <T> void setItems(JComboBox<T> combo, List<T> items, T selected) {
    boolean same = combo.getItemCount() == items.size();
    for (int i = 0; same && i < items.size(); i++) {
      same = items.get(i).equals(combo.getItemAt(i));
    }
    if (!same) {
      DefaultComboBoxModel<T> model = new DefaultComboBoxModel<>();
      model.addAll(items);
      combo.setModel(model);
    }
    combo.setSelectedItem(selected);
  }

  /** Shows a value as a label. */
  private static final class LabelRenderer<T> extends DefaultListCellRenderer {
    private final Class<T> type;
    private final transient Function<T, String> label;

    LabelRenderer(Class<T> type, Function<T, String> label) {
      this.type = type;
      this.label = label;
    }

    @Override
    public Component getListCellRendererComponent(
        JList<?> list, Object value, int index, boolean isSelected, boolean cellHasFocus) {
      Object text = type.isInstance(value) ? label.apply(type.cast(value)) : value;
      return super.getListCellRendererComponent(list, text, index, isSelected, cellHasFocus);
    }
  }
}
