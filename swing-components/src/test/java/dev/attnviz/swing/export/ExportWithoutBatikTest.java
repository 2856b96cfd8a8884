package dev.attnviz.swing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PNG export needs no SVG library: the exporter, loaded from a class path without Batik, writes a
 * PNG, and only asking for SVG fails, with a message that names the missing library.
 */
class ExportWithoutBatikTest {

  @TempDir Path dir;

  /** This test's class path minus Batik and its dependencies, on the platform class loader. */
  private static URLClassLoader withoutBatik() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("xmlgraphics") && !entry.contains("batik")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /** A view, in {@code loader}'s ExportableView, that fills its 10 × 6 picture red. */
  private static Object redView(ClassLoader loader) throws Exception {
    Class<?> type = Class.forName(ExportableView.class.getName(), true, loader);
    return Proxy.newProxyInstance(
        loader,
        new Class<?>[] {type},
        (proxy, method, args) ->
            switch (method.getName()) {
              case "exportSize" -> new Dimension(10, 6);
              case "paintExport" -> {
                Graphics2D g = (Graphics2D) args[0];
                g.setColor(Color.RED);
                g.fillRect(0, 0, 10, 6);
                yield null;
              }
              default -> throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void pngIsWrittenWithNoSvgClassReachable() throws Exception {
    try (URLClassLoader loader = withoutBatik()) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName("org.apache.batik.svggen.SVGGraphics2D", false, loader),
          "Batik is really not reachable");
      Class<?> exporter = Class.forName(ViewExporter.class.getName(), true, loader);
      Class<?> viewType = Class.forName(ExportableView.class.getName(), true, loader);
      Object view = redView(loader);
      Path png = dir.resolve("red.png");
      exporter
          .getMethod("writePng", viewType, double.class, Path.class)
          .invoke(null, view, 2.0, png);
      BufferedImage image = ImageIO.read(png.toFile());
      assertEquals(20, image.getWidth());
      assertEquals(12, image.getHeight());
      assertEquals(Color.RED.getRGB(), image.getRGB(19, 11));
    }
  }

  @Test
  void svgWithoutBatikSaysWhatIsMissing() throws Exception {
    try (URLClassLoader loader = withoutBatik()) {
      Class<?> exporter = Class.forName(ViewExporter.class.getName(), true, loader);
      Class<?> viewType = Class.forName(ExportableView.class.getName(), true, loader);
      Method toSvg = exporter.getMethod("toSvg", viewType);
      Object view = redView(loader);
      InvocationTargetException thrown =
          assertThrows(InvocationTargetException.class, () -> toSvg.invoke(null, view));
      assertEquals(IllegalStateException.class, thrown.getCause().getClass());
      assertTrue(
          thrown.getCause().getMessage().contains("org.apache.xmlgraphics:batik-svggen"),
          thrown.getCause().getMessage());
      Path svg = dir.resolve("red.svg");
      Method writeSvg = exporter.getMethod("writeSvg", viewType, Path.class);
      assertThrows(InvocationTargetException.class, () -> writeSvg.invoke(null, view, svg));
      assertTrue(Files.notExists(svg), "no file is started when SVG cannot be made");
    }
  }
}
