package dev.attnviz.tensorflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Writes small SavedModels for tests, built and exported with TensorFlow Java itself: a signature
 * that takes {@code input_ids}, {@code input_mask} and {@code segment_ids} of length {@value
 * #LENGTH}, and per layer {@code l} (scopes named by the caller) a fake attention {@code
 * Softmax(ids * factor(l))} of shape {@code [1, 2, 8, 8]} (its input, {@code Scores}, named too)
 * and query/key projections {@code [8, 4]} with {@code q[t][c] = ids[t] * (c + 1) * factor(l) + c}
 * and {@code k[t][c] = -q[t][c]}.
 *
 * <p>The vocabulary (ids 0–7) is {@code [PAD] [UNK] [CLS] [SEP] [MASK] the cat sat}.
 */
final class TinySavedModel {

  /** The fixed input length. */
  static final int LENGTH = 8;

  /** Heads of the fake attention. */
  static final int HEADS = 2;

  /** Hidden size of the fake projections (two heads of two). */
  static final int HIDDEN = 4;

  static final List<String> VOCAB =
      List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat");

  private TinySavedModel() {}

  /** The factor that layer {@code l} multiplies ids by. */
  static float factor(int layer) {
    return 0.25f * (layer + 1);
  }

  /**
   * Exports a model to {@code folder} with {@code layers} layers whose ops live in the scope {@code
   * scope.apply(l)} (e.g. {@code "bert/encoder/layer_3/attention/self"}), and no attention at all
   * if {@code layers} is 0. With {@code decoy}, the same layers are built a second time under
   * {@code decoy/}, fed by a placeholder the signature does not name.
   */
  static Path export(Path folder, int layers, IntFunction<String> scope, boolean decoy)
      throws IOException {
    return export(folder, layers, scope, decoy, false, VOCAB);
  }

  /**
   * Exports one Google-BERT-named layer that first looks every id up in an embedding table of
   * {@link #VOCAB}'s size (holding the ids themselves, so the numbers stay those of {@link
   * #export}), with {@code vocab} as its {@code vocab.txt}: a longer vocabulary gives ids beyond
   * the table, which TensorFlow refuses at run time.
   */
  static Path exportWithEmbedding(Path folder, List<String> vocab) throws IOException {
    return export(
        folder, 1, l -> "bert/encoder/layer_" + l + "/attention/self", false, true, vocab);
  }

  private static Path export(
      Path folder,
      int layers,
      IntFunction<String> scope,
      boolean decoy,
      boolean embedding,
      List<String> vocab)
      throws IOException {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TInt32> ids = input(tf, "input_ids");
      Placeholder<TInt32> mask = input(tf, "input_mask");
      Placeholder<TInt32> segments = input(tf, "segment_ids");
      Operand<TInt32> looked = ids;
      if (embedding) {
        int[] table = new int[VOCAB.size()];
        for (int i = 0; i < table.length; i++) {
          table[i] = i;
        }
        looked = tf.gather(tf.constant(table), ids, tf.constant(0));
      }
      Operand<TFloat32> hidden = layers(tf, looked, layers, scope);
      if (decoy) {
        layers(tf.withSubScope("decoy"), input(tf, "decoy_input_ids"), layers, scope);
      }
      // A variable, because a SavedModel without one has no variables/ to save.
      tf.withName("scale").variable(tf.constant(1f));
      try (Session session = new Session(graph)) {
        session.initialize();
        SavedModelBundle.exporter(folder.toString())
            .withSession(session)
            .withSignature(
                Signature.builder()
                    .input("input_ids", ids)
                    .input("input_mask", mask)
                    .input("segment_ids", segments)
                    .output("sequence_output", hidden)
                    .build())
            .export();
      }
    }
    Files.createDirectories(folder.resolve("assets"));
    Files.write(folder.resolve("assets").resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
    return folder;
  }

  private static Placeholder<TInt32> input(Ops tf, String name) {
    return tf.withName(name).placeholder(TInt32.class, Placeholder.shape(Shape.of(-1, LENGTH)));
  }

  private static Operand<TFloat32> layers(
      Ops tf, Operand<TInt32> ids, int layers, IntFunction<String> scope) {
    Operand<TFloat32> x = tf.dtypes.cast(ids, TFloat32.class);
    Operand<TFloat32> hidden = x;
    for (int l = 0; l < layers; l++) {
      Ops layer = tf;
      for (String part : scope.apply(l).split("/")) {
        layer = layer.withSubScope(part);
      }
      float f = factor(l);
      // [batch, 8] -> [batch, 1, 1, 8] * ones[1, 2, 8, 1] -> [batch, 2, 8, 8]
      Operand<TFloat32> row =
          tf.reshape(tf.math.mul(x, tf.constant(f)), tf.constant(new int[] {-1, 1, 1, LENGTH}));
      float[][][][] ones = new float[1][HEADS][LENGTH][1];
      for (float[][] head : ones[0]) {
        for (float[] r : head) {
          r[0] = 1f;
        }
      }
      // The scores before the softmax are named too: they have attention's shape but are no
      // probabilities, for tests of a pattern that picks the wrong tensor.
      Operand<TFloat32> scores = layer.withName("Scores").math.mul(row, tf.constant(ones));
      hidden = layer.withName("Softmax").nn.softmax(scores);
      Operand<TFloat32> column = tf.reshape(x, tf.constant(new int[] {LENGTH, 1}));
      float[][] weights = new float[1][HIDDEN];
      float[] bias = new float[HIDDEN];
      for (int c = 0; c < HIDDEN; c++) {
        weights[0][c] = (c + 1) * f;
        bias[c] = c;
      }
      Operand<TFloat32> query =
          layer
              .withSubScope("query")
              .withName("BiasAdd")
              .nn
              .biasAdd(tf.linalg.matMul(column, tf.constant(weights)), tf.constant(bias));
      layer
          .withSubScope("key")
          .withName("BiasAdd")
          .nn
          .biasAdd(tf.math.neg(query), tf.constant(new float[HIDDEN]));
    }
    return hidden;
  }
}
