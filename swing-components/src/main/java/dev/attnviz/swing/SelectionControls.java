package dev.attnviz.swing;

import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.internal.Messages;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.SelectionEvent.Aspect;
import dev.attnviz.swing.model.SelectionListener;
import java.awt.Component;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.event.ChangeListener;

/**
 * A row of selectors bound to a view model and a selection model: layer (the included layers only),
 * head (optional, for one-head views), attention filter (shown only for a sentence pair), kind
 * (shown only when the data has more than one), and the display options "Hide special tokens" and
 * "Word level" (check boxes that write the view model, on a second row). A view chooses which
 * {@link Part}s it offers; each part still hides itself where it does not apply. Views add it to
 * their controls bar; it can equally serve a host's own toolbar.
 *
 * <p>The row binds itself: {@link #bind} installs its listeners on the models it shows (and removes
 * them from the models it showed), so it follows every change without help; {@link #unbind()} lets
 * go. Choosing an entry writes the selection model, ticking a box the view model. Use on the Event
 * Dispatch Thread.
 */
public final class SelectionControls extends JPanel {

  /** The selectors a view can offer. */
  public enum Part {
    /** The layer selector. */
    LAYER,
    /** The focus head selector, for one-head views. */
    HEAD,
    /** The attention kind, shown when the data has several kinds. */
    KIND,
    /** The sentence-pair filter, shown for a sentence pair. */
    FILTER,
    /** "Hide special tokens" and "Word level": the view model's display options. */
    DISPLAY_OPTIONS
  }

  private final JComboBox<Integer> layerBox = new JComboBox<>();
  private final JComboBox<Integer> headBox = new JComboBox<>();
  private final JComboBox<SentenceFilter> filterBox = new JComboBox<>(SentenceFilter.values());
  private final JComboBox<AttentionKind> kindBox = new JComboBox<>();
  private final JLabel layerLabel = new JLabel(Messages.text("controls.layer"));
  private final JLabel headLabel = new JLabel(Messages.text("controls.head"));
  private final JLabel filterLabel = new JLabel(Messages.text("controls.filter"));
  private final JLabel kindLabel = new JLabel(Messages.text("controls.kind"));
  private final JCheckBox hideSpecialBox = new JCheckBox(Messages.text("controls.hideSpecial"));
  private final JCheckBox wordLevelBox = new JCheckBox(Messages.text("controls.wordLevel"));
  private final JLabel pendingLabel = new JLabel(Messages.text("controls.pending"));
  private final EnumSet<Part> parts;
  private final JPanel selectorRow =
      ControlRow.of(
          layerLabel, layerBox, headLabel, headBox, kindLabel, kindBox, filterLabel, filterBox);
  private final JPanel optionsRow = ControlRow.of();
  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private boolean refreshing;
  private final ChangeListener modelListener = e -> refresh();
  private final SelectionListener selectionListener =
      e -> {
        if (!e.aspects().stream().allMatch(TOKEN_ASPECTS::contains)) {
          refresh();
        }
      };

  /** Token changes, which no selector shows. */
  private static final Set<Aspect> TOKEN_ASPECTS = EnumSet.of(Aspect.HOVER, Aspect.LOCK);

  /**
   * Creates the selectors kind and filter, plus the layer and head selectors if asked for.
   *
   * @param withLayer whether to offer a layer selector
   * @param withHead whether to offer a (focus) head selector
   */
  public SelectionControls(boolean withLayer, boolean withHead) {
    this(parts(withLayer, withHead));
  }

  private static Set<Part> parts(boolean withLayer, boolean withHead) {
    EnumSet<Part> parts = EnumSet.of(Part.KIND, Part.FILTER);
    if (withLayer) {
      parts.add(Part.LAYER);
    }
    if (withHead) {
      parts.add(Part.HEAD);
    }
    return parts;
  }

  /**
   * Creates the selectors for {@code parts}.
   *
   * @param parts the parts offered; the others are never shown
   */
  public SelectionControls(Set<Part> parts) {
    setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
    this.parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
    setOpaque(false);
    layerBox.setName("layer");
    headBox.setName("head");
    filterBox.setName("filter");
    kindBox.setName("kind");
    layerBox.getAccessibleContext().setAccessibleName(Messages.text("controls.layerName"));
    headBox.getAccessibleContext().setAccessibleName(Messages.text("controls.headName"));
    filterBox.getAccessibleContext().setAccessibleName(Messages.text("controls.filterName"));
    kindBox.getAccessibleContext().setAccessibleName(Messages.text("controls.kindName"));
    hideSpecialBox.setName("hideSpecialTokens");
    wordLevelBox.setName("wordLevel");
    hideSpecialBox.setOpaque(false);
    wordLevelBox.setOpaque(false);
    hideSpecialBox.setToolTipText(Messages.text("controls.hideSpecialTooltip"));
    wordLevelBox.setToolTipText(Messages.text("controls.wordLevelTooltip"));
    filterBox.setRenderer(new LabelRenderer());
    kindBox.setRenderer(new LabelRenderer());
    // Two rows, so that a view adding its own controls to the selectors still fits a narrow
    // window: its choices join the first row (addToSelectorRow), the display options the second.
    add(selectorRow);
    add(optionsRow);
    optionsRow.add(hideSpecialBox);
    optionsRow.add(wordLevelBox);
    optionsRow.add(pendingLabel);
    pendingLabel.setName("displayPending");
    layerBox.addActionListener(e -> choose(() -> selection.setLayer(selected(layerBox))));
    headBox.addActionListener(e -> choose(() -> selection.setFocusHead(selected(headBox))));
    filterBox.addActionListener(
        e -> choose(() -> selection.setFilter((SentenceFilter) filterBox.getSelectedItem())));
    kindBox.addActionListener(
        e -> choose(() -> selection.setKind((AttentionKind) kindBox.getSelectedItem())));
    hideSpecialBox.addActionListener(
        e -> choose(() -> model.setHideSpecialTokens(hideSpecialBox.isSelected())));
    wordLevelBox.addActionListener(
        e -> choose(() -> model.setWordLevel(wordLevelBox.isSelected())));
    refresh();
  }

  /** The parts this row offers. */
  public Set<Part> parts() {
    return EnumSet.copyOf(parts);
  }

  /**
   * Adds a view's own choices (e.g. a label and a combo box) at the end of the selectors' row, so
   * that every choice of the view sits in one row above the display options.
   */
  public void addToSelectorRow(Component... parts) {
    for (Component part : parts) {
      selectorRow.add(part);
    }
  }

  /**
   * Binds to new models (either may be null): listens to them from now on, no longer to the old
   * ones, and refreshes. Binding the models already bound changes nothing.
   */
  public void bind(AttentionViewModel newModel, AttentionSelectionModel newSelection) {
    if (newModel == model && newSelection == selection) {
      return;
    }
    if (model != null) {
      model.removeChangeListener(modelListener);
    }
    if (selection != null) {
      selection.removeSelectionListener(selectionListener);
    }
    this.model = newModel;
    this.selection = newSelection;
    if (model != null) {
      model.addChangeListener(modelListener);
    }
    if (selection != null) {
      selection.addSelectionListener(selectionListener);
    }
    refresh();
  }

  /** Stops listening to the models; the selectors then show nothing. */
  public void unbind() {
    bind(null, null);
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

  /** The "Hide special tokens" check box. */
  public JCheckBox hideSpecialTokensToggle() {
    return hideSpecialBox;
  }

  /** The "Word level" check box. */
  public JCheckBox wordLevelToggle() {
    return wordLevelBox;
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

  /**
   * Brings items, visibility and selected entries in line with the models. A bound row calls it
   * itself on every change; hosts need not.
   */
  public void refresh() {
    refreshing = true;
    try {
      AttentionData data = model == null ? null : model.displayData();
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
      show(layerLabel, layerBox, parts.contains(Part.LAYER) && hasData);
      show(headLabel, headBox, parts.contains(Part.HEAD) && hasData);
      show(kindLabel, kindBox, parts.contains(Part.KIND) && kinds.size() > 1);
      show(filterLabel, filterBox, parts.contains(Part.FILTER) && hasData && data.isPair());
      boolean options = parts.contains(Part.DISPLAY_OPTIONS) && hasData;
      optionsRow.setVisible(options);
      pendingLabel.setVisible(false);
      hideSpecialBox.setVisible(options);
      wordLevelBox.setVisible(options);
      if (options) {
        // A picture of the previous options must say so while the new one is computed.
        pendingLabel.setVisible(model.isDisplayPending());
        hideSpecialBox.setSelected(model.isHideSpecialTokens());
        wordLevelBox.setSelected(model.isWordLevel());
        // Disabled rather than hidden, so the row does not jump between inputs.
        hideSpecialBox.setEnabled(model.data().attentions().stream().anyMatch(this::hasSpecial));
      }
    } finally {
      refreshing = false;
    }
  }

  private boolean hasSpecial(Attention attention) {
    return attention.queryTokens().hasSpecial() || attention.keyTokens().hasSpecial();
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
