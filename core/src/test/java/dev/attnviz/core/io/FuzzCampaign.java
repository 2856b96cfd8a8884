package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

/**
 * Runs mutants of valid files through {@link AttentionFiles#read(Path)}, each on a worker thread
 * with a time limit, and sorts every outcome: a loaded file, a refusal with a proper message, or a
 * failure (any other exception or error, a refusal with a blank or unnamed message, or no answer in
 * time). Mutant {@code i} of seed {@code s} is the same on every run and machine, so a failure is
 * reproduced with {@code -Dattnviz.fuzz.seed=s -Dattnviz.fuzz.only=i}; failing mutants are also
 * saved to the output folder.
 */
final class FuzzCampaign {

  /** What the campaign saw. */
  record Result(
      int mutants,
      int loaded,
      int refused,
      List<String> failures,
      Map<String, Integer> refusalsByProblem,
      long slowestMillis,
      long totalMillis) {

    String summary(String format, long seed) {
      StringBuilder text =
          new StringBuilder()
              .append(format)
              .append(": seed ")
              .append(seed)
              .append(", ")
              .append(mutants)
              .append(" mutants: ")
              .append(loaded)
              .append(" loaded, ")
              .append(refused)
              .append(" refused with a message, ")
              .append(failures.size())
              .append(" failures; slowest ")
              .append(slowestMillis)
              .append(" ms, total ")
              .append(totalMillis)
              .append(" ms\n");
      refusalsByProblem.forEach(
          (problem, count) -> text.append(String.format("%7d  %s%n", count, problem)));
      return text.toString();
    }
  }

  private final String format;
  private final List<byte[]> seeds;
  private final BiFunction<byte[], Random, byte[]> mutator;
  private final Path workDir;
  private final Path failureDir;
  private final Duration timeLimit;

  FuzzCampaign(
      String format,
      List<byte[]> seeds,
      BiFunction<byte[], Random, byte[]> mutator,
      Path workDir,
      Path failureDir,
      Duration timeLimit) {
    this.format = format;
    this.seeds = seeds;
    this.mutator = mutator;
    this.workDir = workDir;
    this.failureDir = failureDir;
    this.timeLimit = timeLimit;
  }

  /** The mutant with this index for this campaign seed. */
  byte[] mutant(long seed, int index) {
    Random random = new Random(mix(seed, index));
    return mutator.apply(seeds.get(random.nextInt(seeds.size())), random);
  }

  /** SplitMix64's finaliser over seed and index, so neighbouring indexes are unrelated. */
  private static long mix(long seed, int index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Runs mutants {@code from} (inclusive) to {@code to} (exclusive). */
  Result run(long seed, int from, int to) throws IOException, InterruptedException {
    ExecutorService worker = newWorker();
    int loaded = 0;
    int refused = 0;
    long slowest = 0;
    List<String> failures = new ArrayList<>();
    Map<String, Integer> problems = new TreeMap<>();
    long start = System.nanoTime();
    try {
      for (int i = from; i < to; i++) {
        byte[] mutant = mutant(seed, i);
        Path file = workDir.resolve(format + "-mutant-" + i + "." + format);
        Files.write(file, mutant);
        long began = System.nanoTime();
        Future<Object> read = worker.submit(() -> readOrThrowable(file));
        Object outcome;
        try {
          outcome = read.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          failures.add(save(seed, i, mutant, "no answer after " + timeLimit.toMillis() + " ms"));
          // The stuck thread cannot be stopped; leave it (a daemon) and go on with a fresh one.
          worker.shutdownNow();
          worker = newWorker();
          continue;
        } catch (ExecutionException e) {
          outcome = e.getCause();
        }
        slowest = Math.max(slowest, (System.nanoTime() - began) / 1_000_000);
        if (outcome instanceof AttentionData) {
          loaded++;
        } else {
          String problem = refusalProblem(file, outcome);
          if (problem == null) {
            failures.add(save(seed, i, mutant, describe(outcome)));
          } else {
            refused++;
            problems.merge(problem, 1, Integer::sum);
          }
        }
        Files.delete(file);
      }
    } finally {
      worker.shutdownNow();
    }
    return new Result(
        to - from,
        loaded,
        refused,
        failures,
        problems,
        slowest,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread thread = new Thread(r, "fuzz-reader");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The data read, or whatever was thrown, errors included (an OutOfMemoryError is a finding). */
  private static Object readOrThrowable(Path file) {
    try {
      return AttentionFiles.read(file);
    } catch (Throwable t) {
      return t;
    }
  }

  /**
   * The gist of a proper refusal (its first words, for the statistics), or null if {@code outcome}
   * is not one: an {@link AttentionException} for a bad file whose message names the file and says
   * something.
   */
  private static String refusalProblem(Path file, Object outcome) {
    if (!(outcome instanceof AttentionException e)
        || e.reason() != AttentionException.Reason.FILE_INVALID
        || e.getMessage() == null) {
      return null;
    }
    String prefix = "Cannot open " + file + ": ";
    if (!e.getMessage().startsWith(prefix)
        || e.getMessage().length() < prefix.length() + 10
        || e.getMessage().contains("(null)")) {
      // No message, or one that passes on a blank cause ("cannot be read (null)").
      return null;
    }
    String problem = e.getMessage().substring(prefix.length());
    // Group by the first words, without numbers and array names, to count kinds of refusal.
    String gist = problem.replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'");
    String[] words = gist.split(" ");
    return String.join(" ", List.of(words).subList(0, Math.min(6, words.length)));
  }

  private static String describe(Object outcome) {
    if (outcome instanceof Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      // The top of the trace and of each cause: enough to find the place without the noise.
      List<String> kept = new ArrayList<>();
      int sinceHeading = 0;
      for (String line : trace.toString().split("\n")) {
        sinceHeading = line.startsWith("\tat ") ? sinceHeading + 1 : 0;
        if (sinceHeading <= 8) {
          kept.add(line);
        }
      }
      return String.join("\n", kept);
    }
    return String.valueOf(outcome);
  }

  private String save(long seed, int index, byte[] mutant, String what) throws IOException {
    Files.createDirectories(failureDir);
    Path saved = failureDir.resolve(format + "-seed" + seed + "-mutant" + index + "." + format);
    Files.write(saved, mutant);
    return format + " mutant " + index + " (saved as " + saved + "): " + what;
  }
}
