package dev.attnviz.swing;

import static dev.attnviz.swing.testing.Pixels.assertNear;
import static dev.attnviz.swing.testing.Pixels.blend;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.LayerHead;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.neuron.NeuronView;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.TestData;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export writes exactly what the views show: PNG at a scale, SVG vectors, CSV of the matrix. */
@OnEdt
class ExportTest {

  private AttentionViewModel model;
  private AttentionSelectionModel selection;
  private HeadView head;
  private ModelView grid;

  @BeforeEach
  void setUp() {
    model = new AttentionViewModel(HeadViewPixelTest.fourTokens());
    selection = new AttentionSelectionModel();
    head = new HeadView(model, selection);
    grid = new ModelView(model, selection);
  }

  @Test
  void pngAtScaleTwoHasTheSameLinesAtTwiceTheSize() {
    Dimension size = head.exportSize();
    BufferedImage one = ViewExporter.toImage(head, 1);
    BufferedImage two = ViewExporter.toImage(head, 2);
    assertEquals(size.width * 2, two.getWidth());
    assertEquals(size.height * 2, two.getHeight());
    // The export puts the head squares (the colour legend) above the content.
    int below = head.exportSize().height - head.contentSize().height;
    assertNear(one, 8 + 2, 8 + 2, head.colors().headColor(0, 2), 0, "legend square of head 0");
    Point2D line = lineMiddle(0, 0, below);
    for (int scale = 1; scale <= 2; scale++) {
      assertNear(
          scale == 1 ? one : two,
          line.getX() * scale,
          line.getY() * scale,
          blend(head.colors().background(), head.colors().headColor(0, 2), 0.5),
          8,
          "line 0 → 0 at scale " + scale);
    }
  }

  @Test
  void pngAtAFractionalScaleIsOpaqueToItsLastPixel() {
    NeuronView neuron = new NeuronView(model, selection);
    for (AttentionView view : List.of(head, grid, neuron)) {
      // 1.5 × an odd width: the last pixel column is half inside the picture.
      BufferedImage image = ViewExporter.toImage(view, 1.5);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          assertEquals(
              0xFF,
              image.getRGB(x, y) >>> 24,
              view.getClass().getSimpleName() + " opaque at " + x + "," + y);
        }
      }
    }
  }

  private Point2D lineMiddle(int query, int key, int offsetY) {
    Rectangle left = head.tokenBounds(TokenRef.query(query)).orElseThrow();
    Rectangle right = head.tokenBounds(TokenRef.key(key)).orElseThrow();
    left.translate(0, offsetY - head.contentTop());
    right.translate(0, offsetY - head.contentTop());
    return ViewProbe.along(left, right, 0.5);
  }

  @Test
  void svgHasOneVectorLinePerDrawnLineAndFollowsTheSelection() {
    String all = ViewExporter.toSvg(head);
    assertTrue(all.startsWith("<svg") || all.contains("<svg"), "an SVG document");
    // Layer 0: head 0 has 4 non-zero weights, head 1 has 4.
    assertEquals(8, count(all, "<line"), "one SVG line per visible weight");
    selection.setHoveredToken(TokenRef.query(0));
    assertEquals(2, count(ViewExporter.toSvg(head), "<line"), "hover: only the token's lines");
  }

  @Test
  void modelViewSvgDrawsThumbnailsAsVectors() {
    String svg = ViewExporter.toSvg(grid);
    // 2 layers x 2 heads; layer 0: 4 + 4 lines, layer 1: 4 + 0 lines.
    assertEquals(12, count(svg, "<line"));
    assertTrue(svg.contains(">Heads<") && svg.contains(">Layers<"), "axis titles as text");
  }

  private static int count(String text, String needle) {
    Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  @Test
  void csvIsTheShownMatrixWithTheFilterAndActiveHeads() throws IOException {
    selection.isolateHead(1, 2);
    ShownMatrix matrix = head.shownMatrix().orElseThrow();
    assertEquals("Layer 0, Head 1", matrix.title());
    assertEquals(1f, matrix.value(0, 3));
    assertEquals(0f, matrix.value(0, 0));

    selection.activateAllHeads();
    matrix = head.shownMatrix().orElseThrow();
    assertEquals("Layer 0, mean of heads 0, 1", matrix.title());
    assertEquals(0.5f, matrix.value(0, 0));
    assertEquals(0.5f, matrix.value(0, 3));
    assertEquals(0.25f, matrix.value(3, 3));

    model.setData(
        TestData.pair(
            List.of("a", "b", "c", "d"), 2, new float[][][][] {{TestData.diagonal(4, 0.25f)}}));
    selection.setFilter(SentenceFilter.B_TO_B);
    matrix = head.shownMatrix().orElseThrow();
    assertEquals(List.of("c", "d"), matrix.rowLabels());
    assertEquals(List.of("c", "d"), matrix.columnLabels());
    assertArrayEquals(new float[] {0.25f, 0f, 0f, 0.25f}, matrix.values());
    StringWriter csv = new StringWriter();
    ViewExporter.writeCsv(matrix, csv);
    assertEquals(
        "# Layer 0, Head 0\r\n\"\",0:c,1:d\r\n0:c,0.25,0.0\r\n1:d,0.0,0.25\r\n", csv.toString());
  }

  @Test
  void csvStartsWithMetadataAndWritesPlainDecimals() throws Exception {
    ShownMatrix matrix =
        new ShownMatrix(
            "Layer 2, Head 1", List.of("the", "the"), List.of("a,b"), new float[] {1e-5f, 3f});
    StringWriter csv = new StringWriter();
    ViewExporter.writeCsv(matrix, List.of("model: m", "kind: self\nfilter: all"), csv);
    assertEquals(
        "# Layer 2, Head 1\r\n# model: m\r\n# kind: self filter: all\r\n"
            + "\"\",\"0:a,b\"\r\n0:the,0.00001\r\n1:the,3.0\r\n",
        csv.toString());
  }

  @Test
  void modelViewCsvIsTheSelectedThumbnail() {
    assertTrue(grid.shownMatrix().isEmpty(), "nothing selected: nothing to export");
    selection.toggleCell(new LayerHead(0, 1));
    ShownMatrix matrix = grid.shownMatrix().orElseThrow();
    assertEquals("Layer 0, Head 1", matrix.title());
    assertEquals(1f, matrix.value(1, 2));
  }

  @Test
  void paintFailureDrawsAnErrorInsteadOfThrowing() {
    HeadView broken =
        new HeadView(model, selection) {
          @Override
          protected void paintContent(java.awt.Graphics2D g) {
            throw new IllegalStateException("broken on purpose");
          }
        };
    broken.setControlsVisible(false);
    broken.setSize(400, 100);
    BufferedImage image = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    try {
      broken.paint(g);
    } finally {
      g.dispose();
    }
    boolean errorText = false;
    for (int x = 0; x < 400 && !errorText; x++) {
      for (int y = 0; y < 40 && !errorText; y++) {
        errorText =
            dev.attnviz.swing.testing.Pixels.distance(
                    dev.attnviz.swing.testing.Pixels.at(image, x, y), broken.colors().negative())
                < 40;
      }
    }
    assertTrue(errorText, "the error message is drawn in the negative colour");
  }
}
