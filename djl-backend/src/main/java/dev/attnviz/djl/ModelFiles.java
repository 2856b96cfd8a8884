package dev.attnviz.djl;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of one Hugging Face style ONNX export, found from a user's {@link ModelSource}.
 *
 * <p>A source path may be:
 *
 * <ul>
 *   <li>a folder holding {@code model.onnx} (or exactly one other {@code .onnx} file), either at
 *       its top or in an {@code onnx/} sub-folder as in Hugging Face repositories, plus {@code
 *       tokenizer.json} and optionally {@code config.json} and {@code tokenizer_config.json};
 *   <li>an {@code .onnx} file; the other files are looked for next to it (and one folder up if it
 *       sits in a folder named {@code onnx}), and the tokenizer may also be named {@code
 *       <model>-tokenizer.json}.
 * </ul>
 *
 * The {@value DjlProviderFactory#TOKENIZER} option names a tokenizer file anywhere.
 *
 * @param name the model's display name: the folder name, or the file name without {@code .onnx}
 * @param onnx the ONNX graph
 * @param tokenizer the Hugging Face {@code tokenizer.json}
 * @param config {@code config.json}, if present
 * @param tokenizerConfig {@code tokenizer_config.json}, if present
 */
record ModelFiles(
    String name, Path onnx, Path tokenizer, Optional<Path> config, Optional<Path> tokenizerConfig) {

  static final String DEFAULT_ONNX = "model.onnx";
  static final String TOKENIZER = "tokenizer.json";
  static final String CONFIG = "config.json";
  static final String TOKENIZER_CONFIG = "tokenizer_config.json";

  private static final String ONNX_EXTENSION = ".onnx";
  private static final String SAVED_MODEL = "saved_model.pb";
  private static final String ONNX_FOLDER = "onnx";

  /**
   * Finds the files of the model at {@code source}'s path.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} naming what is missing and where
   *     it was looked for
   */
  static ModelFiles locate(ModelSource source) throws AttentionException {
    Path path =
        source
            .path()
            .orElseThrow(() -> new IllegalArgumentException("the embedded default has no path"));
    if (!Files.exists(path)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND, "No model at " + path + ": the file or folder does not exist.");
    }
    Path onnx = Files.isDirectory(path) ? onnxInFolder(path) : path;
    return locate(source, onnx);
  }

  /**
   * Finds the other files of a model whose graph is {@code onnx} (for optimum's layout, the encoder
   * file), the same way as {@link #locate(ModelSource)}.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} naming what is missing
   */
  static ModelFiles locate(ModelSource source, Path onnx) throws AttentionException {
    Path path = source.path().orElseThrow();
    List<Path> folders = companionFolders(path, onnx);
    Path tokenizer = tokenizer(source, onnx, folders);
    ModelFiles files =
        new ModelFiles(
            displayName(path, onnx),
            onnx,
            tokenizer,
            firstExisting(folders, CONFIG),
            firstExisting(folders, TOKENIZER_CONFIG));
    for (Path file : files.all()) {
      requireReadable(file);
    }
    return files;
  }

  /** Every file of the model. */
  List<Path> all() {
    List<Path> files = new ArrayList<>(List.of(onnx, tokenizer));
    config.ifPresent(files::add);
    tokenizerConfig.ifPresent(files::add);
    return files;
  }

  /**
   * Opens and closes {@code path} (lists it, for a folder): permission bits alone do not tell what
   * this process may read, and ONNX Runtime and the tokenizer report a file they may not read in
   * terms that do not say so.
   */
  private static void requireReadable(Path path) throws AttentionException {
    try {
      if (Files.isDirectory(path)) {
        Files.newDirectoryStream(path).close();
      } else {
        Files.newInputStream(path).close();
      }
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /** The failure for a model file or folder this process cannot read. */
  static AttentionException unreadable(Path path, IOException e) {
    String why =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new AttentionException(
        Reason.MODEL_NOT_FOUND,
        "Cannot read "
            + path
            + " ("
            + why
            + "). Make the model's files readable for this user (e.g. chmod a+r on them, a+rx on"
            + " their folders), or copy the model to a folder you can read.",
        e);
  }

  private static AttentionException folderInPlaceOfFile(Path folder, String advice) {
    return new AttentionException(
        Reason.MODEL_NOT_FOUND, folder + " is a folder, not a file. " + advice);
  }

  private static Path onnxInFolder(Path folder) throws AttentionException {
    requireReadable(folder);
    for (Path candidate : List.of(folder, folder.resolve(ONNX_FOLDER))) {
      if (Files.isRegularFile(candidate.resolve(DEFAULT_ONNX))) {
        return candidate.resolve(DEFAULT_ONNX);
      }
      if (Files.isDirectory(candidate.resolve(DEFAULT_ONNX))) {
        throw folderInPlaceOfFile(
            candidate.resolve(DEFAULT_ONNX), "Put the exported model there, as a file.");
      }
      List<Path> found = onnxFiles(candidate);
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw new AttentionException(
            Reason.MODEL_NOT_FOUND,
            "Several .onnx files in "
                + candidate
                + " ("
                + found.stream()
                    .map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", "))
                + ") and none is named "
                + DEFAULT_ONNX
                + ". Open the one you want as a file instead of the folder.");
      }
    }
    String otherFormat =
        Files.isRegularFile(folder.resolve(SAVED_MODEL))
            ? " It holds "
                + SAVED_MODEL
                + ", a TensorFlow SavedModel: open it with the 'tensorflow' provider."
            : "";
    throw new AttentionException(
        Reason.MODEL_NOT_FOUND,
        "No .onnx file in "
            + folder
            + "."
            + otherFormat
            + " A model folder needs "
            + DEFAULT_ONNX
            + " (or one other .onnx file) and "
            + TOKENIZER
            + "; see the README for how to export a Hugging Face model to ONNX.");
  }

  private static List<Path> onnxFiles(Path folder) throws AttentionException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ONNX_EXTENSION))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw unreadable(folder, e);
    }
  }

  /** Folders that may hold the tokenizer and configs, nearest first. */
  private static List<Path> companionFolders(Path path, Path onnx) {
    List<Path> folders = new ArrayList<>();
    if (Files.isDirectory(path)) {
      folders.add(path);
    }
    Path onnxFolder = onnx.toAbsolutePath().getParent();
    if (!folders.contains(onnxFolder)) {
      folders.add(onnxFolder);
    }
    if (isOnnxFolder(onnxFolder) && onnxFolder.getParent() != null) {
      Path repository = onnxFolder.getParent();
      if (!folders.contains(repository)) {
        folders.add(repository);
      }
    }
    return folders;
  }

  private static Path tokenizer(ModelSource source, Path onnx, List<Path> folders)
      throws AttentionException {
    // Checked by ModelOptions: the file exists.
    Optional<String> option = source.option(ModelSource.TOKENIZER);
    if (option.isPresent()) {
      return Path.of(option.get().trim());
    }
    Optional<Path> found = firstExisting(folders, TOKENIZER);
    if (found.isPresent()) {
      return found.get();
    }
    Path named = onnx.resolveSibling(stem(onnx) + "-" + TOKENIZER);
    if (Files.isRegularFile(named)) {
      return named;
    }
    throw new AttentionException(
        Reason.MODEL_NOT_FOUND,
        "No "
            + TOKENIZER
            + " for "
            + onnx.getFileName()
            + " (looked in "
            + folders.stream().map(Path::toString).collect(Collectors.joining(", "))
            + "). Put the model's "
            + TOKENIZER
            + " next to it, or pass its path with the option '"
            + DjlProviderFactory.TOKENIZER
            + "'.");
  }

  private static Optional<Path> firstExisting(List<Path> folders, String fileName)
      throws AttentionException {
    for (Path folder : folders) {
      Path file = folder.resolve(fileName);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
      if (Files.isDirectory(file)) {
        throw folderInPlaceOfFile(file, "Put the model's " + fileName + " there, as a file.");
      }
    }
    return Optional.empty();
  }

  private static String displayName(Path path, Path onnx) {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return fileName(absolute);
    }
    String stem = stem(onnx);
    if (!stem.equalsIgnoreCase("model")) {
      return stem;
    }
    Path folder = absolute.getParent();
    if (isOnnxFolder(folder) && folder.getParent() != null) {
      folder = folder.getParent();
    }
    return folder == null ? stem : fileName(folder);
  }

  private static boolean isOnnxFolder(Path folder) {
    return folder != null
        && folder.getFileName() != null
        && folder.getFileName().toString().equals(ONNX_FOLDER);
  }

  private static String fileName(Path path) {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }

  private static String stem(Path file) {
    String name = fileName(file);
    return name.toLowerCase(Locale.ROOT).endsWith(ONNX_EXTENSION)
        ? name.substring(0, name.length() - ONNX_EXTENSION.length())
        : name;
  }
}
