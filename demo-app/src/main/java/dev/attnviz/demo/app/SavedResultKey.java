package dev.attnviz.demo.app;

import dev.attnviz.core.io.AttentionJson;
import dev.attnviz.core.spi.AttentionProviderFactory;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.demo.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Names a computed result by everything that decides its numbers, so that a result saved by one run
 * is shown by the next only when that run would compute the very same: the file format, the app
 * version, the backend and the code it runs (every jar beside the backend's, with its size and
 * modification time: the embedded models ship in such jars), the model (its path and options, and
 * for a file or folder every file's size and modification time, as the model caches check them),
 * and the request (texts, target, generation, queries and keys, overflow). Computing a key costs a
 * few {@code stat} calls, no reading of the model.
 */
final class SavedResultKey {

  /** Raised when the layout of the saved file or of this key changes. */
  static final int FORMAT = 1;

  /** Most files of a model folder looked at; a larger folder is keyed by its first ones. */
  private static final int MAX_FILES = 2_000;

  private SavedResultKey() {}

  /**
   * The key of computing {@code request} with model {@code source} of {@code factory}.
   *
   * @return 64 lower-case hex digits (SHA-256 of the description)
   */
  static String of(AttentionProviderFactory factory, ModelSource source, AttentionRequest request) {
    return sha256(describe(factory, source, request));
  }

  /** The text the key is the hash of; every field length-prefixed, so none can pose as another. */
  static String describe(
      AttentionProviderFactory factory, ModelSource source, AttentionRequest request) {
    StringBuilder text = new StringBuilder();
    field(text, "saved result format", Integer.toString(FORMAT));
    field(text, "json version", Integer.toString(AttentionJson.VERSION));
    field(text, "app version", Version.current());
    field(text, "backend", factory.name());
    field(text, "backend class", factory.getClass().getName());
    files(text, "code", codeFolder(factory));
    field(text, "model path", source.path().map(Path::toString).orElse("(embedded default)"));
    for (Map.Entry<String, String> option : source.options().entrySet()) {
      field(text, "model option " + option.getKey(), option.getValue());
    }
    if (source.path().isPresent()) {
      files(text, "model", source.path().get().toAbsolutePath());
    }
    field(text, "text a", request.textA());
    field(text, "text b", request.textB().orElse("(none)"));
    field(text, "target", request.target().orElse("(none)"));
    field(text, "new tokens", Integer.toString(request.maxNewTokens()));
    field(text, "queries and keys", Boolean.toString(request.queriesAndKeys()));
    field(text, "overflow", request.overflow().name());
    return text.toString();
  }

  private static void field(StringBuilder text, String name, String value) {
    text.append(name).append(' ').append(value.length()).append(':').append(value).append('\n');
  }

  /**
   * The folder of the jar that holds the factory's class (its siblings are the rest of the class
   * path: backend libraries and embedded models), or the class folder itself when run from a build.
   */
  private static Path codeFolder(AttentionProviderFactory factory) {
    CodeSource code = factory.getClass().getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return null;
    }
    try {
      Path location = Path.of(code.getLocation().toURI());
      return Files.isRegularFile(location) ? location.getParent() : location;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Each regular file under {@code root} (or {@code root} itself) with size and mtime, sorted. */
  private static void files(StringBuilder text, String what, Path root) {
    if (root == null || !Files.exists(root)) {
      field(text, what, "(missing)");
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().limit(MAX_FILES).toList();
      for (Path file : files) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        field(
            text,
            what + " file " + root.relativize(file),
            attributes.size() + " bytes, modified " + attributes.lastModifiedTime().toMillis());
      }
    } catch (IOException | UncheckedIOException e) {
      // Unreadable: a key that matches nothing saved, so the result is computed, never guessed.
      field(text, what, "(unreadable, " + UUID.randomUUID() + ")");
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
