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
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The Java part of a compute after ONNX Runtime's run, timed alone on all-MiniLM-L6-v2's output
 * shapes at 124 tokens (6 layers of {@code [1][12][124][124]} attention, {@code [1][124][384]}
 * queries and keys), held in real ONNX Runtime tensors: reading them and building the {@link
 * Attention} (core's value checks). Two variants, interleaved in a shuffled order each round:
 * {@link OutputReader} as this build has it, and the fifth round's way (rows copied as they are,
 * then every value checked by the {@code Attention} build). Wall time and the calling thread's CPU
 * time (medians), and the process's CPU time (core's check may run on all cores; the JVM counts it
 * in clock ticks of 10 ms, so it is the mean over all rounds). The class uses only what the
 * baseline code has too, so docs/performance/djl-compute-bench.sh also runs it on the old code. See
 * docs/performance/djl.md.
 *
 * <p>Argument: rounds (default 400) after 100 rounds of warm-up.
 */
public final class JavaPartBench {

  private static final int LAYERS = 6;
  private static final int HEADS = 12;
  private static final int TOKENS = 124;
  private static final int WIDTH = 384;
  private static final int WARM_UP_ROUNDS = 100;

  private JavaPartBench() {}

  /** Runs the rounds and prints one table row per variant, mode and part. */
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
    // [cell][part][measure][round]: cell = variant * 2 + (vectors ? 1 : 0); part 0 read, 1 build.
    double[][][][] times = new double[4][2][3][rounds];
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
      List<Integer> cells = new ArrayList<>(List.of(0, 1, 2, 3));
      Random order = new Random(1);
      for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
        Collections.shuffle(cells, order);
        for (int cell : cells) {
          int variant = cell / 2;
          boolean vectors = cell % 2 == 1;
          long[] start = now(threads, os);
          AttentionTensors names = new AttentionTensors("BERT", false, attention, queries, keys);
          Tensor4D[] all =
              variant == 0
                  ? readAll(outputs, names, vectors)
                  : new Tensor4D[] {
                    rowByRow(outputs, attention, 0),
                    vectors ? rowByRow(outputs, queries, HEADS) : null,
                    vectors ? rowByRow(outputs, keys, HEADS) : null
                  };
          Tensor4D w = all[0];
          Tensor4D q = all[1];
          Tensor4D k = all[2];
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
              times[cell][0][m][round] = (read[m] - start[m]) / 1e6;
              times[cell][1][m][round] = (built[m] - read[m]) / 1e6;
            }
          }
        }
      }
    }
    System.out.println(
        "| variant | mode | part | wall ms (median) | calling-thread CPU ms (median)"
            + " | process CPU ms (mean) | rounds: "
            + rounds
            + " |");
    System.out.println("| --- | --- | --- | ---: | ---: | ---: | --- |");
    String[] variants = {"OutputReader", "rows, then check"};
    String[] modes = {"weights", "with vectors"};
    String[] parts = {"read outputs", "build Attention"};
    double[][][] totals = new double[4][3][rounds];
    for (int cell = 0; cell < 4; cell++) {
      for (int part = 0; part < 2; part++) {
        System.out.printf(
            "| %s | %s | %s | %.3f | %.3f | %.3f | |%n",
            variants[cell / 2],
            modes[cell % 2],
            parts[part],
            median(times[cell][part][0]),
            median(times[cell][part][1]),
            mean(times[cell][part][2]));
      }
      for (int m = 0; m < 3; m++) {
        for (int r = 0; r < rounds; r++) {
          totals[cell][m][r] = times[cell][0][m][r] + times[cell][1][m][r];
        }
      }
      System.out.printf(
          "| %s | %s | total | %.3f | %.3f | %.3f | |%n",
          variants[cell / 2],
          modes[cell % 2],
          median(totals[cell][0]),
          median(totals[cell][1]),
          mean(totals[cell][2]));
    }
    for (int mode = 0; mode < 2; mode++) {
      double[] differences = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        differences[r] = totals[mode][0][r] - totals[2 + mode][0][r];
      }
      System.out.printf(
          "paired median, OutputReader minus rows-then-check, %s, wall: %+.3f ms%n",
          modes[mode], median(differences));
    }
    System.out.println("load average at end: " + InterleavedComputeBench.loadAverage());
  }

  /** Reads what a compute reads, with this build's {@code OutputReader}. */
  private static Tensor4D[] readAll(NDList outputs, AttentionTensors tensors, boolean vectors) {
    Tensor4D w = OutputReader.weights(outputs, tensors.attention(), TOKENS);
    return vectors
        ? new Tensor4D[] {
          w,
          OutputReader.vectors(outputs, tensors.queries(), HEADS, TOKENS),
          OutputReader.vectors(outputs, tensors.keys(), HEADS, TOKENS)
        }
        : new Tensor4D[] {w, null, null};
  }

  /**
   * Reads attention ({@code heads} 0) or projections as issue 18's fifth round did: a row at a time
   * through a {@code float[]}, values not noted, so the {@code Attention} build checks them all
   * again.
   */
  private static Tensor4D rowByRow(NDList outputs, List<String> names, int heads) {
    int dim = heads == 0 ? TOKENS : WIDTH / HEADS;
    Tensor4D.Builder builder = Tensor4D.builder(LAYERS, HEADS, TOKENS, dim);
    float[] row = new float[dim];
    for (int layer = 0; layer < LAYERS; layer++) {
      FloatBuffer values = OutputFloats.of(outputs.get(names.get(layer)));
      for (int outer = 0; outer < (heads == 0 ? HEADS : TOKENS); outer++) {
        for (int inner = 0; inner < (heads == 0 ? TOKENS : HEADS); inner++) {
          values.get(row);
          if (heads == 0) {
            builder.setRow(layer, outer, inner, row, 0);
          } else {
            builder.setRow(layer, inner, outer, row, 0);
          }
        }
      }
    }
    return builder.build();
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
