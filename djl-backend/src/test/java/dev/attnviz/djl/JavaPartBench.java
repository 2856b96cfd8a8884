package dev.attnviz.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attnviz.core.Attention;
import dev.attnviz.core.AttentionKind;
import dev.attnviz.core.Tensor4D;
import dev.attnviz.core.Tokens;
import dev.attnviz.core.testing.SyntheticAttention;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The Java part of a compute after ONNX Runtime's run, timed alone on all-MiniLM-L6-v2's output
 * shapes at 124 tokens (6 layers of {@code [1][12][124][124]} attention, {@code [1][124][384]}
 * queries and keys), held in real ONNX Runtime tensors: reading them ({@link OutputReader}) and
 * building the {@link Attention} (core's value checks). Wall time, the calling thread's CPU time
 * and the process's CPU time (core's check may run on all cores), medians per compute. The class
 * uses only what the baseline code has too, so docs/performance/djl-compute-bench.sh runs it on the
 * old and the new code side by side. See docs/performance/djl.md.
 *
 * <p>Argument: rounds (default 400) after 100 rounds of warm-up; each round reads once without and
 * once with queries and keys.
 */
public final class JavaPartBench {

  private static final int LAYERS = 6;
  private static final int HEADS = 12;
  private static final int TOKENS = 124;
  private static final int WIDTH = 384;
  private static final int WARM_UP_ROUNDS = 100;

  private JavaPartBench() {}

  /** Runs the rounds and prints one table row per part and mode. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    System.out.println("load average at start: " + InterleavedComputeBench.loadAverage());
    Random random = new Random(18);
    List<String> tokenStrings = new ArrayList<>();
    for (int i = 0; i < TOKENS; i++) {
      tokenStrings.add("t" + i);
    }
    Tokens tokens = Tokens.of(tokenStrings);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // [mode][part][measure][round]: mode 0 weights only, 1 with vectors; part 0 read, 1 build.
    double[][][][] times = new double[2][2][3][rounds];
    try (NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
      NDList outputs = new NDList();
      List<String> attention = new ArrayList<>();
      List<String> queries = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int l = 0; l < LAYERS; l++) {
        attention.add(
            add(
                manager,
                outputs,
                "attention" + l,
                SyntheticAttention.randomSoftmaxRows(HEADS * TOKENS, TOKENS, random),
                HEADS));
        queries.add(
            add(
                manager,
                outputs,
                "query" + l,
                SyntheticAttention.randomGaussian(TOKENS * WIDTH, random),
                0));
        keys.add(
            add(
                manager,
                outputs,
                "key" + l,
                SyntheticAttention.randomGaussian(TOKENS * WIDTH, random),
                0));
      }
      for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
        for (int mode = 0; mode < 2; mode++) {
          long[] start = now(threads, os);
          Tensor4D w = OutputReader.weights(outputs, attention, TOKENS);
          Tensor4D q = mode == 1 ? OutputReader.vectors(outputs, queries, HEADS, TOKENS) : null;
          Tensor4D k = mode == 1 ? OutputReader.vectors(outputs, keys, HEADS, TOKENS) : null;
          long[] read = now(threads, os);
          Attention.Builder builder =
              Attention.builder(AttentionKind.SELF).setTokens(tokens).setWeights(w);
          if (q != null) {
            builder.optVectors(q, k);
          }
          if (builder.build().layerCount() != LAYERS) {
            throw new AssertionError("wrong shape");
          }
          long[] built = now(threads, os);
          if (round >= 0) {
            for (int m = 0; m < 3; m++) {
              times[mode][0][m][round] = (read[m] - start[m]) / 1e6;
              times[mode][1][m][round] = (built[m] - read[m]) / 1e6;
            }
          }
        }
      }
    }
    System.out.println(
        "| mode | part | wall ms (median) | calling-thread CPU ms (median) | process CPU ms (mean)"
            + " | rounds: "
            + rounds
            + " |");
    System.out.println("| --- | --- | ---: | ---: | ---: | --- |");
    String[] modes = {"weights", "with vectors"};
    String[] parts = {"read outputs", "build Attention"};
    for (int mode = 0; mode < 2; mode++) {
      for (int part = 0; part < 2; part++) {
        System.out.printf(
            "| %s | %s | %.3f | %.3f | %.3f | |%n",
            modes[mode],
            parts[part],
            median(times[mode][part][0]),
            median(times[mode][part][1]),
            mean(times[mode][part][2]));
      }
      double[][] total = new double[3][rounds];
      for (int m = 0; m < 3; m++) {
        for (int r = 0; r < rounds; r++) {
          total[m][r] = times[mode][0][m][r] + times[mode][1][m][r];
        }
      }
      System.out.printf(
          "| %s | total | %.3f | %.3f | %.3f | |%n",
          modes[mode], median(total[0]), median(total[1]), mean(total[2]));
    }
    System.out.println("load average at end: " + InterleavedComputeBench.loadAverage());
  }

  /** Wall, calling-thread CPU and process CPU time, in nanoseconds. */
  private static long[] now(ThreadMXBean threads, com.sun.management.OperatingSystemMXBean os) {
    return new long[] {
      System.nanoTime(), threads.getCurrentThreadCpuTime(), os.getProcessCpuTime()
    };
  }

  /** Adds a float32 tensor: {@code [1][heads][tokens][tokens]}, or {@code [1][tokens][384]}. */
  private static String add(
      NDManager manager, NDList outputs, String name, float[] values, int heads) {
    Shape shape =
        heads > 0 ? new Shape(1, heads, TOKENS, TOKENS) : new Shape(1, TOKENS, (long) WIDTH);
    NDArray array = manager.create(values, shape);
    array.setName(name);
    outputs.add(array);
    return name;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }
}
