package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;

/**
 * Checks that a folder is a TensorFlow SavedModel and loads it, with messages a user can act on.
 */
final class SavedModelFolder {

  /** The file that makes a folder a SavedModel. */
  static final String GRAPH_FILE = "saved_model.pb";

  /** The folder of a SavedModel's weights. */
  static final String VARIABLES = "variables";

  private static final List<String> ARCHIVE_SUFFIXES =
      List.of(".zip", ".tar", ".tar.gz", ".tgz", ".gz");

  private SavedModelFolder() {}

  /**
   * Checks that {@code folder} exists and holds {@value #GRAPH_FILE}, that {@code variables} (if
   * present) is a folder, and that every file and folder inside can be read.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} naming what is missing or cannot
   *     be read, or {@link Reason#MODEL_INVALID} if {@code variables} is not a folder
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
      throw notAFolder(folder);
    }
    Path graph = folder.resolve(GRAPH_FILE);
    if (Files.isDirectory(graph)) {
      throw new AttentionException(
          Reason.MODEL_NOT_FOUND,
          graph.toAbsolutePath()
              + " is a folder, not a file. A SavedModel keeps its graph in the file "
              + GRAPH_FILE
              + "; copy or export the model again.");
    }
    ReadableTree.check(folder);
    if (!Files.isRegularFile(graph)) {
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
    Path variables = folder.resolve(VARIABLES);
    if (Files.exists(variables) && !Files.isDirectory(variables)) {
      throw new AttentionException(
          Reason.MODEL_INVALID,
          variables.toAbsolutePath()
              + " is a file, not a folder. A SavedModel keeps its weights in the folder "
              + VARIABLES
              + "/; copy or export the model again.");
    }
  }

  /** The message for a file chosen where the model's folder belongs. */
  private static AttentionException notAFolder(Path file) {
    Path absolute = file.toAbsolutePath();
    String name = absolute.getFileName().toString().toLowerCase(Locale.ROOT);
    String advice;
    if (name.equals(GRAPH_FILE) && absolute.getParent() != null) {
      advice = "Choose the folder that holds it: " + absolute.getParent() + ".";
    } else if (ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith)) {
      advice =
          "It looks like an archive: unzip (or untar) it first and choose the folder that holds "
              + GRAPH_FILE
              + ".";
    } else {
      advice =
          "Choose the folder of a TensorFlow SavedModel (the one that holds "
              + GRAPH_FILE
              + " and variables/).";
    }
    return new AttentionException(
        Reason.MODEL_NOT_FOUND, absolute + " is a file, not a folder. " + advice);
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

  /** Operation types that hold a variable, whose value must come from {@code variables/}. */
  private static final List<String> VARIABLE_OPS = List.of("VarHandleOp", "VariableV2", "Variable");

  /**
   * Refuses a loaded graph that has variables when the folder has no {@code variables/} index:
   * TensorFlow loads such a model without complaint and fails only when a compute reads a variable
   * that was never restored.
   *
   * @throws AttentionException with {@link Reason#MODEL_INVALID} naming what is missing
   */
  static void checkVariables(Path folder, Graph graph) throws AttentionException {
    Path index = folder.resolve(VARIABLES).resolve("variables.index");
    if (Files.isRegularFile(index)) {
      return;
    }
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (VARIABLE_OPS.contains(op.type())) {
        throw new AttentionException(
            Reason.MODEL_INVALID,
            folder.toAbsolutePath()
                + " has no "
                + VARIABLES
                + "/variables.index, but its graph has variables (e.g. "
                + op.name()
                + "): the model's weights are missing. Copy the whole SavedModel folder, with its "
                + VARIABLES
                + "/ folder.");
      }
    }
  }

  /**
   * Checks the folder, then loads the SavedModel with the given tags and TensorFlow's default
   * session options. Turning Grappler (the graph rewriter) off halves the first run but made every
   * later run slower on an idle machine (docs/PERFORMANCE.md, "The demo's start-up"), so it stays
   * on.
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
      // TensorFlow names wrong tags in its message; any other failure means damaged files.
      boolean aboutTags = String.valueOf(e.getMessage()).contains("tags");
      throw new AttentionException(
          Reason.MODEL_INVALID,
          "TensorFlow cannot load the SavedModel in "
              + folder.toAbsolutePath()
              + " with tags "
              + tags
              + ": "
              + e.getMessage()
              + (aboutTags
                  ? ". If it was saved with other tags, pass them in the ModelSource option '"
                      + TensorFlowProviderFactory.OPTION_TAGS
                      + "' (comma-separated)."
                  : ". The model's files look damaged or incomplete: copy or export it again."),
          e);
    }
  }
}
