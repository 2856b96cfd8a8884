package dev.attnviz.djl;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a BERT-style ONNX file through DJL on raw token ids and copies out the named outputs: the
 * unmodified model, next to the rewritten one, for the equivalence test and the benchmarks.
 */
final class RawOnnxModel implements AutoCloseable {

  private final Model model;

  /** Loads {@code onnx} into ONNX Runtime. */
  RawOnnxModel(Path onnx) throws IOException, MalformedModelException {
    model = Model.newInstance("raw", DjlModelLoader.ENGINE);
    model.load(onnx);
  }

  /**
   * Runs one input (attention mask all ones, token types zero) and returns the outputs named in
   * {@code wanted}, in that order.
   */
  Map<String, float[]> run(long[] ids, List<String> wanted) throws TranslateException {
    try (Predictor<long[], Map<String, float[]>> predictor =
        model.newPredictor(new Translator(wanted))) {
      return predictor.predict(ids);
    }
  }

  @Override
  public void close() {
    model.close();
  }

  private record Translator(List<String> wanted)
      implements NoBatchifyTranslator<long[], Map<String, float[]>> {

    @Override
    public NDList processInput(TranslatorContext ctx, long[] ids) {
      NDManager manager = ctx.getNDManager();
      Shape shape = new Shape(1, ids.length);
      long[] ones = new long[ids.length];
      Arrays.fill(ones, 1);
      return new NDList(
          named(manager.create(ids, shape), "input_ids"),
          named(manager.create(ones, shape), "attention_mask"),
          named(manager.create(new long[ids.length], shape), "token_type_ids"));
    }

    @Override
    public Map<String, float[]> processOutput(TranslatorContext ctx, NDList outputs) {
      Map<String, float[]> values = new LinkedHashMap<>();
      for (String name : wanted) {
        values.put(name, outputs.get(name).toFloatArray());
      }
      return values;
    }

    private static NDArray named(NDArray array, String name) {
      array.setName(name);
      return array;
    }
  }
}
