package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.ProgressListener;
import dev.attnviz.core.spi.TokenizedInput;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;

/**
 * The native part of a start with the embedded BERT-base, phase by phase, each in a fresh JVM (a
 * native library loads once per process): TensorFlow's native library load, the SavedModel restore
 * and the first and second session runs (a bare run of the signature's {@code sequence_output} on a
 * 13-token input, padded to the signature's 128) and the median of {@value #STEADY_RUNS} more, with
 * the wall and the process CPU time of each. Variants try what TensorFlow Java 1.1.0 lets a loader
 * set ({@link ConfigProto}): the default, one inter-op thread, Grappler's rewriting off, and that
 * plus graph optimisation level L0. Rounds interleave the variants, in rotating order; the medians
 * come last. "default" (TensorFlow's own defaults) is what the provider uses; "noGrappler" was
 * tried and dropped (a faster first run, slower later runs). For issue 18, docs/PERFORMANCE.md "The
 * demo's start-up".
 *
 * <p>Argument: the number of rounds (default 3). {@code child VARIANT} runs one variant in this
 * JVM.
 */
public final class StartupPhasesBench {

  private static final List<String> VARIANTS =
      List.of("default", "interOp1", "noGrappler", "noGrapplerL0");
  private static final String[] PHASES = {"native", "restore", "firstRun", "secondRun", "steady"};

  /** Runs after the second whose median is the steady state (the input is padded to 128). */
  private static final int STEADY_RUNS = 9;

  private StartupPhasesBench() {}

  /** Runs the rounds in child JVMs and prints each run and the medians. */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      child(args[1]);
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Map<String, List<long[]>> runs = new LinkedHashMap<>();
    VARIANTS.forEach(v -> runs.put(v, new ArrayList<>()));
    System.out.println(
        "warm-up (unpacks the model if needed): " + String.join(" ", spawn("default")));
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < VARIANTS.size(); i++) {
        String variant = VARIANTS.get((i + round) % VARIANTS.size());
        List<String> line = spawn(variant);
        System.out.println(String.join(" ", line));
        long[] values = new long[2 * PHASES.length];
        for (int p = 0; p < PHASES.length; p++) {
          String[] wallAndCpu = line.get(p + 1).split("=")[1].split("/");
          values[2 * p] = Long.parseLong(wallAndCpu[0]);
          values[2 * p + 1] = Long.parseLong(wallAndCpu[1]);
        }
        runs.get(variant).add(values);
      }
    }
    System.out.println("medians, ms (wall / process CPU), load average " + loadAverage() + ":");
    runs.forEach(
        (variant, rows) -> {
          StringBuilder text = new StringBuilder(String.format("%-13s", variant));
          for (int p = 0; p < PHASES.length; p++) {
            text.append(
                String.format(
                    "  %s %d / %d", PHASES[p], median(rows, 2 * p), median(rows, 2 * p + 1)));
          }
          System.out.println(text);
        });
  }

  private static long median(List<long[]> rows, int column) {
    long[] values = rows.stream().mapToLong(row -> row[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Runs {@code variant} in a child JVM with this one's class path and cache settings. */
  private static List<String> spawn(String variant) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String property :
        List.of("attnviz.cache", "org.bytedeco.javacpp.cachedir", "java.io.tmpdir")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            StartupPhasesBench.class.getName(),
            "child",
            variant));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("phases ")) {
          result = line.substring("phases ".length());
        }
      }
    }
    if (child.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the child for " + variant + " failed");
    }
    return List.of(result.split(" "));
  }

  private static ConfigProto config(String variant) {
    ConfigProto.Builder config = ConfigProto.newBuilder();
    switch (variant) {
      case "default" -> {}
      case "interOp1" -> config.setInterOpParallelismThreads(1);
      case "noGrappler" ->
          config.setGraphOptions(
              GraphOptions.newBuilder()
                  .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true)));
      case "noGrapplerL0" ->
          config.setGraphOptions(
              GraphOptions.newBuilder()
                  .setRewriteOptions(RewriterConfig.newBuilder().setDisableMetaOptimizer(true))
                  .setOptimizerOptions(
                      OptimizerOptions.newBuilder().setOptLevel(OptimizerOptions.Level.L0)));
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    }
    return config.build();
  }

  /** One start's native phases, printed as {@code phases VARIANT native=W/C ...} in ms. */
  private static void child(String variant) throws Exception {
    long[] mark = {System.nanoTime(), cpuMillis()};
    StringBuilder line = new StringBuilder("phases " + variant);
    TensorFlow.version();
    phase(line, "native", mark);
    Path folder =
        EmbeddedModel.unpack(StartupPhasesBench.class.getClassLoader(), ProgressListener.NONE);
    mark[0] = System.nanoTime();
    mark[1] = cpuMillis();
    try (SavedModelBundle bundle =
        SavedModelBundle.loader(folder.toString())
            .withTags("serve")
            .withConfigProto(config(variant))
            .load()) {
      phase(line, "restore", mark);
      ServingSignature signature =
          ServingSignature.read(bundle.metaGraphDef(), Optional.empty(), EmbeddedModel.NAME);
      String output = signature.outputs().get("sequence_output");
      try (HuggingFacePairTokenizer tokenizer =
          ModelTokenizer.open(
              folder, Optional.empty(), Optional.empty(), signature.fixedLength())) {
        TokenizedInput input = tokenizer.encode(BenchInputs.request(13, false), "bench").input();
        mark[0] = System.nanoTime();
        mark[1] = cpuMillis();
        for (String name : new String[] {"firstRun", "secondRun"}) {
          run(bundle, signature, input, output);
          phase(line, name, mark);
        }
        long[] walls = new long[STEADY_RUNS];
        long[] cpus = new long[STEADY_RUNS];
        for (int i = 0; i < STEADY_RUNS; i++) {
          run(bundle, signature, input, output);
          long now = System.nanoTime();
          long cpu = cpuMillis();
          walls[i] = (now - mark[0]) / 1_000_000;
          cpus[i] = cpu - mark[1];
          mark[0] = now;
          mark[1] = cpu;
        }
        java.util.Arrays.sort(walls);
        java.util.Arrays.sort(cpus);
        line.append(" steady=")
            .append(walls[STEADY_RUNS / 2])
            .append('/')
            .append(cpus[STEADY_RUNS / 2]);
      }
    }
    System.out.println(line);
  }

  /** One bare session run of {@code output}; fails on a result that is not a number. */
  private static void run(
      SavedModelBundle bundle, ServingSignature signature, TokenizedInput input, String output) {
    try (InputFeed feed = InputFeed.of(signature, input, signature.fixedLength());
        Result result = feed.feedInto(bundle.session().runner()).fetch(output).run()) {
      if (!Float.isFinite(((TFloat32) result.get(0)).getFloat(0, 0, 0))) {
        throw new IllegalStateException("not a number");
      }
    }
  }

  private static void phase(StringBuilder line, String name, long[] mark) {
    long now = System.nanoTime();
    long cpu = cpuMillis();
    line.append(' ')
        .append(name)
        .append('=')
        .append((now - mark[0]) / 1_000_000)
        .append('/')
        .append(cpu - mark[1]);
    mark[0] = now;
    mark[1] = cpu;
  }

  private static long cpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
  }
}
