package dev.attnviz.swing.bench;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.io.AttentionFiles;
import dev.attnviz.swing.ModelView;
import dev.attnviz.swing.model.AttentionSelectionModel;
import dev.attnviz.swing.model.AttentionViewModel;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opening a big {@code .npz} dump in a running program and showing its model view, against {@code
 * cat file > /dev/null} in the same rounds (issue 18: "the model view of such a dump renders within
 * 3× of the time to read the file once"). The one-shot {@code render} command adds a JVM start, the
 * command line, the theme and a PNG to this; here the JVM is warm, as in the app when the user
 * opens a file. Each round, in this order: {@code cat}; open and paint a full-HD viewport of the
 * model view (what the window shows first); open and paint the whole grid (every thumbnail, what
 * {@code render} draws); open and check every weight (what the app's status bar waits for). Every
 * step opens the file again, so no mapping or cached thumbnail carries over.
 *
 * <p>Run with the test class path: {@code java -Xmx1g -Djava.awt.headless=true -cp ...
 * dev.attnviz.swing.bench.DumpOpenTimes DUMP [ROUNDS]}; prints each round and the medians.
 */
public final class DumpOpenTimes {

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final Rectangle VIEWPORT = new Rectangle(0, 0, 1800, 1000);

  private DumpOpenTimes() {}

  /** One timed step. */
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Times the steps.
   *
   * @param args the dump, the number of rounds (default 5), and optionally a filter of steps
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    Path dump = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put("cat", () -> cat(dump));
    steps.put("open+viewport", () -> paint(AttentionFiles.read(dump), false));
    steps.put("open+wholeGrid", () -> paint(AttentionFiles.read(dump), true));
    steps.put("open+checkAll", () -> checkAll(AttentionFiles.read(dump)));
    if (args.length > 2) { // only the steps whose names contain this, e.g. for a profile
      steps.keySet().removeIf(name -> !name.contains(args[2]));
    }
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    steps.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
    for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT: not counted
      for (Map.Entry<String, Step> step : steps.entrySet()) {
        System.gc(); // the last step's mappings and images go now, not during the next
        String load = loadAverage();
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        step.getValue().run();
        double[] sample = {(System.nanoTime() - wall) / 1e6, (OS.getProcessCpuTime() - cpu) / 1e6};
        System.out.printf(
            Locale.ROOT,
            "round %d %-16s wall %7.1f  process cpu %7.1f ms  load %s%n",
            round,
            step.getKey(),
            sample[0],
            sample[1],
            load);
        if (round > 0) {
          samples.get(step.getKey()).add(sample);
        }
      }
    }
    double cat = samples.containsKey("cat") ? median(samples.get("cat"), 0) : Double.NaN;
    for (Map.Entry<String, List<double[]>> entry : samples.entrySet()) {
      double wall = median(entry.getValue(), 0);
      System.out.printf(
          Locale.ROOT,
          "median %-16s wall %7.1f  process cpu %7.1f ms  = %.2f x cat%n",
          entry.getKey(),
          wall,
          median(entry.getValue(), 1),
          wall / cat);
    }
  }

  private static void cat(Path dump) throws Exception {
    Process cat =
        new ProcessBuilder("cat", dump.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (cat.waitFor() != 0) {
      throw new IllegalStateException("cat failed");
    }
  }

  /** A new model view of {@code data}, painted in its viewport or as a whole. */
  private static void paint(AttentionData data, boolean wholeGrid) {
    ModelView view = new ModelView(new AttentionViewModel(data), new AttentionSelectionModel());
    view.setControlsVisible(false);
    Dimension size = view.getPreferredSize();
    view.setSize(size);
    Rectangle area = wholeGrid ? new Rectangle(size) : VIEWPORT.intersection(new Rectangle(size));
    BufferedImage image = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_ARGB);
    ViewBenchmarks.paint(view, image, area);
    view.dispose();
  }

  private static void checkAll(AttentionData data) {
    data.attentions().forEach(attention -> attention.firstProblem());
  }

  private static double median(List<double[]> samples, int column) {
    double[] sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
