package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** {@code attnviz render} draws every view to PNG and SVG as a user would see it. */
class RenderCommandTest {

  @TempDir static Path dir;

  private static Path pair;

  @BeforeAll
  static void exportAPairWithVectors() {
    pair = dir.resolve("pair.json");
    CliRun run =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--text",
            "the rabbit quickly hopped",
            "--text-b",
            "The turtle slowly crawled",
            "--queries-keys",
            "--out",
            pair.toString());
    assertEquals(Cli.OK, run.code(), run::toString);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "head,light",
    "head,dark",
    "model,light",
    "model,dark",
    "neuron,light",
    "neuron,dark"
  })
  void pngShowsTheViewOnTheThemesBackground(String view, String theme) throws Exception {
    Path out = dir.resolve(view + "-" + theme + ".png");
    CliRun run =
        CliRun.of(
            "render",
            "--view",
            view,
            "--input",
            pair.toString(),
            "--layer",
            "2",
            "--head",
            "3",
            "--token",
            "2",
            "--theme",
            theme,
            "--scale",
            "1",
            "--out",
            out.toString());
    assertEquals(Cli.OK, run.code(), run::toString);

    BufferedImage image = ImageIO.read(out.toFile());
    assertTrue(image.getWidth() >= 200 && image.getHeight() >= 150, "size " + image.getWidth());
    Color corner = new Color(image.getRGB(1, 1), true);
    double luminance = luminance(corner);
    if (theme.equals("dark")) {
      assertTrue(luminance < 0.35, "dark background, got " + corner);
    } else {
      assertTrue(luminance > 0.8, "light background, got " + corner);
    }
    assertTrue(distinctColours(image) > 20, "the picture has content, not a blank canvas");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"head", "model", "neuron"})
  void scaleMultipliesThePixelSize(String view) throws Exception {
    Path one = dir.resolve(view + "-1x.png");
    Path two = dir.resolve(view + "-2x.png");
    assertEquals(Cli.OK, render(view, "1", one).code());
    assertEquals(Cli.OK, render(view, "2", two).code());
    BufferedImage small = ImageIO.read(one.toFile());
    BufferedImage large = ImageIO.read(two.toFile());
    assertEquals(small.getWidth() * 2, large.getWidth(), 2);
    assertEquals(small.getHeight() * 2, large.getHeight(), 2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"head", "model", "neuron"})
  void svgIsWellFormedVectorGraphics(String view) throws Exception {
    Path out = dir.resolve(view + ".svg");
    CliRun run = render(view, "1", out);
    assertEquals(Cli.OK, run.code(), run::toString);
    String svg = Files.readString(out);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // JFreeSVG declares the SVG 1.0 DTD; parse offline without fetching it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document document = factory.newDocumentBuilder().parse(out.toFile());
    assertEquals("svg", document.getDocumentElement().getTagName());
    assertTrue(Double.parseDouble(document.getDocumentElement().getAttribute("width")) > 100);
    int shapes =
        document.getElementsByTagName("line").getLength()
            + document.getElementsByTagName("path").getLength()
            + document.getElementsByTagName("rect").getLength();
    assertTrue(shapes > 20, "vector shapes, found " + shapes);
    assertTrue(svg.contains("rabbit"), "token labels are text in the SVG");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"white", "transparent", "theme"})
  void backgroundIsWhiteTransparentOrTheThemes(String background) throws Exception {
    Path out = dir.resolve("head-dark-on-" + background + ".png");
    CliRun run =
        CliRun.of(
            "render",
            "--view",
            "head",
            "--input",
            pair.toString(),
            "--theme",
            "dark",
            "--background",
            background,
            "--scale",
            "1",
            "--out",
            out.toString());
    assertEquals(Cli.OK, run.code(), run::toString);
    BufferedImage image = ImageIO.read(out.toFile());
    Color corner = new Color(image.getRGB(1, 1), true);
    switch (background) {
      case "white" -> assertEquals(Color.WHITE, corner);
      case "transparent" -> assertEquals(0, corner.getAlpha(), "clear corner");
      default -> assertTrue(luminance(corner) < 0.35, "the dark theme's background: " + corner);
    }
    assertTrue(distinctColours(image) > 20, "the picture has content on any background");
  }

  @org.junit.jupiter.api.Test
  void anUnknownBackgroundIsOneUsageLine() {
    CliRun run =
        CliRun.of(
            "render",
            "--view",
            "head",
            "--input",
            pair.toString(),
            "--background",
            "grey",
            "--out",
            dir.resolve("never.png").toString());
    run.assertUsage("--background");
    assertTrue(run.err().contains("white, transparent, theme"), run::toString);
    assertTrue(Files.notExists(dir.resolve("never.png")), "no file written");
  }

  private static CliRun render(String view, String scale, Path out) {
    // --layer with --head opens the model view's detail, so every view shows token labels.
    return CliRun.of(
        "render",
        "--view",
        view,
        "--input",
        pair.toString(),
        "--layer",
        "1",
        "--head",
        "4",
        "--scale",
        scale,
        "--out",
        out.toString());
  }

  private static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
