package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.ShownAttention;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.ScrollPanes;
import dev.attnviz.swing.testing.TestData;
import dev.attnviz.swing.testing.TextPixels;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model view in a scroll pane narrower or lower than its grid at the configured thumbnail size
 * plus the detail pane: the thumbnails shrink so that both fit the viewport's width and every layer
 * its height, down to {@link ModelView#MIN_FITTED_THUMBNAIL_SIDE}; below that it scrolls. Real
 * BERT-base attention of the pair "the rabbit quickly hopped" / "the turtle slowly crawled" (12 ×
 * 12 heads), cell (2, 4) selected, as in the demo app.
 */
@OnEdt
class ModelViewFitTest {

  private static final LayerHead CELL = new LayerHead(2, 4);
  private static final int HEIGHT = 700;

  /** Tall enough for 12 rows of full-size thumbnails: only the width limits them. */
  private static final int TALL = 2000;

  private AttentionSelectionModel selection;
  private ModelView view;
  private Dimension natural;
  private JScrollPane pane;

  @BeforeEach
  void setUp() {
    selection = new AttentionSelectionModel();
    view = new ModelView(new AttentionViewModel(TestData.bertPair()), selection);
    selection.toggleCell(CELL);
    pane = Pixels.host(view);
    natural = view.getPreferredSize();
  }

  private void layOut(int width, int height) {
    ScrollPanes.layOut(pane, width, height);
  }

  private JViewport viewport() {
    return pane.getViewport();
  }

  private Rectangle thumbnail() {
    return view.thumbnailBounds(CELL).orElseThrow();
  }

  private void assertEveryKeyOfTheDetailVisible() {
    Rectangle visible = viewport().getViewRect();
    ShownAttention shown = ShownAttention.of(view.getModel(), selection).orElseThrow();
    BufferedImage image = Pixels.paint(view, 1);
    for (int p = 0; p < shown.columnCount(); p++) {
      Rectangle key = view.detailTokenBounds(TokenRef.key(p)).orElseThrow();
      assertTrue(
          visible.contains(key),
          "key \""
              + shown.columnLabel(p)
              + "\" at "
              + key
              + " lies outside the viewport "
              + visible);
      TextPixels.assertViewLabel(
          image, 1, view.colors(), shown.columnLabel(p), key, false, view.colors().foreground());
    }
  }

  @Test
  void outsideAViewportTheThumbnailsHaveTheConfiguredSize() {
    ModelView alone = new ModelView(new AttentionViewModel(TestData.bertPair()), selection);
    alone.setSize(400, 300);
    assertEquals(
        ModelView.DEFAULT_THUMBNAIL_SIZE, alone.thumbnailBounds(CELL).orElseThrow().getSize());
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, thumbnail().getSize(), "pane not laid out yet");
    assertTrue(natural.width > 1200, "the grid and the detail need " + natural.width + " px");
  }

  @Test
  void aNarrowViewportShrinksTheThumbnailsSoThatTheDetailFits() {
    layOut(natural.width - 300, TALL);
    assertFalse(pane.getHorizontalScrollBar().isVisible(), "nothing to scroll sideways");
    assertTrue(view.getPreferredSize().width <= viewport().getWidth(), "asks for the viewport");
    assertEquals(viewport().getWidth(), view.getWidth());

    Rectangle cell = thumbnail();
    assertTrue(
        cell.width < ModelView.DEFAULT_THUMBNAIL_SIZE.width
            && cell.width >= ModelView.MIN_FITTED_THUMBNAIL_SIDE,
        "shrunk, not below the minimum: " + cell);
    assertEquals(cell.width, cell.height, "square as configured");
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, view.getThumbnailSize(), "the option stays");
    assertEveryKeyOfTheDetailVisible();
    assertTrue(
        view.getPreferredSize().height <= viewport().getHeight(), "every layer in view, no more");
  }

  @Test
  void aWideViewportKeepsTheConfiguredSizeAndTheViewFillsIt() {
    layOut(natural.width + 200, TALL);
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, thumbnail().getSize());
    assertEquals(natural, view.getPreferredSize());
    assertEquals(viewport().getWidth(), view.getWidth(), "fills the viewport");
    assertFalse(pane.getHorizontalScrollBar().isVisible());
    assertEveryKeyOfTheDetailVisible();
  }

  @Test
  void aVeryNarrowViewportKeepsTheMinimumAndScrolls() {
    layOut(500, HEIGHT);
    int min = ModelView.MIN_FITTED_THUMBNAIL_SIDE;
    assertEquals(new Dimension(min, min), thumbnail().getSize());
    assertTrue(pane.getHorizontalScrollBar().isVisible(), "scrolls sideways");
    assertTrue(view.getWidth() > viewport().getWidth());
    assertEquals(view.getPreferredSize().width, view.getWidth());
    Rectangle lastKey = view.detailTokenBounds(TokenRef.key(10)).orElseThrow();
    assertTrue(lastKey.getMaxX() <= view.getWidth(), "the detail is inside the view");
  }

  @Test
  void theThumbnailsFollowTheViewportBackAndForth() {
    layOut(natural.width - 300, TALL);
    Rectangle narrow = thumbnail();
    layOut(natural.width + 100, TALL);
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, thumbnail().getSize());
    layOut(natural.width - 300, TALL);
    assertEquals(narrow, thumbnail());
    layOut(natural.width - 150, TALL);
    assertTrue(thumbnail().width > narrow.width, "a wider viewport, larger thumbnails");
  }

  @Test
  void openingOrClosingTheDetailDoesNotMoveTheThumbnails() {
    layOut(natural.width - 300, HEIGHT);
    Rectangle open = thumbnail();
    selection.toggleCell(CELL);
    layOut(natural.width - 300, HEIGHT);
    assertTrue(view.detailTokenBounds(TokenRef.key(0)).isEmpty(), "closed");
    assertEquals(open, thumbnail(), "the room for the detail stays");
    assertEquals(viewport().getWidth(), view.getWidth());
  }

  @Test
  void everyLayerFitsTheViewportHeightAndTheLayoutSettles() {
    int width = natural.width + 100;
    int header = -1;
    Rectangle previous = null;
    for (int height = 760; height <= 1060; height += 7) {
      layOut(width, height);
      header = pane.getColumnHeader().getPreferredSize().height;
      Rectangle last = view.thumbnailBounds(new LayerHead(11, 11)).orElseThrow();
      assertFalse(pane.getVerticalScrollBar().isVisible(), "all 12 layers in view at " + height);
      assertTrue(last.getMaxY() <= viewport().getHeight(), "layer 11 inside at " + height);
      assertTrue(thumbnail().width <= ModelView.DEFAULT_THUMBNAIL_SIZE.width);
      if (previous != null) {
        assertTrue(thumbnail().height >= previous.height, "a taller window, no smaller cells");
      }
      previous = thumbnail();
      Rectangle again = thumbnail();
      layOut(width, height);
      assertEquals(again, thumbnail(), "laying out again changes nothing at " + height);
    }
    assertTrue(header > 0);
  }

  @Test
  void belowTheMinimumTheGridScrollsDown() {
    layOut(natural.width + 100, 300);
    int min = ModelView.MIN_FITTED_THUMBNAIL_SIDE;
    assertEquals(new Dimension(min, min), thumbnail().getSize());
    assertTrue(pane.getVerticalScrollBar().isVisible(), "12 rows of 40 px need more than 300");
  }

  @Test
  void theViewTracksTheViewportWidthOnlyWhenItFits() {
    layOut(natural.width - 300, HEIGHT);
    assertTrue(view.getScrollableTracksViewportWidth());
    layOut(500, HEIGHT);
    assertFalse(view.getScrollableTracksViewportWidth());
    assertSame(viewport(), view.getParent());
  }
}
