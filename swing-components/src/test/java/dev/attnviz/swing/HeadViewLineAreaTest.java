package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertNear;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.render.TokenColumnsLayout;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.TestData;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.swing.JScrollPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The area for the lines between the head view's token columns grows with the width the view gets,
 * between {@link HeadView#MIN_LINE_AREA_WIDTH} and {@link HeadView#MAX_LINE_AREA_WIDTH}, and
 * hit-testing, painting and export follow it. Data as in {@link HeadViewPixelTest}.
 */
@OnEdt
class HeadViewLineAreaTest {

  private HeadView view;
  private Dimension preferred;

  @BeforeEach
  void setUp() {
    view =
        new HeadView(
            new AttentionViewModel(HeadViewPixelTest.fourTokens()), new AttentionSelectionModel());
    view.setControlsVisible(false);
    preferred = view.getPreferredSize();
  }

  private int columnsWidth() {
    TokenColumnsLayout layout = view.linesLayout();
    return layout.leftWidth() + layout.rightWidth();
  }

  @Test
  void aViewAtItsPreferredWidthHasTheNarrowestLineArea() {
    view.setSize(preferred);
    assertEquals(HeadView.MIN_LINE_AREA_WIDTH, view.linesLayout().lineArea().width);
    assertEquals(preferred.width, columnsWidth() + HeadView.MIN_LINE_AREA_WIDTH + 2 * 8);
  }

  @Test
  void theLineAreaFollowsTheTokenCountNotTheWidthAndStaysNextToTheControls() {
    for (int width : new int[] {preferred.width + 150, 1600, 3000}) {
      view.setSize(width, preferred.height);
      TokenColumnsLayout layout = view.linesLayout();
      assertEquals(
          TokenColumnsLayout.lineAreaFor(4, 10_000, 180, 600),
          layout.lineArea().width,
          "4 tokens at width " + width);
      assertEquals(8, layout.x(), "at the margin, not centred, at width " + width);
    }
    view.setSize(preferred.width - 60, preferred.height);
    assertEquals(HeadView.MIN_LINE_AREA_WIDTH, view.linesLayout().lineArea().width, "never less");
  }

  @Test
  void aThirteenTokenSentenceGetsAShortGapAndFullLabels() {
    List<String> words =
        List.of(
            "[CLS]",
            "the",
            "electroencephalography",
            "of",
            "a",
            "rabbit",
            "quickly",
            "hopped",
            "over",
            "the",
            "sleeping",
            "dog",
            "[SEP]");
    float[][][][] w = new float[1][1][][];
    w[0][0] = TestData.diagonal(13, 1f);
    HeadView thirteen =
        new HeadView(
            new AttentionViewModel(TestData.self(words, w)), new AttentionSelectionModel());
    thirteen.setControlsVisible(false);
    thirteen.setSize(1600, 800);
    TokenColumnsLayout layout = thirteen.linesLayout();
    int gap = layout.lineArea().width;
    assertTrue(gap >= 150 && gap <= 250, "gap " + gap + " for 13 tokens in 1600 px");
    int full = thirteen.colors().text().width("electroencephalography");
    assertTrue(
        layout.leftWidth() >= full + 2 * TokenColumnsLayout.TEXT_PADDING,
        "the long word fits its box: " + layout.leftWidth() + " for " + full);
    assertEquals(8, layout.x(), "next to the controls");
  }

  @Test
  void thePreferredSizeDoesNotFollowTheWidth() {
    view.setSize(2000, preferred.height);
    view.linesLayout();
    assertEquals(preferred, view.getPreferredSize());
  }

  @Test
  void inAWideScrollPaneTheViewTracksTheViewportAndWidensItsLines() {
    JScrollPane pane = new JScrollPane(view);
    pane.setSize(preferred.width + 300, preferred.height + 40);
    Pixels.layoutTree(pane);
    assertTrue(view.getWidth() > preferred.width, "the view fills the viewport: " + view.getSize());
    assertEquals(
        TokenColumnsLayout.lineAreaFor(4, 10_000, 180, 600), view.linesLayout().lineArea().width);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1, 2})
  void hitTestingAndLinesFollowTheWiderArea(double scale) {
    view.setSize(preferred.width + 250, preferred.height);
    for (int i = 0; i < 4; i++) {
      for (TokenRef token : new TokenRef[] {TokenRef.query(i), TokenRef.key(i)}) {
        Rectangle box = view.tokenBounds(token).orElseThrow();
        assertEquals(token, view.tokenAt(new Point(box.x + 2, box.y + 2)), "left edge");
        assertEquals(
            token,
            view.tokenAt(new Point(box.x + box.width - 2, box.y + box.height - 2)),
            "right edge");
      }
    }
    Rectangle lines = view.linesLayout().lineArea();
    assertNull(view.tokenAt(new Point(lines.x + lines.width / 2, lines.y + 2)), "between");
    assertTrue(
        view.tokenBounds(TokenRef.key(0)).orElseThrow().x
            >= view.tokenBounds(TokenRef.query(0)).orElseThrow().getMaxX()
                + HeadView.MIN_LINE_AREA_WIDTH);

    BufferedImage image = Pixels.paint(view, scale);
    Color background = view.colors().background();
    Point2D middle = ViewProbe.along(view::tokenBounds, 0, 0, 0.5);
    assertNear(
        image,
        middle.getX() * scale,
        middle.getY() * scale,
        blend(background, view.colors().headColor(0, 2), 0.5),
        8,
        "head 0, 0 → 0, halfway across the wide area");
  }

  @Test
  void exportIsTheContentAsLaidOutNowWithoutTheCentringOffset() {
    view.setSize(3000, preferred.height);
    Dimension export = view.exportSize();
    assertEquals(columnsWidth() + view.linesLayout().lineArea().width + 2 * 8, export.width);
    BufferedImage image = ViewExporter.toImage(view, 1);
    int strip = export.height - view.contentSize().height;
    // The line 0 → 0 halfway, moved left by the centring offset and down by the legend.
    Point2D middle = ViewProbe.along(view::tokenBounds, 0, 0, 0.5);
    int shift = view.linesLayout().x() - 8;
    assertNear(
        image,
        middle.getX() - shift,
        middle.getY() + strip,
        blend(view.colors().background(), view.colors().headColor(0, 2), 0.5),
        8,
        "line in the export");
  }
}
