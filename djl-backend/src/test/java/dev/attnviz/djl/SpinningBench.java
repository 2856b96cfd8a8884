package dev.attnviz.djl;

import ai.djl.Model;
import ai.onnxruntime.OrtSession;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.tokenizers.HuggingFacePairTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The provider's compute with ONNX Runtime's intra-op threads spinning while they wait (ONNX
 * Runtime's default) or sleeping ({@link SessionSettings}): one provider per JVM, as in an
 * application, since spinning threads of other sessions in the same process would slow every
 * variant. Run it alternately with {@code on}, {@code off} and {@code during-runs} (spinning while
 * a run lasts, stopped when it returns); it prints the median and first quartile of compute times
 * with queries and keys, and the process's CPU time per wall-clock time. See
 * docs/performance/djl.md.
 *
 * <p>Arguments: {@code on}, {@code off} or {@code during-runs}; optionally computes per input
 * (default 300 short, a quarter of that long), after 30 warm-up computes.
 */
public final class SpinningBench {

  private SpinningBench() {}

  /** Runs the computes and prints one line. */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    if (!List.of("on", "off", "during-runs").contains(mode)) {
      throw new IllegalArgumentException("mode must be on, off or during-runs, not " + mode);
    }
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    DefaultModel.Files files = DefaultModel.files();
    EmbeddedModel.Unpacked unpacked = files.unpacked();
    PreparedModel prepared = files.prepared();
    Model model = Model.newInstance(EmbeddedModel.NAME, DjlModelLoader.ENGINE);
    // SessionSettings's options but for the one entry compared.
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.addConfigEntry(SessionSettings.ALLOW_SPINNING, mode.equals("off") ? "0" : "1");
      if (mode.equals("during-runs")) {
        options.addConfigEntry(SessionSettings.FORCE_SPINNING_STOP, "1");
      }
      model.load(prepared.onnx(), null, SessionSettings.djlLoadOptions(options));
    }
    HuggingFacePairTokenizer tokenizer =
        HuggingFacePairTokenizer.open(unpacked.folder().resolve(ModelFiles.TOKENIZER), 512);
    ModelInfo info = new ModelInfo(EmbeddedModel.NAME, DjlProviderFactory.NAME, false);
    StringBuilder line = new StringBuilder("spinning " + args[0] + ":");
    try (DjlAttentionProvider provider =
        new DjlAttentionProvider(info, model, tokenizer, prepared.graph())) {
      for (String input : List.of("short", "long")) {
        String text = input.equals("short") ? BenchmarkTexts.SHORT : BenchmarkTexts.LONG;
        AttentionRequest request =
            AttentionRequest.builder().setTextA(text).optQueriesAndKeys(true).build();
        int n = input.equals("short") ? rounds : Math.max(1, rounds / 4);
        for (int i = 0; i < 30; i++) {
          provider.compute(request);
        }
        double[] millis = new double[n];
        long cpuBefore = cpuTicks();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < n; i++) {
          long start = System.nanoTime();
          provider.compute(request);
          millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        double cpuSeconds = (cpuTicks() - cpuBefore) / 100.0;
        Arrays.sort(millis);
        line.append(
            String.format(
                " %s median %.2f ms, p25 %.2f ms, CPU/wall %.2f;",
                input, millis[n / 2], millis[n / 4], cpuSeconds / wallSeconds));
      }
    }
    System.out.println(line + " load average " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** User plus system CPU time of this process, in clock ticks (1/100 s on Linux). */
  private static long cpuTicks() throws Exception {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
