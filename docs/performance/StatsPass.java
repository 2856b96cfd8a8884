import dev.attnviz.core.AttentionData;
import dev.attnviz.core.analysis.HeadStatistics;
import dev.attnviz.core.io.AttentionFiles;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data pass of {@code stats} alone (HeadStatistics.of over a memory-mapped dump), timed in wall
 * and process CPU (user and system from /proc), several passes in one JVM; for comparing the
 * kernels of two builds side by side without the JVM start. Run from the repository root as a
 * single-file program against one build's core classes:
 *
 * <pre>
 * java -Xmx256m -cp /tmp/base18/core/target/classes docs/performance/StatsPass.java DUMP 3 old
 * java -Xmx256m -cp core/target/classes docs/performance/StatsPass.java DUMP 3 new
 * </pre>
 *
 * Pass 0 is what a {@code stats} run pays (fresh mapping, cold JIT); later passes reuse the
 * mapping. With a fourth argument {@code reopen}, every pass opens the dump again (a fresh
 * mapping with a warm JIT), which separates the cost of first touching the mapped pages.
 */
public class StatsPass {
  public static void main(String[] args) throws Exception {
    Path dump = Path.of(args[0]);
    int passes = Integer.parseInt(args[1]);
    boolean reopen = args.length > 3 && args[3].equals("reopen");
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AttentionData data = AttentionFiles.read(dump);
    long weights = data.primary().weights().elementCount();
    for (int pass = 0; pass < passes; pass++) {
      if (reopen && pass > 0) {
        data = AttentionFiles.read(dump);
      }
      double load = os.getSystemLoadAverage();
      long[] ticks0 = ticks();
      long wall0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      HeadStatistics statistics = HeadStatistics.of(data);
      long cpu1 = os.getProcessCpuTime();
      long wall1 = System.nanoTime();
      long[] ticks1 = ticks();
      System.out.printf(
          "%s pass %d: wall %.2f s, CPU %.2f s (user %.2f, sys %.2f) = %.2f ns/weight,"
              + " load %.2f, first entropy %.6f%n",
          args[2], pass, (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9,
          (ticks1[0] - ticks0[0]) / 100.0, (ticks1[1] - ticks0[1]) / 100.0,
          (cpu1 - cpu0) / (double) weights, load, statistics.heads().get(0).entropy());
    }
  }

  /** User and system clock ticks of this process (fields 14 and 15 of /proc/self/stat). */
  private static long[] ticks() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
  }
}
