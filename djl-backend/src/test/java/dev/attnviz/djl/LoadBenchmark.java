package dev.attnviz.djl;

import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.spi.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long opening the embedded default takes in a fresh JVM, as when an application starts: with
 * an empty cache (unpack, checksum, graph rewrite, ONNX Runtime session, test run), with the model
 * unpacked but not yet rewritten, and with everything cached. Each measurement is the first open of
 * its own JVM. See docs/performance/djl.md.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class LoadBenchmark {

  /** A cache folder of the state each benchmark needs, removed afterwards. */
  public abstract static class CacheState {
    Path root;

    /** Creates the folder and fills it as far as the benchmark needs; pure Java, no DJL. */
    @Setup(Level.Iteration)
    public void create() throws Exception {
      root = Files.createTempDirectory("attnviz-load-bench");
      fill(root);
    }

    abstract void fill(Path root) throws Exception;

    /** Deletes the folder. */
    @TearDown(Level.Iteration)
    public void delete() throws IOException {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** Nothing cached. */
  @State(Scope.Benchmark)
  public static class EmptyCache extends CacheState {
    @Override
    void fill(Path root) {}
  }

  /** The embedded model unpacked, its graph not yet rewritten. */
  @State(Scope.Benchmark)
  public static class UnpackedCache extends CacheState {
    @Override
    void fill(Path root) throws Exception {
      new EmbeddedModel(LoadBenchmark.class.getClassLoader(), root).unpack(ProgressListener.NONE);
    }
  }

  /** The embedded model unpacked and rewritten. */
  @State(Scope.Benchmark)
  public static class FullCache extends CacheState {
    @Override
    void fill(Path root) throws Exception {
      EmbeddedModel.Unpacked model =
          new EmbeddedModel(LoadBenchmark.class.getClassLoader(), root)
              .unpack(ProgressListener.NONE);
      new PreparedModelCache(root)
          .prepare(
              model.onnx(),
              model.onnxSha256(),
              TensorPatterns.KNOWN_FAMILIES,
              ProgressListener.NONE);
    }
  }

  /** First start ever: unpack, rewrite, load. */
  @Benchmark
  public void firstStart(EmptyCache cache) throws Exception {
    new DjlProviderFactory(cache.root).open(ModelSource.embeddedDefault()).close();
  }

  /** First load of the model: rewrite and load. */
  @Benchmark
  public void firstLoadWithRewrite(UnpackedCache cache) throws Exception {
    new DjlProviderFactory(cache.root).open(ModelSource.embeddedDefault()).close();
  }

  /** A later start: checksums, then load the cached rewritten model. */
  @Benchmark
  public void cachedStart(FullCache cache) throws Exception {
    new DjlProviderFactory(cache.root).open(ModelSource.embeddedDefault()).close();
  }
}
