package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening the embedded model: cold (the cache folder deleted first, so the 443 MB archive is
 * unpacked and the graph prepared) and cached (unpacked already). Each measurement is one open and
 * close; the time to delete the folder is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class ModelLoadBenchmark {

  @Param({"cold", "cached"})
  String cache;

  @Setup(Level.Iteration)
  public void prepareCache() throws IOException, AttentionException {
    if (System.getProperty(CacheRoot.PROPERTY) == null) {
      throw new IllegalStateException(
          "set -D" + CacheRoot.PROPERTY + " to a scratch folder: the cold run deletes its models");
    }
    if (cache.equals("cold")) {
      ArchiveCache.deleteRecursively(CacheRoot.root().resolve("models"));
    } else {
      new TensorFlowProviderFactory().open(ModelSource.embeddedDefault()).close();
    }
  }

  @Benchmark
  public int open() throws AttentionException {
    try (AttentionProvider provider =
        new TensorFlowProviderFactory().open(ModelSource.embeddedDefault())) {
      return provider.maxTokens();
    }
  }
}
