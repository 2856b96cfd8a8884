package dev.attnviz.djl;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Rewritten models ({@link GraphRewriter}), kept in {@code <cache>/djl/prepared/<key>/} so that the
 * slow rewrite happens once per model. The key is the SHA-256 of the source file plus a short hash
 * of the tensor patterns and of {@link #FORMAT}; the folder holds {@code model.onnx} and a
 * description of it, written last, so a folder without a description is incomplete and ignored.
 * Entries are written through temporary files and renamed, so concurrent processes are safe.
 *
 * <p>An entry of an earlier {@link #FORMAT} is never read again, so writing an entry removes the
 * earlier-format entries of the same source: an upgrade does not leave a dead copy of every model
 * behind. Entries of the same format for other tensor patterns are kept.
 */
final class PreparedModelCache {

  /**
   * Changes whenever the rewrite or the description changes, so that old entries are ignored. 2:
   * the graph is cut down to its attention tensors ({@link GraphPruner}).
   */
  static final int FORMAT = 2;

  private static final System.Logger LOG = System.getLogger(PreparedModelCache.class.getName());

  private static final String MODEL_FILE = "model.onnx";
  private static final String DESCRIPTION_FILE = "attention-graph.properties";
  private static final String MODEL_SIZE = "model.size";
  private static final String FORMAT_KEY = "format";

  private final Path root;

  /** Creates a cache under the attnviz cache root. */
  PreparedModelCache(Path cacheRoot) {
    this.root = cacheRoot.resolve("djl").resolve("prepared");
  }

  /**
   * Returns the rewritten model for {@code source}, rewriting it first if it is not cached.
   *
   * @param source the original ONNX file
   * @param sourceSha256 the SHA-256 of {@code source}
   * @param candidates tensor name patterns to try
   * @param progress hears {@link ProgressListener.Stage#PREPARING} when a rewrite is needed
   * @throws AttentionException as {@link GraphRewriter} does, or with {@link
   *     Reason#MODEL_NOT_FOUND} if the cache cannot be written
   */
  PreparedModel prepare(
      Path source, String sourceSha256, List<TensorPatterns> candidates, ProgressListener progress)
      throws AttentionException {
    Path folder = root.resolve(key(sourceSha256, candidates));
    Optional<PreparedModel> cached = read(folder);
    if (cached.isPresent()) {
      return cached.get();
    }
    progress.onStage(
        ProgressListener.Stage.PREPARING, "adding attention outputs to " + source.getFileName());
    ModelProto original = GraphRewriter.read(source);
    GraphRewriter.Result result =
        GraphRewriter.rewrite(original, candidates, source.getFileName().toString());
    Path model = folder.resolve(MODEL_FILE);
    try {
      CacheFiles.write(model, result.model()::writeTo);
      Properties description = result.graph().toProperties();
      description.setProperty(MODEL_SIZE, String.valueOf(Files.size(model)));
      description.setProperty("source", source.toAbsolutePath().toString());
      description.setProperty(FORMAT_KEY, String.valueOf(FORMAT));
      CacheFiles.write(
          folder.resolve(DESCRIPTION_FILE),
          out -> description.store(out, "attention outputs added by attnviz"));
    } catch (IOException e) {
      throw CacheRoot.unwritable("Cannot write the prepared model to " + folder, e);
    }
    removeEarlierFormats(sourceSha256);
    return new PreparedModel(model, result.graph());
  }

  /**
   * Deletes the entries of {@code sourceSha256} written by an earlier format. Entries of a later
   * format, which a newer attnviz on the same machine uses, are kept. Best effort: an entry that
   * cannot be deleted now (a file still open elsewhere) is ignored by every reader anyway.
   */
  private void removeEarlierFormats(String sourceSha256) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, sourceSha256 + "-*")) {
      for (Path folder : entries) {
        Optional<Properties> description = description(folder);
        // An entry without a description may be one another process is still writing.
        if (description.isPresent() && formatOf(description.get()) < FORMAT) {
          // The description goes first: without it a reader ignores what is left of the entry.
          Files.deleteIfExists(folder.resolve(DESCRIPTION_FILE));
          Files.deleteIfExists(folder.resolve(MODEL_FILE));
          Files.deleteIfExists(folder);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not remove an earlier prepared model", e);
    }
  }

  /** The format an entry's description was written by: 1 before formats were written down. */
  private static int formatOf(Properties description) {
    try {
      return Integer.parseInt(description.getProperty(FORMAT_KEY, "1").strip());
    } catch (NumberFormatException damaged) {
      return 0;
    }
  }

  /** The description of the entry in {@code folder}, if it has a readable one. */
  private static Optional<Properties> description(Path folder) {
    Properties description = new Properties();
    try (InputStream in = Files.newInputStream(folder.resolve(DESCRIPTION_FILE))) {
      description.load(in);
      return Optional.of(description);
    } catch (IOException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Removes a cache entry, e.g. one whose model ONNX Runtime could not load, so that the next
   * {@link #prepare} writes it again.
   */
  void evict(PreparedModel prepared) throws IOException {
    Path folder = prepared.onnx().getParent();
    Files.deleteIfExists(folder.resolve(DESCRIPTION_FILE));
    Files.deleteIfExists(prepared.onnx());
  }

  private Optional<PreparedModel> read(Path folder) {
    Path model = folder.resolve(MODEL_FILE);
    Optional<Properties> description = description(folder);
    if (description.isEmpty() || !Files.isRegularFile(model)) {
      return Optional.empty();
    }
    try {
      if (!String.valueOf(Files.size(model)).equals(description.get().getProperty(MODEL_SIZE))) {
        return Optional.empty();
      }
      return Optional.of(
          new PreparedModel(model, AttentionGraph.fromProperties(description.get())));
    } catch (IOException | IllegalArgumentException damaged) {
      // A damaged entry is rewritten; the rewrite replaces both files.
      return Optional.empty();
    }
  }

  private static String key(String sourceSha256, List<TensorPatterns> candidates) {
    String patterns =
        FORMAT
            + "\n"
            + candidates.stream()
                .map(p -> p.describe() + " causal=" + p.causal())
                .collect(Collectors.joining("\n"));
    return sourceSha256 + "-" + Checksums.sha256(patterns).substring(0, 12);
  }
}
