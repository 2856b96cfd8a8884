/**
 * The attnviz desktop app (FlatLaf) and command line (picocli). Providers are found on the module
 * path through core's {@code uses}; SVG export needs Batik, so this module requires it.
 */
@SuppressWarnings("requires-automatic")
module dev.attnviz.demo {
  requires dev.attnviz.swing;
  requires com.formdev.flatlaf;
  requires info.picocli;
  requires java.logging;
  requires org.apache.xmlgraphics.batik.svggen;

  // picocli fills the command classes' annotated fields by reflection.
  opens dev.attnviz.demo.cli to
      info.picocli;
}
