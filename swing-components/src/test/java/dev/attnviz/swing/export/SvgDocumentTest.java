package dev.attnviz.swing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.swing.HeadView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import dev.attnviz.swing.testing.OnEdt;
import dev.attnviz.swing.testing.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG of a view is well-formed XML for any token, and its aligned text stays aligned. */
@OnEdt
class SvgDocumentTest {

  /** Tokens XML 1.0 cannot hold as they are: C0 controls, DEL, a lone surrogate, U+FFFF. */
  private static final List<String> HOSTILE =
      List.of("a\u0000b", "tab\there", "\u0001\u001f", "x\u007f", "\ud800z", "q\uffff", "<&>\"");

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static HeadView headView(List<String> tokens) {
    int n = tokens.size();
    HeadView view =
        new HeadView(
            new AttentionViewModel(
                TestData.self(tokens, new float[][][][] {{TestData.diagonal(n, 1f)}})),
            new AttentionSelectionModel());
    view.setControlsVisible(false);
    return view;
  }

  private static List<Element> texts(Document document) {
    NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<Element> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add((Element) nodes.item(i));
    }
    return texts;
  }

  @Test
  void everyTokenParsesAsXmlAndStaysVisible() throws Exception {
    String svg = ViewExporter.toSvg(headView(HOSTILE));
    Document document = parse(svg);
    assertEquals("svg", document.getDocumentElement().getLocalName());
    Set<String> shown = new HashSet<>();
    for (Element text : texts(document)) {
      shown.add(text.getTextContent());
    }
    // Controls become their control pictures, the rest U+FFFD; markup characters survive as text.
    assertTrue(shown.contains("a\u2400b"), shown::toString);
    assertTrue(shown.contains("tab\u2409here"), shown::toString);
    assertTrue(shown.contains("\u2401\u241f"), shown::toString);
    assertTrue(shown.contains("x\u2421"), shown::toString);
    assertTrue(shown.contains("\ufffdz"), shown::toString);
    assertTrue(shown.contains("q\ufffd"), shown::toString);
    assertTrue(shown.contains("<&>\""), shown::toString);
  }

  @Test
  void theRightAlignedTokenColumnSharesOneEndAnchor() throws Exception {
    // Widths differ a lot, so x from Java's metrics would differ per token.
    List<String> tokens = List.of("i", "wwwwwwww", "attention", "m");
    Document document = parse(ViewExporter.toSvg(headView(tokens)));
    Set<String> queryAnchors = new HashSet<>();
    Set<String> keyStarts = new HashSet<>();
    int queries = 0;
    for (Element text : texts(document)) {
      if (!tokens.contains(text.getTextContent())) {
        continue;
      }
      if ("end".equals(text.getAttribute("text-anchor"))) {
        queries++;
        queryAnchors.add(text.getAttribute("x"));
      } else {
        assertFalse(text.hasAttribute("text-anchor"), "key tokens start where drawn");
        keyStarts.add(text.getAttribute("x"));
      }
    }
    assertEquals(tokens.size(), queries, "every query token is anchored at its end");
    assertEquals(1, queryAnchors.size(), "one right edge: " + queryAnchors);
    assertEquals(1, keyStarts.size(), "one left edge for the key column: " + keyStarts);
    double right = Double.parseDouble(queryAnchors.iterator().next());
    double left = Double.parseDouble(keyStarts.iterator().next());
    assertTrue(right < left, "the query column's right edge is left of the key column");
  }

  @Test
  void theDocumentHasItsSizeAndAViewBox() throws Exception {
    HeadView view = headView(List.of("a", "b"));
    Element root = parse(ViewExporter.toSvg(view)).getDocumentElement();
    assertEquals(Integer.toString(view.exportSize().width), root.getAttribute("width"));
    assertEquals(
        "0 0 " + view.exportSize().width + " " + view.exportSize().height,
        root.getAttribute("viewBox"));
    // Java's logical "Dialog" means nothing to a browser: the generic family does.
    assertEquals("sans-serif", root.getAttribute("font-family"));
  }
}
