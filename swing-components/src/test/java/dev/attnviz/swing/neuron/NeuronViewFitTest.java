package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronLayout.Column;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.ScrollPanes;
import dev.attnviz.swing.testing.TextPixels;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The neuron view in a scroll pane narrower than its expanded picture with vector cells at the
 * target width: the cells narrow so that every column, the softmax's key tokens and the list of top
 * dimensions fit the viewport, down to {@link NeuronView#MIN_FITTED_CELL_WIDTH}; below that it
 * scrolls. Real BERT-base query and key vectors of "the rabbit quickly hopped" / "the turtle slowly
 * crawled" (11 tokens, head size 64), "quickly" locked, as in the demo app.
 */
@OnEdt
class NeuronViewFitTest {

  /** The viewport's width in the demo app's neuron tab, in a 1400-pixel-wide window. */
  private static final int DEMO_VIEWPORT_WIDTH = 1380;

  private static final int HEIGHT = 700;
  private static final int QUICKLY = 3;
  private static final int TOKENS = 11;

  private static AttentionData pair;

  private AttentionSelectionModel selection;
  private NeuronView view;
  private Dimension natural;
  private JScrollPane pane;

  @BeforeAll
  static void load() {
    pair = BertFixture.load("rabbit-turtle-pair");
  }

  @BeforeEach
  void setUp() {
    AttentionViewModel model = new AttentionViewModel(pair);
    model.setIncludeLayers(0, 11);
    selection = new AttentionSelectionModel();
    selection.setLayer(11);
    selection.setFocusHead(4);
    selection.setLockedToken(TokenRef.query(QUICKLY));
    view = new NeuronView(model, selection);
    pane = Pixels.host(view);
    natural = view.getPreferredSize();
  }

  private void layOut(int width, int height) {
    ScrollPanes.layOut(pane, width, height);
  }

  /** Lays the pane out so that its viewport is {@code width} wide (without a vertical bar). */
  private void layOutViewport(int width, int height) {
    Insets insets = pane.getInsets();
    layOut(width + insets.left + insets.right, height);
  }

  private JViewport viewport() {
    return pane.getViewport();
  }

  private int cellWidth() {
    return view.scene().layout().cellWidth();
  }

  private void assertEveryKeyTokenInSight() {
    Rectangle visible = viewport().getViewRect();
    for (int key = 0; key < TOKENS; key++) {
      Rectangle box = view.tokenBounds(TokenRef.key(key)).orElseThrow();
      assertTrue(visible.contains(box), "key " + key + " at " + box + " lies outside " + visible);
    }
  }

  @Test
  void outsideAViewportTheCellsHaveTheTargetWidth() {
    NeuronView alone = new NeuronView(view.getModel(), selection);
    alone.setSize(400, 300);
    assertEquals(NeuronLayout.cellWidth(64), alone.scene().layout().cellWidth());
    assertEquals(6, NeuronLayout.cellWidth(64), "64 dimensions at the 384-pixel target");
    assertEquals(NeuronLayout.cellWidth(64), cellWidth(), "pane not laid out yet");
    assertTrue(
        natural.width > DEMO_VIEWPORT_WIDTH,
        "the picture needs " + natural.width + " px, more than the demo's viewport");
  }

  @Test
  void atTheDemosWidthEveryColumnAndKeyTokenFits() {
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    assertEquals(DEMO_VIEWPORT_WIDTH, viewport().getWidth());
    assertFalse(pane.getVerticalScrollBar().isVisible(), "11 rows fit the height, as in the demo");
    assertFalse(pane.getHorizontalScrollBar().isVisible(), "nothing to scroll sideways");
    assertEquals(viewport().getWidth(), view.getWidth(), "fills the viewport");
    int bar = pane.getVerticalScrollBar().getPreferredSize().width;
    assertEquals(
        viewport().getWidth() - bar,
        view.getPreferredSize().width,
        "asks for the viewport's width as it is with the vertical scroll bar");
    assertTrue(
        cellWidth() < NeuronLayout.cellWidth(64) && cellWidth() >= NeuronView.MIN_FITTED_CELL_WIDTH,
        "narrower cells, not below the minimum: " + cellWidth());
    assertEveryKeyTokenInSight();
    NeuronLayout layout = view.scene().layout();
    Rectangle list = layout.titleBounds(Column.CONTRIBUTIONS);
    assertTrue(
        list.getMaxX() <= viewport().getViewRect().getMaxX(), "the top dimensions too: " + list);
    assertEquals(natural.height, view.getPreferredSize().height, "rows keep their height");
  }

  @Test
  void withTheVerticalScrollBarShowingTheViewAsksForTheViewportsWidth() {
    int shortPane = view.getPreferredSize().height / 2;
    layOutViewport(DEMO_VIEWPORT_WIDTH, shortPane);
    assertTrue(pane.getVerticalScrollBar().isVisible(), "taller than the viewport");
    assertFalse(pane.getHorizontalScrollBar().isVisible(), "nothing to scroll sideways");
    assertEquals(viewport().getWidth(), view.getPreferredSize().width, "asks for the viewport");
    assertEquals(viewport().getWidth(), view.getWidth());
    assertTrue(cellWidth() < NeuronLayout.cellWidth(64));
    for (int key = 0; key < TOKENS; key++) {
      Rectangle box = view.tokenBounds(TokenRef.key(key)).orElseThrow();
      assertTrue(box.getMaxX() <= viewport().getWidth(), "key " + key + " at " + box);
    }
  }

  @Test
  void theSoftmaxLabelsAreDrawnWholeInsideTheViewport() {
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    // Unlocked, the softmax column is not tinted, so its labels sit on the plain background.
    selection.clearLockedToken();
    BufferedImage image = Pixels.paint(view, 1);
    assertEquals(viewport().getWidth(), image.getWidth());
    NeuronSlice slice = view.scene().slice();
    for (int key = 0; key < TOKENS; key++) {
      TextPixels.assertViewLabel(
          image,
          1,
          view.colors(),
          slice.keyLabels().get(key),
          view.tokenBounds(TokenRef.key(key)).orElseThrow(),
          false,
          view.colors().foreground());
    }
  }

  @Test
  void aWideViewportKeepsTheTargetWidthAndTheViewFillsIt() {
    layOut(natural.width + 200, HEIGHT);
    assertEquals(NeuronLayout.cellWidth(64), cellWidth());
    assertEquals(natural, view.getPreferredSize());
    assertEquals(viewport().getWidth(), view.getWidth(), "fills the viewport");
    assertFalse(pane.getHorizontalScrollBar().isVisible());
    assertEveryKeyTokenInSight();
  }

  @Test
  void aVeryNarrowViewportKeepsTheMinimumAndScrolls() {
    layOut(600, HEIGHT);
    assertEquals(NeuronView.MIN_FITTED_CELL_WIDTH, cellWidth());
    assertTrue(pane.getHorizontalScrollBar().isVisible(), "scrolls sideways");
    assertTrue(view.getWidth() > viewport().getWidth());
    assertEquals(view.getPreferredSize().width, view.getWidth());
    Rectangle lastKey = view.tokenBounds(TokenRef.key(TOKENS - 1)).orElseThrow();
    assertTrue(lastKey.getMaxX() <= view.getWidth(), "the softmax is inside the view");
    Rectangle cell = view.scene().layout().cellBounds(Column.QUERY, 0, 63);
    assertEquals(NeuronView.MIN_FITTED_CELL_WIDTH, cell.width, "64 distinguishable cells");
  }

  @Test
  void theCellsFollowTheViewportBackAndForth() {
    layOut(natural.width - 300, HEIGHT);
    int narrow = cellWidth();
    assertTrue(narrow < NeuronLayout.cellWidth(64));
    layOut(natural.width + 100, HEIGHT);
    assertEquals(NeuronLayout.cellWidth(64), cellWidth());
    assertEquals(natural, view.getPreferredSize());
    layOut(natural.width - 300, HEIGHT);
    assertEquals(narrow, cellWidth());
    assertEquals(viewport().getWidth(), view.getWidth());
    layOut(700, HEIGHT);
    assertTrue(cellWidth() < narrow, "narrower still");
  }

  @Test
  void theCellsDoNotChangeWhereTheVerticalScrollBarComesAndGoes() {
    layOut(natural.width - 300, HEIGHT);
    int cells = cellWidth();
    // A viewport half a scroll bar wider than the picture with cells one pixel wider (three
    // columns of 64 cells): those cells would fit if the bar's room were counted as free while
    // the bar hides, and not while it shows.
    int widerCellsWidth = view.scene().layout().size().width + 3 * 64;
    int barWidth = pane.getVerticalScrollBar().getPreferredSize().width;
    Insets insets = pane.getInsets();
    int paneWidth = widerCellsWidth + barWidth / 2 + insets.left + insets.right;
    int contentHeight = view.getPreferredSize().height;
    int chrome = insets.top + insets.bottom + pane.getColumnHeader().getPreferredSize().height;
    int withBar = 0;
    int withoutBar = 0;
    for (int height = contentHeight + chrome - 20;
        height <= contentHeight + chrome + 20;
        height++) {
      layOut(paneWidth, height);
      assertEquals(cells, cellWidth(), "at pane height " + height);
      assertEquals(viewport().getWidth(), view.getWidth(), "at pane height " + height);
      assertFalse(pane.getHorizontalScrollBar().isVisible(), "at pane height " + height);
      if (pane.getVerticalScrollBar().isVisible()) {
        withBar++;
      } else {
        withoutBar++;
      }
    }
    assertTrue(
        withBar > 0 && withoutBar > 0, withBar + " with the bar, " + withoutBar + " without");
  }

  @Test
  void theViewTracksTheViewportWidthOnlyWhenItFits() {
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    assertTrue(view.getScrollableTracksViewportWidth());
    layOut(600, HEIGHT);
    assertFalse(view.getScrollableTracksViewportWidth());
  }

  @Test
  void collapsedModeFitsTheDemosWidthAsItIs() {
    view.setMode(NeuronMode.COLLAPSED);
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    assertFalse(pane.getHorizontalScrollBar().isVisible());
    assertEveryKeyTokenInSight();
    view.setMode(NeuronMode.EXPANDED);
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    assertFalse(pane.getHorizontalScrollBar().isVisible(), "expanded fits too");
    assertEveryKeyTokenInSight();
  }

  @Test
  void theExportIsThePictureAsShown() {
    layOutViewport(DEMO_VIEWPORT_WIDTH, HEIGHT);
    assertEquals(view.getPreferredSize(), view.exportSize());
    Rectangle cell = view.scene().layout().cellBounds(Column.KEY, 0, 0);
    assertEquals(cellWidth(), cell.width, "the export draws the fitted cells");
  }
}
