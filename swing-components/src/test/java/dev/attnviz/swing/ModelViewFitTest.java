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
 * The model view in a scroll pane narrower than its grid at the configured thumbnail size plus the
 * detail pane: the thumbnails shrink so that both fit the viewport, down to {@link
 * ModelView#MIN_FITTED_THUMBNAIL_SIDE}; below that it scrolls. Real BERT-base attention of the pair
 * "the rabbit quickly hopped" / "the turtle slowly crawled" (12 × 12 heads), cell (2, 4) selected,
 * as in the demo app.
 */
@OnEdt
class ModelViewFitTest {

  private static final LayerHead CELL = new LayerHead(2, 4);
  private static final int HEIGHT = 700;

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
    layOut(natural.width - 300, HEIGHT);
    assertTrue(pane.getVerticalScrollBar().isVisible(), "12 rows are taller than the viewport");
    assertFalse(pane.getHorizontalScrollBar().isVisible(), "nothing to scroll sideways");
    assertEquals(viewport().getWidth(), view.getPreferredSize().width, "asks for the viewport");
    assertEquals(viewport().getWidth(), view.getWidth());

    Rectangle cell = thumbnail();
    assertTrue(
        cell.width < ModelView.DEFAULT_THUMBNAIL_SIZE.width
            && cell.width >= ModelView.MIN_FITTED_THUMBNAIL_SIDE,
        "shrunk, not below the minimum: " + cell);
    assertEquals(cell.width, cell.height, "square as configured");
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, view.getThumbnailSize(), "the option stays");
    assertEveryKeyOfTheDetailVisible();
    assertEquals(
        view.getHeight(), view.getPreferredSize().height, "as tall as the shrunk thumbnails need");
  }

  @Test
  void aWideViewportKeepsTheConfiguredSizeAndTheViewFillsIt() {
    layOut(natural.width + 200, HEIGHT);
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
    layOut(natural.width - 300, HEIGHT);
    Rectangle narrow = thumbnail();
    layOut(natural.width + 100, HEIGHT);
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, thumbnail().getSize());
    layOut(natural.width - 300, HEIGHT);
    assertEquals(narrow, thumbnail());
    layOut(natural.width - 150, HEIGHT);
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
  void theLayoutSettlesWhereTheVerticalScrollBarComesAndGoes() {
    int width = natural.width - 300;
    layOut(width, HEIGHT);
    int contentHeight = view.getPreferredSize().height;
    int header = pane.getColumnHeader().getPreferredSize().height;
    Rectangle shrunk = thumbnail();
    // Around the height where the content just fits, the scroll bar appears or not; the
    // thumbnails must not change with it (which would change the height again).
    for (int height = contentHeight + header - 30;
        height <= contentHeight + header + 30;
        height++) {
      layOut(width, height);
      assertEquals(shrunk.getSize(), thumbnail().getSize(), "at pane height " + height);
      assertEquals(viewport().getWidth(), view.getWidth());
    }
  }

  @Test
  void aWiderViewportBringsTheVerticalScrollBarForTheTallerThumbnails() {
    int narrowWidth = natural.width - 300;
    layOut(narrowWidth, 2000);
    int shortHeight = view.getPreferredSize().height;
    int header = pane.getColumnHeader().getPreferredSize().height;
    // Just tall enough for the shrunk thumbnails; the full-size ones need more.
    layOut(narrowWidth, shortHeight + header + 10);
    assertFalse(pane.getVerticalScrollBar().isVisible(), "the shrunk grid fits");
    layOut(natural.width + 100, shortHeight + header + 10);
    assertEquals(ModelView.DEFAULT_THUMBNAIL_SIZE, thumbnail().getSize());
    assertTrue(view.getHeight() > viewport().getHeight(), "taller than the viewport");
    assertTrue(pane.getVerticalScrollBar().isVisible(), "so it scrolls");
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
