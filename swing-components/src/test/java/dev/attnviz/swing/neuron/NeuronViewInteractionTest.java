package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.ViewNavigation;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.beans.PropertyChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mouse, keyboard, properties and model wiring of the view, without looking at pixels. */
@OnEdt
class NeuronViewInteractionTest {

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private NeuronView view;
  private JScrollPane pane;

  @BeforeEach
  void threeTokens() {
    model = new AttentionViewModel(TestData.threeTokens(true));
    selection = new AttentionSelectionModel();
    selection.setFocusHead(1);
    view = new NeuronView(model, selection);
    pane = Pixels.host(view);
    view.setSize(view.getPreferredSize());
  }

  private NeuronLayout layout() {
    return view.scene().layout();
  }

  private void move(Point p) {
    view.dispatchEvent(mouse(MouseEvent.MOUSE_MOVED, p, 0, MouseEvent.NOBUTTON));
  }

  /**
   * A mouse event at {@code p}, with the screen position given: the hosted view is displayable but
   * has no screen, so the event must not ask for it.
   */
  private MouseEvent mouse(int id, Point p, int clicks, int button) {
    return new MouseEvent(view, id, 0L, 0, p.x, p.y, p.x, p.y, clicks, false, button);
  }

  private void click(Point p) {
    view.dispatchEvent(mouse(MouseEvent.MOUSE_CLICKED, p, 1, MouseEvent.BUTTON1));
  }

  private static Point inside(Rectangle box) {
    return new Point(box.x + box.width / 2, box.y + box.height / 2);
  }

  private void press(int key, int modifiers) {
    Object name =
        view.getInputMap(JComponent.WHEN_FOCUSED).get(KeyStroke.getKeyStroke(key, modifiers));
    view.getActionMap()
        .get(name)
        .actionPerformed(new ActionEvent(view, ActionEvent.ACTION_PERFORMED, name.toString()));
  }

  @Test
  void hoverSelectsAQueryAndStaysWhileTheMouseTravelsAlongItsComputation() {
    move(inside(layout().tokenBounds(Column.QUERY_TOKENS, 1)));
    assertEquals(TokenRef.query(1), selection.hoveredToken());
    assertEquals(OptionalInt.of(1), view.selectedQuery());
    move(inside(layout().cellBounds(Column.QUERY, 2, 0)));
    assertEquals(TokenRef.query(2), selection.hoveredToken(), "the q row selects too");
    move(inside(layout().cellBounds(Column.PRODUCT, 0, 3)));
    assertEquals(TokenRef.query(2), selection.hoveredToken(), "kept over the products");
    int gap = layout().x(Column.QUERY) + layout().width(Column.QUERY) + 10;
    move(new Point(gap, layout().queryAnchor(2).y + 30));
    assertEquals(TokenRef.query(2), selection.hoveredToken(), "kept over the connectors");
    Rectangle below = layout().tokenBounds(Column.QUERY_TOKENS, 2);
    move(new Point(below.x + 2, below.y + 3 * below.height));
    assertNull(selection.hoveredToken(), "off the tokens on the left");
    move(inside(layout().tokenBounds(Column.QUERY_TOKENS, 0)));
    view.dispatchEvent(mouse(MouseEvent.MOUSE_EXITED, new Point(-1, -1), 0, MouseEvent.NOBUTTON));
    assertNull(selection.hoveredToken(), "leaving clears the hover");
  }

  @Test
  void tokenBoundsGiveTheBoxesTheMouseFindsTheTokensIn() {
    for (NeuronMode mode : List.of(NeuronMode.EXPANDED, NeuronMode.COLLAPSED)) {
      view.setMode(mode);
      for (int t = 0; t < 3; t++) {
        Rectangle query = view.tokenBounds(TokenRef.query(t)).orElseThrow();
        assertEquals(layout().tokenBounds(Column.QUERY_TOKENS, t), query, mode + " query " + t);
        move(inside(query));
        assertEquals(TokenRef.query(t), selection.hoveredToken(), mode + " query " + t);
        Rectangle key = view.tokenBounds(TokenRef.key(t)).orElseThrow();
        assertEquals(layout().tokenBounds(Column.KEY_TOKENS, t), key, mode + " key " + t);
      }
    }
    move(inside(view.tokenBounds(TokenRef.key(2)).orElseThrow()));
    assertEquals(TokenRef.key(2), selection.hoveredToken(), "collapsed: keys are hovered too");
    assertTrue(view.tokenBounds(TokenRef.key(3)).isEmpty(), "no fourth token");
    model.setData(null);
    assertTrue(view.tokenBounds(TokenRef.query(0)).isEmpty(), "no data");
  }

  @Test
  void clickLocksTheTokenAndASecondClickUnlocksIt() {
    Point token = inside(layout().tokenBounds(Column.QUERY_TOKENS, 2));
    click(token);
    assertEquals(TokenRef.query(2), selection.lockedToken());
    assertTrue(view.scene().locked());
    move(inside(layout().tokenBounds(Column.QUERY_TOKENS, 0)));
    assertEquals(OptionalInt.of(2), view.selectedQuery(), "the lock wins over the hover");
    click(token);
    assertNull(selection.lockedToken());
  }

  @Test
  void clickingAKeyRowItemisesThatPair() {
    selection.setLockedToken(TokenRef.query(1));
    assertEquals(OptionalInt.of(1), view.shownPairKey(), "by default the strongest key (0.6)");
    click(inside(layout().scoreBounds(2)));
    assertEquals(2, view.getPairKey());
    assertEquals(OptionalInt.of(2), view.shownPairKey());
    assertEquals(
        DimensionContributions.top(TestData.QUERIES[1], TestData.KEYS[2], 8), view.contributions());
    click(inside(layout().cellBounds(Column.KEY, 2, 1)));
    assertEquals(-1, view.getPairKey(), "a second click goes back to the strongest key");
    assertEquals(OptionalInt.of(1), view.shownPairKey());
  }

  @Test
  void keysMoveTokenPairHeadAndLayer() {
    model.setData(TestData.uniform(3, 4, 5, 8));
    press(KeyEvent.VK_DOWN, 0);
    assertEquals(TokenRef.query(0), selection.lockedToken(), "first press locks the first token");
    press(KeyEvent.VK_DOWN, 0);
    press(KeyEvent.VK_DOWN, 0);
    assertEquals(TokenRef.query(2), selection.lockedToken());
    press(KeyEvent.VK_UP, 0);
    assertEquals(TokenRef.query(1), selection.lockedToken());

    int pair = view.shownPairKey().orElseThrow();
    press(KeyEvent.VK_DOWN, InputEvent.SHIFT_DOWN_MASK);
    assertEquals(pair + 1, view.getPairKey());
    press(KeyEvent.VK_UP, InputEvent.SHIFT_DOWN_MASK);
    assertEquals(pair, view.getPairKey());

    assertEquals(1, selection.focusHead());
    press(KeyEvent.VK_RIGHT, 0);
    press(KeyEvent.VK_RIGHT, 0);
    press(KeyEvent.VK_RIGHT, 0);
    assertEquals(3, selection.focusHead(), "stops at the last head");
    press(KeyEvent.VK_LEFT, 0);
    assertEquals(2, selection.focusHead());

    press(KeyEvent.VK_PAGE_DOWN, 0);
    assertEquals(1, selection.layer());
    press(KeyEvent.VK_PAGE_UP, 0);
    press(KeyEvent.VK_PAGE_UP, 0);
    assertEquals(0, selection.layer(), "stops at the first layer");

    press(KeyEvent.VK_ESCAPE, 0);
    assertNull(selection.lockedToken());
    assertEquals(-1, view.getPairKey());
    assertEquals(2, view.scene().slice().head(), "the view follows the head");
  }

  @Test
  void navigationSkipsExcludedLayersAndHeads() {
    model.setData(TestData.uniform(4, 4, 3, 4));
    model.setIncludeLayers(0, 3);
    model.setIncludeHeads(1, 3);
    press(KeyEvent.VK_PAGE_DOWN, 0);
    assertEquals(3, selection.layer());
    press(KeyEvent.VK_RIGHT, 0);
    assertEquals(3, selection.focusHead());
    selection.setFocusHead(2);
    press(KeyEvent.VK_LEFT, 0);
    assertEquals(1, selection.focusHead(), "from an excluded head to the next included one");
    assertEquals(1, ViewNavigation.step(new int[] {1, 3}, 2, -1));
    assertEquals(3, ViewNavigation.step(new int[] {1, 3}, 2, 1));
    assertEquals(1, ViewNavigation.step(new int[] {1, 3}, 0, 1));
  }

  @Test
  void arrowsScrollTheLockedRowIntoView() {
    model.setData(TestData.uniform(1, 1, 200, 4));
    pane.setSize(600, 300);
    Pixels.layoutTree(pane);
    for (int i = 0; i < 150; i++) {
      press(KeyEvent.VK_DOWN, 0);
    }
    Rectangle row = layout().rowBand(149);
    Rectangle shown = pane.getViewport().getViewRect();
    assertTrue(
        shown.contains(row.x, row.y) && shown.contains(row.x, row.y + row.height - 1),
        "row 149 scrolled into view: " + shown + " vs " + row);
    assertTrue(shown.y > 0);
  }

  @Test
  void optionsAreBoundPropertiesThatFireOncePerChange() {
    List<PropertyChangeEvent> events = new ArrayList<>();
    view.addPropertyChangeListener(events::add);
    view.setMode(NeuronMode.COLLAPSED);
    view.setMode(NeuronMode.COLLAPSED);
    view.setTopDimensionCount(3);
    view.setTopDimensionCount(3);
    view.setPairKey(2);
    view.setPairKey(2);
    view.setControlsVisible(false);
    view.setControlsVisible(false);
    assertEquals(
        List.of(
            NeuronView.MODE_PROPERTY,
            NeuronView.TOP_DIMENSION_COUNT_PROPERTY,
            NeuronView.PAIR_KEY_PROPERTY,
            NeuronView.CONTROLS_VISIBLE_PROPERTY),
        events.stream().map(PropertyChangeEvent::getPropertyName).toList());
    assertEquals(NeuronMode.EXPANDED, events.get(0).getOldValue());
    assertFalse(view.scene().expanded());
    assertThrows(IllegalArgumentException.class, () -> view.setTopDimensionCount(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> view.setTopDimensionCount(NeuronView.MAX_TOP_DIMENSION_COUNT + 1));
    assertThrows(IllegalArgumentException.class, () -> view.setPairKey(-2));
  }

  @Test
  void setModelMovesTheListenerAndShowsTheNewData() {
    int before = model.getChangeListeners().length;
    AttentionViewModel other = new AttentionViewModel(TestData.uniform(2, 3, 4, 4));
    List<PropertyChangeEvent> events = new ArrayList<>();
    view.addPropertyChangeListener(NeuronView.MODEL_PROPERTY, events::add);
    view.setModel(other);
    assertEquals(before - 2, model.getChangeListeners().length, "the view's and its selectors'");
    assertEquals(2, other.getChangeListeners().length);
    assertEquals(1, events.size());
    assertSame(other, view.getModel());
    assertEquals(4, view.scene().slice().rowCount());
    model.setData(TestData.causalThreeTokens());
    assertEquals(4, view.scene().slice().rowCount(), "the old model no longer reaches the view");
    other.setData(null);
    assertEquals(NeuronText.noData(), view.statusMessage().orElseThrow());
  }

  @Test
  void setSelectionModelMovesTheListener() {
    AttentionSelectionModel other = new AttentionSelectionModel();
    view.setSelectionModel(other);
    assertEquals(0, selection.getChangeListeners().length);
    assertEquals(1, other.getChangeListeners().length);
    assertEquals(0, view.scene().slice().head(), "the new selection's head");
    selection.setLockedToken(TokenRef.query(1));
    assertEquals(OptionalInt.empty(), view.selectedQuery());
    other.setLockedToken(TokenRef.query(1));
    assertEquals(OptionalInt.of(1), view.selectedQuery());
  }

  @Test
  void newDataAdaptsTheSharedSelection() {
    selection.setLayer(0);
    selection.setFocusHead(1);
    selection.setLockedToken(TokenRef.query(2));
    model.setData(
        TestData.single(
            List.of("a", "b"),
            new float[][] {{1, 0}, {0, 1}},
            new float[][] {{1}, {2}},
            new float[][] {{1}, {2}},
            true,
            false,
            null));
    assertNull(selection.lockedToken(), "token 2 no longer exists");
    assertEquals(1, selection.focusHead());
    assertTrue(view.statusMessage().isEmpty());
  }

  @Test
  void aLayerTheDataLacksIsRefusedWithTheValidRangeAndTheViewKeepsDrawing() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> selection.setLayer(7));
    assertEquals("layer 7 is out of range: the data has layers 0 to 0", refused.getMessage());
    assertEquals(0, selection.layer());
    assertTrue(view.statusMessage().isEmpty());
    assertNotNull(view.scene().slice());
    assertTrue(view.shownMatrix().isPresent());
  }

  @Test
  void tooltipsGiveFourSignificantDigitsTokensLayerAndHead() {
    selection.setLockedToken(TokenRef.query(1));
    view.setPairKey(2);
    assertEquals(
        "Layer 0, Head 1: q[1][3] = -6.000 (\u201ccat\u201d)",
        tooltip(layout().cellBounds(Column.QUERY, 1, 3)));
    assertEquals(
        "Layer 0, Head 1: k[2][1] = -8.000 (\u201csat\u201d)",
        tooltip(layout().cellBounds(Column.KEY, 2, 1)));
    assertEquals(
        "Layer 0, Head 1: q[1][1] \u00d7 k[2][1] = -2.000 \u00d7 -8.000 = 16.00",
        tooltip(layout().cellBounds(Column.PRODUCT, 2, 1)));
    // q1 · k2 = 8 + 16 + 2 - 18 = 8, divided by sqrt(4).
    assertEquals(
        "Layer 0, Head 1: q[1] \u00b7 k[2] / \u221a4 = 4.000 (\u201ccat\u201d \u2192 \u201csat\u201d);"
            + " softmax weight 0.3000",
        tooltip(layout().scoreBounds(2)));
    assertEquals(
        "Layer 0, Head 1: \u201ccat\u201d \u2192 \u201csat\u201d: weight 0.3000 (key token 2)",
        tooltip(layout().tokenBounds(Column.KEY_TOKENS, 2)));
    assertEquals(
        "dimension 3: q = -6.000, k = 3.000, q \u00d7 k = -18.00 (-225.00% of q \u00b7 k)",
        tooltip(layout().listCell(NeuronLayout.LIST_HEADER_ROWS, 0)));
  }

  @Test
  void tooltipOfAHiddenProductSaysWhy() {
    model.setData(TestData.causalThreeTokens());
    selection.setLockedToken(TokenRef.query(0));
    assertEquals(
        "Layer 0, Head 1: hidden: the model is causal, so token 0 cannot see the later token 2",
        tooltip(layout().scoreBounds(2)));
  }

  private String tooltip(Rectangle box) {
    Point p = inside(box);
    return view.getToolTipText(mouse(MouseEvent.MOUSE_MOVED, p, 0, MouseEvent.NOBUTTON));
  }

  @Test
  void collapsedModeSelectsKeysToo() {
    view.setMode(NeuronMode.COLLAPSED);
    move(inside(layout().tokenBounds(Column.KEY_TOKENS, 2)));
    assertEquals(TokenRef.key(2), selection.hoveredToken());
    assertEquals(2, view.scene().selectedColumn());
    click(inside(layout().tokenBounds(Column.KEY_TOKENS, 0)));
    assertEquals(TokenRef.key(0), selection.lockedToken());
    press(KeyEvent.VK_DOWN, 0);
    assertEquals(TokenRef.key(1), selection.lockedToken(), "arrows move on the key side");
    Point gap = layout().queryAnchor(0);
    move(new Point(gap.x + 30, gap.y));
    assertNull(selection.hoveredToken());
  }

  @Test
  void controlsEditAndFollowTheSelection() {
    model.setData(TestData.uniform(3, 4, 3, 4));
    JComboBox<?> layer = combo("Layer");
    JComboBox<?> head = combo("Head");
    layer.setSelectedIndex(2);
    assertEquals(2, selection.layer());
    selection.setFocusHead(3);
    assertEquals(3, head.getSelectedItem());
    JComboBox<?> filter = combo("Sentence-pair filter");
    assertFalse(filter.isVisible(), "no pair, no filter");
    JCheckBox expanded = find(pane, JCheckBox.class, "Expanded");
    assertTrue(expanded.isSelected());
    expanded.doClick();
    assertEquals(NeuronMode.COLLAPSED, view.getMode());
    view.setMode(NeuronMode.EXPANDED);
    assertTrue(expanded.isSelected());
    model.setIncludeLayers(0, 2);
    assertEquals(2, layer.getItemCount());

    model.setData(NeuronSliceTest.pairData());
    assertTrue(filter.isVisible());
    filter.setSelectedItem(dev.attnviz.core.SentenceFilter.B_TO_B);
    assertEquals(dev.attnviz.core.SentenceFilter.B_TO_B, selection.filter());
    assertEquals(2, view.scene().slice().rowCount());

    view.setControlsVisible(false);
    assertFalse(visibleUpTo(layer), "hidden with the controls");
  }

  @Test
  void controlsSayWhyExpandedModeIsUnavailable() {
    model.setData(TestData.threeTokens(false));
    JCheckBox expanded = find(pane, JCheckBox.class, "Expanded");
    assertEquals(NeuronText.noVectorsInData(), expanded.getToolTipText());
  }

  private JComboBox<?> combo(String accessibleName) {
    return find(pane, JComboBox.class, accessibleName);
  }

  /** Whether {@code component} and all its ancestors are visible. */
  private static boolean visibleUpTo(Component component) {
    for (Component c = component; c != null; c = c.getParent()) {
      if (!c.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static <T extends Component> T find(Container root, Class<T> type, String name) {
    for (Component child : root.getComponents()) {
      if (type.isInstance(child)
          && (name.equals(child.getAccessibleContext().getAccessibleName()))) {
        return type.cast(child);
      }
      if (child instanceof Container container) {
        T found = find(container, type, name);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  @Test
  void themeChangesAreReadInUpdateUi() {
    assertFalse(view.scene().colors().dark());
    try {
      Theme.DARK.apply();
      view.updateUI();
      assertTrue(view.scene().colors().dark());
    } finally {
      Theme.reset();
    }
  }

  @Test
  void needsModels() {
    assertThrows(NullPointerException.class, () -> new NeuronView(null, selection));
    assertThrows(NullPointerException.class, () -> new NeuronView(model, null));
    AttentionData data = model.data();
    assertEquals(data, view.getModel().data());
  }
}
