package dev.attnviz.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The variants of {@link ComputeBenchmark}, run interleaved: every round runs each variant once, in
 * a shuffled order, so that all of them see the same load from other processes. On a shared machine
 * this compares them more fairly than JMH, which runs one benchmark after another; it prints the
 * median and quartiles of each variant, and the median over rounds of each variant's time divided
 * by the unmodified model's time in the same round (paired, so that load which changes from round
 * to round cancels out). See docs/performance/djl.md.
 *
 * <p>Argument: rounds per input (default 300), after 50 rounds of warm-up.
 */
public final class InterleavedComputeBench {

  private static final int WARM_UP_ROUNDS = 50;

  private interface Variant {
    void run(ComputeBenchmark benchmark) throws Exception;
  }

  private InterleavedComputeBench() {}

  /** Runs the rounds for both inputs and prints a table. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("unmodifiedModel", ComputeBenchmark::unmodifiedModel);
    variants.put("rewrittenModel", ComputeBenchmark::rewrittenModel);
    variants.put("compute", ComputeBenchmark::compute);
    variants.put("computeWithVectors", ComputeBenchmark::computeWithVectors);
    variants.put("computeCopying", ComputeBenchmark::computeCopying);
    variants.put("computeWithVectorsCopying", ComputeBenchmark::computeWithVectorsCopying);
    System.out.println("load average at start: " + loadAverage());
    System.out.println(
        "| input | variant | median ms | p25 ms | p75 ms | median vs unmodified"
            + " | paired median vs unmodified |");
    System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (String input : List.of("short", "long")) {
      ComputeBenchmark benchmark = new ComputeBenchmark();
      benchmark.input = input;
      benchmark.open();
      try {
        Map<String, double[]> times = measure(benchmark, variants, rounds);
        double[] unmodified = times.get("unmodifiedModel");
        double baseline = percentile(unmodified, 50);
        for (Map.Entry<String, double[]> entry : times.entrySet()) {
          double median = percentile(entry.getValue(), 50);
          System.out.printf(
              "| %s | %s | %.2f | %.2f | %.2f | %+.1f%% | %+.1f%% |%n",
              input,
              entry.getKey(),
              median,
              percentile(entry.getValue(), 25),
              percentile(entry.getValue(), 75),
              (median / baseline - 1) * 100,
              (percentile(ratios(entry.getValue(), unmodified), 50) - 1) * 100);
        }
      } finally {
        benchmark.close();
      }
    }
    System.out.println("load average at end: " + loadAverage());
  }

  private static double[] ratios(double[] times, double[] baseline) {
    double[] ratios = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      ratios[i] = times[i] / baseline[i];
    }
    return ratios;
  }

  /** The first three fields of /proc/loadavg: 1, 5 and 15 minutes. */
  static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return String.join(" ", Arrays.copyOf(fields, 3));
  }

  private static Map<String, double[]> measure(
      ComputeBenchmark benchmark, Map<String, Variant> variants, int rounds) throws Exception {
    Map<String, double[]> times = new LinkedHashMap<>();
    variants.keySet().forEach(name -> times.put(name, new double[rounds]));
    List<String> order = new ArrayList<>(variants.keySet());
    Random random = new Random(1);
    for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
      Collections.shuffle(order, random);
      for (String name : order) {
        long start = System.nanoTime();
        variants.get(name).run(benchmark);
        double millis = (System.nanoTime() - start) / 1e6;
        if (round >= 0) {
          times.get(name)[round] = millis;
        }
      }
    }
    return times;
  }

  private static double percentile(double[] values, int percent) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
  }
}
