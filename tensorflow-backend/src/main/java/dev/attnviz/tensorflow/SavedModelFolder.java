package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.SavedModelBundle;

/**
 * Checks that a folder is a TensorFlow SavedModel and loads it, with messages a user can act on.
 */
final class SavedModelFolder {

  /** The file that makes a folder a SavedModel. */
  static final String GRAPH_FILE = "saved_model.pb";

  private SavedModelFolder() {}

  /**
   * Checks that {@code folder} exists and holds {@value #GRAPH_FILE}.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} naming what is missing
   */
  static void check(Path folder) throws AttentionException {
    if (!Files.exists(folder)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          "Model folder not found: "
              + folder.toAbsolutePath()
              + ". Choose the folder of a TensorFlow SavedModel (the one that holds "
              + GRAPH_FILE
              + " and variables/).");
    }
    if (!Files.isDirectory(folder)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          folder.toAbsolutePath()
              + " is a file, not a folder. Choose the folder of a TensorFlow SavedModel (the one"
              + " that holds "
              + GRAPH_FILE
              + " and variables/).");
    }
    if (!Files.isRegularFile(folder.resolve(GRAPH_FILE))) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          folder.toAbsolutePath()
              + " is not a TensorFlow SavedModel: it has no "
              + GRAPH_FILE
              + "."
              + hintFor(folder)
              + " Choose the folder that holds "
              + GRAPH_FILE
              + " and variables/.");
    }
  }

  /** Points to the other provider when the folder looks like an ONNX export. */
  private static String hintFor(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> onnx =
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.endsWith(".onnx"))
              .toList();
      return onnx.isEmpty()
          ? ""
          : " It holds " + onnx.get(0) + ", an ONNX model: open it with the 'djl' provider.";
    } catch (IOException e) {
      return " (Its files cannot be listed: " + e.getMessage() + ".)";
    }
  }

  /**
   * Checks the folder, then loads the SavedModel with the given tags.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} from {@link #check}, or {@link
   *     Reason#MODEL_INVALID} if TensorFlow cannot load it
   */
  static SavedModelBundle load(Path folder, List<String> tags) throws AttentionException {
    check(folder);
    try {
      return SavedModelBundle.loader(folder.toAbsolutePath().toString())
          .withTags(tags.toArray(String[]::new))
          .load();
    } catch (RuntimeException e) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "TensorFlow cannot load the SavedModel in "
              + folder.toAbsolutePath()
              + " with tags "
              + tags
              + ": "
              + e.getMessage()
              + ". If it was saved with other tags, pass them in the ModelSource option '"
              + TensorFlowProviderFactory.OPTION_TAGS
              + "' (comma-separated).",
          e);
    }
  }
}
