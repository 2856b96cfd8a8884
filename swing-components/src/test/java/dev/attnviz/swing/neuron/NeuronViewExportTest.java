package dev.attnviz.swing.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.SentenceFilter;
import dev.attnviz.swing.export.ShownMatrix;
import dev.attnviz.swing.export.ViewExporter;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.model.TokenRef;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.Pixels;
import dev.attnviz.swing.testing.Theme;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Export draws exactly what is shown, at any scale and as SVG. */
@OnEdt
class NeuronViewExportTest {

  private AttentionSelectionModel selection;
  private NeuronView view;

  @BeforeEach
  void view() {
    Theme.LIGHT.apply();
    selection = new AttentionSelectionModel();
    selection.setFocusHead(1);
    view = new NeuronView(new AttentionViewModel(TestData.threeTokens(true)), selection);
    Pixels.host(view);
    selection.setLockedToken(TokenRef.query(1));
  }

  @AfterEach
  void resetTheme() {
    Theme.reset();
  }

  @Test
  void pngAtScaleOneIsTheCanvasPixelForPixel() {
    BufferedImage exported = ViewExporter.toImage(view, 1);
    BufferedImage onScreen = Pixels.paintAtPreferredSize(view, 1);
    assertEquals(onScreen.getWidth(), exported.getWidth());
    assertEquals(onScreen.getHeight(), exported.getHeight());
    for (int y = 0; y < exported.getHeight(); y++) {
      for (int x = 0; x < exported.getWidth(); x++) {
        assertEquals(0xFF, exported.getRGB(x, y) >>> 24, "opaque at " + x + "," + y);
        assertEquals(
            onScreen.getRGB(x, y) & 0xFFFFFF, exported.getRGB(x, y) & 0xFFFFFF, x + "," + y);
      }
    }
  }

  @Test
  void pngAtScaleTwoIsTheScaledCanvas() {
    BufferedImage exported = ViewExporter.toImage(view, 2);
    BufferedImage onScreen = Pixels.paintAtPreferredSize(view, 2);
    assertEquals(onScreen.getWidth(), exported.getWidth());
    int same = 0;
    for (int y = 0; y < exported.getHeight(); y++) {
      for (int x = 0; x < exported.getWidth(); x++) {
        same += (onScreen.getRGB(x, y) & 0xFFFFFF) == (exported.getRGB(x, y) & 0xFFFFFF) ? 1 : 0;
      }
    }
    assertEquals(exported.getWidth() * exported.getHeight(), same);
  }

  @Test
  void exportIsTheWholePictureNotTheScrolledViewport() {
    view.setSize(300, 150);
    Dimension size = view.exportSize();
    assertEquals(view.scene().layout().size(), size);
    BufferedImage image = ViewExporter.toImage(view, 1.5);
    assertEquals((int) Math.ceil(size.width * 1.5), image.getWidth());
    assertEquals((int) Math.ceil(size.height * 1.5), image.getHeight());
  }

  @Test
  void exportIncludesTheSelection() {
    BufferedImage selected = ViewExporter.toImage(view, 1);
    selection.clearLockedToken();
    BufferedImage unselected = ViewExporter.toImage(view, 1);
    var product = view.scene().layout().cellBounds(NeuronLayout.Column.PRODUCT, 0, 0);
    int x = product.x + product.width / 2;
    int y = product.y + product.height / 2;
    assertNotEquals(selected.getRGB(x, y), unselected.getRGB(x, y));
  }

  @Test
  void svgIsAVectorDocumentWithTheCellsAndTexts() throws Exception {
    String svg = ViewExporter.toSvg(view);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // Well-formedness only: the document's DTD is not needed (and the build is offline).
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertEquals("svg", document.getDocumentElement().getNodeName());
    int rects = document.getElementsByTagName("rect").getLength();
    // q and k: 3 rows of 4 cells each (minus the one zero), products: 3 rows of 4, scores: 3.
    assertTrue(rects >= 3 * 4 + 3 * 4 + 3 * 4 + 3, "cells are rectangles: " + rects);
    int lines =
        document.getElementsByTagName("path").getLength()
            + document.getElementsByTagName("line").getLength();
    assertTrue(lines >= 3, "connectors are vector lines: " + lines);
    assertTrue(svg.contains(">cat<"), "token text is text");
    // q[0][0] = 4: its cell is a rectangle in the positive colour with opacity tanh(1).
    var cell = view.scene().layout().cellBounds(NeuronLayout.Column.QUERY, 0, 0);
    String style = rectStyleAt(document, cell.x, cell.y);
    var positive = dev.attnviz.swing.render.ViewColors.fromUIManager().positive();
    assertTrue(
        style.contains(
            "fill:rgb(" + positive.getRed() + "," + positive.getGreen() + "," + positive.getBlue()),
        style);
    float opacity = Float.parseFloat(style.replaceAll(".*fill-opacity:([0-9.]+).*", "$1"));
    // The SVG writes 4 decimals: enough to tell apart each of the 256 alpha steps.
    assertEquals(Math.round(255 * Math.tanh(1)) / 255.0, opacity, 1e-4);
    assertTrue(svg.contains(NeuronText.contributionsTitle()), "the list is part of the picture");
  }

  private static String rectStyleAt(Document document, int x, int y) {
    var rects = document.getElementsByTagName("rect");
    for (int r = 0; r < rects.getLength(); r++) {
      var rect = (org.w3c.dom.Element) rects.item(r);
      if (Double.parseDouble(rect.getAttribute("x")) == x
          && Double.parseDouble(rect.getAttribute("y")) == y) {
        // Batik writes the fill as presentation attributes, on the rectangle or a group around it.
        return "fill:"
            + inherited(rect, "fill")
            + ";fill-opacity:"
            + inherited(rect, "fill-opacity");
      }
    }
    throw new AssertionError("no rectangle at " + x + "," + y);
  }

  private static String inherited(org.w3c.dom.Element element, String attribute) {
    for (org.w3c.dom.Node node = element; node instanceof org.w3c.dom.Element e; ) {
      if (e.hasAttribute(attribute)) {
        return e.getAttribute(attribute);
      }
      node = e.getParentNode();
    }
    return "1";
  }

  @Test
  void shownMatrixIsTheHeadsWeightsAsFiltered() {
    ShownMatrix all = view.shownMatrix().orElseThrow();
    assertEquals("Layer 0, Head 1", all.title());
    assertEquals(TestData.THREE_TOKENS, all.rowLabels());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(TestData.WEIGHTS[i][j], all.value(i, j));
      }
    }
    view.setModel(new AttentionViewModel(NeuronSliceTest.pairData()));
    selection.setFilter(SentenceFilter.A_TO_B);
    ShownMatrix cut = view.shownMatrix().orElseThrow();
    assertEquals(List.of("[CLS]", "a", "[SEP]"), cut.rowLabels());
    assertEquals(List.of("b", "[SEP]"), cut.columnLabels());
    var weights = NeuronSliceTest.pairData().primary();
    assertArrayEquals(
        new float[] {weights.weight(0, 1, 2, 3), weights.weight(0, 1, 2, 4)},
        new float[] {cut.value(2, 0), cut.value(2, 1)});
  }
}
