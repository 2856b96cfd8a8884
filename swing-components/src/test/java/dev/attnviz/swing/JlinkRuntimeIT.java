package dev.attnviz.swing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import dev.attnviz.core.Attention;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue asks that {@code jlink} accepts the library modules. This links the packaged core and
 * Swing jars (with jackson-core, their only required non-JDK module) and a tiny application module
 * into a runtime image, then starts that image's {@code java}: the application writes and reads a
 * JSON attention file (jackson-core) and paints a {@link HeadView} (java.desktop), and reports the
 * modules of the boot layer. Batik is {@code requires static}, so it must not be in the image.
 *
 * <p>Runs under failsafe, after {@code package}, so the class path holds the jars themselves; jlink
 * and javac come from the JDK running the build ({@link ToolProvider}).
 */
class JlinkRuntimeIT {

  private static final String APP_MODULE =
      """
      module linkcheck {
        requires dev.attnviz.swing;
      }
      """;

  /** Round-trips a 2-token attention through JSON, paints it, prints what the test checks. */
  private static final String APP_MAIN =
      """
      package linkcheck;

      import dev.attnviz.core.*;
      import dev.attnviz.core.io.AttentionJson;
      import dev.attnviz.swing.HeadView;
      import dev.attnviz.swing.model.AttentionSelectionModel;
      import dev.attnviz.swing.model.AttentionViewModel;
      import java.awt.image.BufferedImage;
      import java.nio.file.*;
      import java.util.List;
      import java.util.TreeSet;

      public final class Main {
        public static void main(String[] args) throws Exception {
          Attention attention =
              Attention.builder(AttentionKind.SELF)
                  .setTokens(Tokens.of(List.of("hello", "world")))
                  .setWeights(Tensor4D.copyOf(new float[] {0.25f, 0.75f, 1f, 0f}, 1, 1, 2, 2))
                  .build();
          AttentionData data =
              AttentionData.builder()
                  .setModel(new ModelInfo("tiny", "jlink-check", false))
                  .addAttention(attention)
                  .build();
          Path file = Path.of(args[0]);
          AttentionJson.write(data, file);
          AttentionData read = AttentionJson.read(file);
          HeadView view = new HeadView(new AttentionViewModel(read), new AttentionSelectionModel());
          view.setSize(400, 300);
          view.doLayout();
          BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
          var g = image.createGraphics();
          view.paint(g);
          g.dispose();
          java.util.Set<Integer> colours = new java.util.HashSet<>();
          for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
              colours.add(image.getRGB(x, y));
            }
          }
          TreeSet<String> modules = new TreeSet<>();
          ModuleLayer.boot().modules().forEach(m -> modules.add(m.getName()));
          System.out.println("weight " + read.primary().weight(0, 0, 0, 1));
          System.out.println("colours " + colours.size());
          System.out.println("modules " + String.join(",", modules));
        }
      }
      """;

  @TempDir Path temp;

  @Test
  void coreAndSwingLinkIntoARuntimeThatShowsAView() throws Exception {
    Path core = jarOf(Attention.class);
    Path swing = jarOf(HeadView.class);
    Path jackson = jarOf(JsonFactory.class);
    String modulePath = String.join(File.pathSeparator, str(core), str(swing), str(jackson));

    Path src = temp.resolve("src");
    Files.createDirectories(src.resolve("linkcheck"));
    Files.writeString(src.resolve("module-info.java"), APP_MODULE);
    Files.writeString(src.resolve("linkcheck/Main.java"), APP_MAIN);
    Path classes = temp.resolve("classes");
    run(
        "javac",
        "--release",
        "17",
        "--module-path",
        modulePath,
        "-d",
        str(classes),
        str(src.resolve("module-info.java")),
        str(src.resolve("linkcheck/Main.java")));

    Path image = temp.resolve("image");
    run(
        "jlink",
        "--module-path",
        modulePath + File.pathSeparator + classes,
        "--add-modules",
        "linkcheck",
        "--no-header-files",
        "--no-man-pages",
        "--output",
        str(image));

    Path java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    Process process =
        new ProcessBuilder(
                str(java),
                "-Djava.awt.headless=true",
                "-m",
                "linkcheck/linkcheck.Main",
                str(temp.resolve("attention.json")))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the linked java did not finish");
    assertEquals(0, process.exitValue(), "the linked java failed:\n" + output);

    System.out.println("linked image's output:\n" + output);
    assertTrue(output.contains("weight 0.75"), "JSON round trip in the image:\n" + output);
    // Background, token text and antialiased attention lines: many colours; a view that drew
    // nothing (or only its background) has one or two.
    int colours = Integer.parseInt(line(output, "colours "));
    assertTrue(colours > 10, "the head view painted only " + colours + " colours");
    List<String> modules = List.of(line(output, "modules ").split(","));
    for (String module :
        List.of("dev.attnviz.core", "dev.attnviz.swing", "com.fasterxml.jackson.core")) {
      assertTrue(modules.contains(module), module + " missing from the image: " + modules);
    }
    assertFalse(
        modules.stream().anyMatch(m -> m.contains("batik")),
        "Batik is optional (requires static) but was linked: " + modules);
  }

  /**
   * The jar that holds {@code type}, checked to be a packaged modular jar, not a classes folder.
   */
  private static Path jarOf(Class<?> type) throws URISyntaxException, IOException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(
        Files.isRegularFile(location) && location.toString().endsWith(".jar"),
        type.getName() + " comes from " + location + ", not from a packaged jar");
    // Multi-release: jackson-core keeps its descriptor under META-INF/versions/9.
    try (JarFile jar =
        new JarFile(location.toFile(), true, ZipFile.OPEN_READ, JarFile.runtimeVersion())) {
      assertTrue(jar.getEntry("module-info.class") != null, location + " has no module-info");
    }
    return location;
  }

  /** Runs a JDK tool in this JVM and fails with its output if it does not succeed. */
  private static void run(String tool, String... args) {
    long started = System.nanoTime();
    ToolProvider provider =
        ToolProvider.findFirst(tool)
            .orElseThrow(
                () -> new AssertionError(tool + " is not in this JDK; the build needs one"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
    List<String> arguments = new ArrayList<>(List.of(args));
    int code = provider.run(writer, writer, arguments.toArray(String[]::new));
    writer.flush();
    System.out.printf("%s took %d ms%n", tool, (System.nanoTime() - started) / 1_000_000);
    assertEquals(
        0, code, tool + " " + arguments + " failed:\n" + out.toString(StandardCharsets.UTF_8));
  }

  private static String line(String output, String prefix) {
    return output
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .map(l -> l.substring(prefix.length()).trim())
        .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in:\n" + output));
  }

  private static String str(Path path) {
    return path.toString();
  }

  private static boolean isWindows() {
    return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
  }
}
