package dev.attnviz.swing.export;

import java.awt.Graphics;
import org.apache.batik.svggen.DOMGroupManager;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Element;

/**
 * Batik's SVG graphics with two changes for text: a string drawn under a {@link TextAnchor} hint is
 * anchored at the hint's x with {@code text-anchor}, so a right-aligned column stays aligned in any
 * viewer's font; and every string is made legal XML ({@link XmlText}).
 */
final class AnchoredSvgGraphics extends SVGGraphics2D {

  private static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  AnchoredSvgGraphics(SVGGeneratorContext context) {
    super(context, false);
  }

  private AnchoredSvgGraphics(AnchoredSvgGraphics parent) {
    super(parent);
  }

  @Override
  public Graphics create() {
    // Views paint on g.create(); the copy must anchor text too.
    return new AnchoredSvgGraphics(this);
  }

  @Override
  public void drawString(String text, float x, float y) {
    String clean = XmlText.clean(text);
    Object hint = getRenderingHint(TextAnchor.KEY);
    if (!(hint instanceof TextAnchor anchor) || !getFont().getTransform().isIdentity()) {
      super.drawString(clean, x, y);
      return;
    }
    // Batik's own drawString, plus the anchor; a transformed font keeps Batik's path above.
    Element element = getDOMFactory().createElementNS(SVG_NS, "text");
    element.setAttributeNS(null, "x", generatorCtx.doubleString(anchor.x()));
    element.setAttributeNS(null, "y", generatorCtx.doubleString(y));
    element.setAttributeNS(
        null, "text-anchor", anchor.side() == TextAnchor.Side.END ? "end" : "middle");
    element.setAttributeNS(XML_NS, "xml:space", "preserve");
    element.appendChild(getDOMFactory().createTextNode(clean));
    getDOMGroupManager().addElement(element, DOMGroupManager.FILL);
  }
}
