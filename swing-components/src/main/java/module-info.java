/**
 * attnviz Swing components: HeadView, ModelView, NeuronView and the analysis views, their models,
 * and export to PNG, SVG and CSV.
 *
 * <p>Apache Batik's SVG generator is an optional dependency ({@code requires static}): only SVG
 * export uses it. On the module path, add it to the module graph to export SVG, e.g. {@code
 * --add-modules org.apache.xmlgraphics.batik.svggen}; an application module that needs SVG may
 * {@code requires} it instead.
 */
@SuppressWarnings("requires-automatic")
module dev.attnviz.swing {
  requires transitive dev.attnviz.core;
  requires transitive java.desktop;
  requires java.xml;
  requires static org.apache.xmlgraphics.batik.svggen;

  exports dev.attnviz.swing;
  exports dev.attnviz.swing.accessibility;
  exports dev.attnviz.swing.analysis;
  exports dev.attnviz.swing.export;
  exports dev.attnviz.swing.model;
  exports dev.attnviz.swing.neuron;
  exports dev.attnviz.swing.render;
}
