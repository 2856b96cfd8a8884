package dev.attnviz.swing.export;

import java.awt.Dimension;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A view as an SVG document, through Apache Batik's SVG generator. The only class that touches
 * Batik: {@link ViewExporter} loads it for SVG alone, so PNG and CSV export run without Batik.
 */
final class SvgDocument {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgDocument() {}

  /** Paints {@code view} on {@code background} into a new SVG document and returns its text. */
  static String render(ExportableView view, ExportBackground background) {
    Dimension size = view.exportSize();
    int width = Math.max(1, size.width);
    int height = Math.max(1, size.height);
    Document document = newDocument();
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setComment("attnviz");
    context.setPrecision(4);
    AnchoredSvgGraphics g = new AnchoredSvgGraphics(context);
    g.setSVGCanvasSize(new Dimension(width, height));
    try {
      view.paintExport(g, background);
      Element root = g.getRoot();
      // A viewBox lets the picture scale in a page or a browser instead of being cropped.
      root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
      genericFontFamilies(root);
      return serialize(root);
    } finally {
      g.dispose();
    }
  }

  /**
   * Java's logical fonts (Dialog, SansSerif, ...) exist only in Java; a viewer that does not know
   * the name falls back to its default, often a serif. Name the generic CSS family instead.
   */
  private static void genericFontFamilies(Element root) {
    NodeList all = root.getElementsByTagName("*");
    for (int i = -1; i < all.getLength(); i++) {
      Element element = i < 0 ? root : (Element) all.item(i);
      if (element.hasAttribute("font-family")) {
        element.setAttribute("font-family", generic(element.getAttribute("font-family")));
      }
    }
  }

  private static String generic(String family) {
    String name = family.replace("'", "").replace("\"", "").strip();
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "dialog", "sansserif", "sans-serif" -> "sans-serif";
      case "serif" -> "serif";
      case "monospaced", "dialoginput", "monospace" -> "monospace";
      default -> "'" + name + "', sans-serif";
    };
  }

  /**
   * The JDK's serializer rather than Batik's stream: Batik's names the SVG 1.0 DTD, which XML
   * parsers then try to download.
   */
  private static String serialize(Element root) {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(root), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("could not write the SVG text: " + e.getMessage(), e);
    }
  }

  private static Document newDocument() {
    try {
      return DocumentBuilderFactory.newInstance()
          .newDocumentBuilder()
          .getDOMImplementation()
          .createDocument(SVG_NS, "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("this Java runtime has no XML document builder", e);
    }
  }
}
